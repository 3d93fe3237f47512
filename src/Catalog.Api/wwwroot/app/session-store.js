// The signed-in state: a bearer token kept in sessionStorage (gone when the tab closes).
// Other modules listen for 'change' on `sessionEvents` to redraw what depends on who is signed in.

const KEY = 'catalog.token';
export const sessionEvents = new EventTarget();

export function bearerToken() {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeToken(token) {
  sessionStorage.setItem(KEY, token);
  sessionEvents.dispatchEvent(new Event('change'));
}

export function clearToken() {
  sessionStorage.removeItem(KEY);
  sessionEvents.dispatchEvent(new Event('change'));
}

/** The server said the token is expired or not valid: forget it, the person is anonymous again. */
export function tokenRejected() {
  if (!bearerToken()) return;
  sessionStorage.removeItem(KEY);
  sessionEvents.dispatchEvent(new CustomEvent('change', { detail: { rejected: true } }));
}
