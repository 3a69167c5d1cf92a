import { call } from '/web/http.js';

const form = document.getElementById('sign-in');
const error = document.getElementById('sign-in-error');

form.addEventListener('submit', async event => {
  event.preventDefault();
  error.hidden = true;
  try {
    await call('POST', '/session', {
      username: form.username.value.trim(), password: form.password.value,
    }, { redirectOn401: false });
    location.assign('/app');
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
    form.password.focus();
  }
});

// How one signs in here: a password (the embedded default's demo users), or the organisation's
// identity provider (OpenID Connect), which sends the browser back signed in.
const PROBLEMS = {
  'no-role': 'You are signed in at the identity provider, but it gives you no role in Rapporteur. Ask your administrator.',
  provider: 'The identity provider did not sign you in. Try again.',
};
(async () => {
  const problem = PROBLEMS[new URLSearchParams(location.search).get('error')];
  if (problem) {
    const shown = document.getElementById('sign-in-problem');
    shown.textContent = problem;
    shown.hidden = false;
  }
  let options = { password: true, providers: [] };
  try { options = await call('GET', '/session/options', undefined, { redirectOn401: false }); } catch (e) { /* offer the password */ }
  const list = document.getElementById('providers');
  for (const provider of options.providers) {
    const link = document.createElement('a');
    link.href = provider.url;
    link.className = 'button';
    link.textContent = 'Sign in with ' + provider.name;
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  list.hidden = options.providers.length === 0;
  form.hidden = !options.password;
  // Focus where one starts, unless the user has already moved on.
  if (document.activeElement === document.body || document.activeElement === null) {
    if (options.password) form.username.focus();
    else if (options.providers.length) list.querySelector('a').focus();
  }
})();
