// History-API routing: the whole view state lives in the URL, so links are shareable, back/forward work and a
// reload restores the view. Same-origin links are intercepted; each navigation renders the matching view into <main>.

import { h, replace, status } from './dom.js';

const SITE = 'Catalog';
let routes = [];
let main;
let generation = 0;
let firstRender = true;

/** `table` is a list of [RegExp on the path, async view(ctx)]. */
export function startRouter(mainElement, table) {
  main = mainElement;
  routes = table;
  history.scrollRestoration = 'manual';
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', (event) => render({ scrollY: event.state?.scrollY ?? 0, fromHistory: true }));
  render({ scrollY: 0 });
}

/** Goes to `href`. `keepScroll` keeps the scroll position (filters changing on the same page); `replace` edits the current entry. */
export function navigate(href, { replace: replaceEntry = false, keepScroll = false } = {}) {
  const url = new URL(href, location.href);
  history.replaceState({ ...history.state, scrollY: window.scrollY }, '');
  if (replaceEntry) history.replaceState({}, '', url);
  else history.pushState({}, '', url);
  return render({ scrollY: keepScroll ? window.scrollY : 0 });
}

function onClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.target.closest?.('a[href]');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || !matchRoute(url.pathname)) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  navigate(url.href);
}

function matchRoute(path) {
  for (const [pattern, view] of routes) {
    const match = pattern.exec(path);
    if (match) return { view, params: match.slice(1).map(decodeURIComponent) };
  }
  return null;
}

function notFound(ctx) {
  ctx.setTitle('Page not found');
  replace(ctx.main, h('h1', { tabIndex: -1, text: 'Page not found' }),
    status('empty', 'There is no page at this address. '), h('p', {}, h('a', { href: '/', text: 'Go to the home page' })));
}

async function render({ scrollY, fromHistory = false }) {
  generation += 1;
  const mine = generation;
  const url = new URL(location.href);
  const focusKey = document.activeElement?.dataset?.focusKey;
  const route = matchRoute(url.pathname) ?? { view: notFound, params: [] };
  const ctx = {
    main,
    url,
    params: route.params,
    isCurrent: () => mine === generation,
    setTitle: (title) => { if (mine === generation) document.title = title ? `${title} · ${SITE}` : SITE; },
  };
  main.setAttribute('aria-busy', 'true');
  document.dispatchEvent(new CustomEvent('routechange', { detail: { url } }));
  try {
    await route.view(ctx);
  } catch (error) {
    if (mine !== generation) return;
    replace(main, h('h1', { tabIndex: -1, text: 'Something went wrong' }),
      status('error', error?.message ?? 'The page could not be shown.'),
      h('p', {}, h('a', { href: url.pathname + url.search, text: 'Try again' }), ' or ', h('a', { href: '/', text: 'go home' }), '.'));
  }
  if (mine !== generation) return;
  main.removeAttribute('aria-busy');
  restoreFocus(focusKey, fromHistory);
  window.scrollTo(0, scrollY);
}

function restoreFocus(focusKey, fromHistory) {
  const keep = focusKey && main.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
  if (keep) keep.focus();
  else if (!firstRender || fromHistory) main.querySelector('h1')?.focus({ preventScroll: true });
  firstRender = false;
}
