// /signin: development sign-in. Paste a bearer token (what `catalog token` prints) — it is kept in sessionStorage
// only — or, when the service offers it (Catalog:Web:DevSignIn), get a viewer or curator token with one click.

import { h, replace, status } from '../dom.js';
import { navigate } from '../router.js';
import { clearToken, storeToken } from '../session-store.js';
import { currentViewer } from '../session.js';

const ROLE_LABELS = { VIEWER: 'Viewer', CURATOR: 'Curator' };

function nextHref(url) {
  const next = url.searchParams.get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

async function devSignInEnabled() {
  try {
    const response = await fetch('/dev/token', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    return response.ok && (await response.json()).enabled === true;
  } catch {
    return false;
  }
}

async function devToken(role, name) {
  const response = await fetch('/dev/token', {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(name ? { role, name } : { role }),
  });
  if (!response.ok) throw new Error(`The development sign-in answered HTTP ${response.status}.`);
  return (await response.json()).token;
}

async function signInWith(token, message, next) {
  storeToken(token);
  let viewer = null;
  try {
    viewer = await currentViewer();
  } catch (error) {
    replace(message, status('error', error.message));
    return;
  }
  if (!viewer) {
    clearToken();
    replace(message, status('error', 'That token was not accepted: it may be expired or signed with another key.'));
    return;
  }
  navigate(next);
}

function devPanel(next) {
  const message = h('div', { attrs: { 'aria-live': 'polite' } });
  const name = h('input', { id: 'dev-name', type: 'text', maxLength: 60, autocomplete: 'nickname', attrs: { placeholder: 'e.g. Ann' } });
  const button = (role, label) => {
    const el = h('button', { type: 'button', className: role === 'curator' ? 'button button-secondary' : 'button', text: label, attrs: { 'data-dev-role': role } });
    el.addEventListener('click', async () => {
      el.disabled = true;
      try {
        await signInWith(await devToken(role, name.value.trim()), message, next);
      } catch (error) {
        replace(message, status('error', error.message));
      } finally {
        el.disabled = false;
      }
    });
    return el;
  };
  return h('section', { className: 'panel', attrs: { 'aria-labelledby': 'dev-heading' } },
    h('h2', { id: 'dev-heading', text: 'Quick sign-in for development' }),
    h('p', { className: 'muted', text: 'This service runs in development mode with the sample catalog, so it can issue test accounts.' }),
    h('label', { htmlFor: name.id, className: 'field-label', text: 'Display name (optional)' }), name,
    h('div', { className: 'form-actions' }, button('viewer', 'Sign in as a viewer'), button('curator', 'Sign in as a curator')),
    message);
}

function tokenForm(next) {
  const message = h('div', { attrs: { 'aria-live': 'polite' } });
  const token = h('textarea', { id: 'token-input', name: 'token', rows: 4, required: true, spellcheck: false, className: 'mono', attrs: { 'aria-describedby': 'token-help' } });
  const form = h('form', { className: 'panel', attrs: { 'aria-labelledby': 'token-heading' } },
    h('h2', { id: 'token-heading', text: 'Sign in with a token' }),
    h('label', { htmlFor: token.id, className: 'field-label', text: 'Bearer token' }),
    h('p', { className: 'muted', id: 'token-help' }, 'Paste what ', h('code', { text: 'catalog token --viewer ID' }), ' or ', h('code', { text: '--curator ID' }),
      ' prints. It is kept for this tab only.'),
    token,
    h('div', { className: 'form-actions' }, h('button', { type: 'submit', className: 'button', text: 'Sign in' })),
    message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = token.value.trim().replace(/^Bearer\s+/i, '');
    if (!value) replace(message, status('error', 'Paste a token first.'));
    else signInWith(value, message, next);
  });
  return form;
}

export async function signInView(ctx) {
  ctx.setTitle('Sign in');
  const next = nextHref(ctx.url);
  const [viewer, dev] = await Promise.all([currentViewer().catch(() => null), devSignInEnabled()]);
  if (!ctx.isCurrent()) return;
  const signedIn = viewer ? h('section', { className: 'panel signed-in', attrs: { 'aria-labelledby': 'who-heading' } },
    h('h2', { id: 'who-heading', text: 'Signed in' }),
    h('p', {}, 'You are ', h('strong', { text: viewer.name || viewer.id }), ` (${viewer.id}), role `,
      h('span', { className: 'role-badge', text: ROLE_LABELS[viewer.role] ?? viewer.role }), '.'),
    h('button', { type: 'button', className: 'button button-secondary', text: 'Sign out', onClick: () => { clearToken(); navigate('/signin'); } })) : null;
  replace(ctx.main, h('div', { className: 'narrow' },
    h('h1', { tabIndex: -1, text: viewer ? 'Your account' : 'Sign in' }),
    signedIn,
    dev ? devPanel(next) : null,
    tokenForm(next)));
}
