// Entry point: the header (search box with suggestions, who is signed in), then the router draws each view.

import { h, replace } from './dom.js';
import { navigate, startRouter } from './router.js';
import { sessionEvents } from './session-store.js';
import { currentViewer, isCurator } from './session.js';
import { attachSuggest, suggestionHref } from './suggest.js';
import { curatorView } from './views/curator.js';
import { homeView } from './views/home.js';
import { insightsView } from './views/insights.js';
import { searchView } from './views/search.js';
import { signInView } from './views/signin.js';
import { titleView } from './views/title.js';

const ROUTES = [
  [/^\/$/, homeView],
  [/^\/search$/, searchView],
  [/^\/title\/([^/]+)$/, titleView],
  [/^\/curator$/, curatorView],
  [/^\/insights$/, insightsView],
  [/^\/signin$/, signInView],
];

function wireSearchBox() {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const submit = (text) => navigate(text ? `/search?${new URLSearchParams({ q: text })}` : '/search');
  attachSuggest(input, { onPick: (s) => navigate(suggestionHref(s)), onSubmit: submit });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(input.value.trim());
  });
  document.addEventListener('searchquery', (event) => {
    if (document.activeElement !== input) input.value = event.detail.q;
  });
  document.addEventListener('routechange', (event) => {
    if (event.detail.url.pathname !== '/search' && document.activeElement !== input) input.value = '';
  });
}

async function drawAccount() {
  const account = document.getElementById('account');
  const curatorLink = document.getElementById('nav-curator');
  let viewer = null;
  try {
    viewer = await currentViewer();
  } catch {
    viewer = null;
  }
  curatorLink.hidden = !isCurator(viewer);
  if (!viewer) {
    replace(account, h('a', { className: 'button button-small', href: '/signin', text: 'Sign in' }));
    return;
  }
  replace(account, h('a', { className: 'account-link', href: '/signin', attrs: { 'aria-label': `Account: ${viewer.name || viewer.id}, ${viewer.role.toLowerCase()}` } },
    h('span', { className: 'avatar', attrs: { 'aria-hidden': 'true' }, text: (viewer.name || viewer.id).slice(0, 1).toUpperCase() }),
    h('span', { className: 'account-name', text: viewer.name || viewer.id }),
    h('span', { className: 'role-badge', text: viewer.role === 'CURATOR' ? 'Curator' : 'Viewer' })));
}

function markCurrentNav() {
  for (const a of document.querySelectorAll('.site-nav a')) {
    const target = new URL(a.href);
    const current = target.pathname === location.pathname && (!target.search || target.search === location.search);
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

wireSearchBox();
drawAccount();
sessionEvents.addEventListener('change', drawAccount);
document.addEventListener('routechange', markCurrentNav);
startRouter(document.getElementById('main'), ROUTES);
