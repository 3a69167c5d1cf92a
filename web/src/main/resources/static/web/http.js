// Calls to the API with the browser session: same origin, JSON, and the CSRF token (double
// submit: the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header) on every state change.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'The request failed (' + status + ').');
    this.status = status;
    this.problem = problem;
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

export async function call(method, path, body, { redirectOn401 = true } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { detail: 'The server could not be reached. Check the connection and try again.' });
  }
  if (response.status === 401 && redirectOn401) {
    location.assign('/sign-in');
    throw new ApiError(401, { detail: 'Your session has ended. Sign in again.' });
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!response.ok) {
    throw new ApiError(response.status, json || { detail: 'The request failed (' + response.status + ').' });
  }
  return json;
}
