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
