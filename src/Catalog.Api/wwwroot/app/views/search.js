// /search: results with highlighted snippets, facets, sort, date ranges, "Did you mean", related titles, "More".

import { query, recordClick } from '../api.js';
import { cardRail, ratingBadge, tile } from '../cards.js';
import { h, replace, spinner, status } from '../dom.js';
import { formatCount, kindLabel, metaLine, plural } from '../format.js';
import { snippetNodes } from '../highlight.js';
import { SEARCH } from '../queries.js';
import { navigate } from '../router.js';
import { SORTS, effectiveSort, hasFilters, parseSearch, searchHref, toFilter, withState, withoutFilters } from '../search-state.js';
import { filterSidebar } from './search-filters.js';

const PAGE_SIZE = 20;
const FIELD_LABELS = { synopsis: 'Synopsis', tags: 'Tags', genres: 'Genres', people: 'People', directors: 'Director', cast: 'Cast', alternateNames: 'Also known as', originalName: 'Original name' };

function variables(state, after = null) {
  return { q: state.q || null, filter: toFilter(state), sort: effectiveSort(state), first: PAGE_SIZE, after, exact: state.exact };
}

function resultItem(edge) {
  const t = edge.node;
  const nameHighlight = edge.highlights.find((hl) => hl.field === 'name');
  const others = edge.highlights.filter((hl) => hl !== nameHighlight);
  const href = `/title/${encodeURIComponent(t.id)}`;
  return h('li', { className: 'result', attrs: { 'data-title-id': t.id } },
    h('a', { href, className: 'result-tile', tabIndex: -1, attrs: { 'aria-hidden': 'true' } }, tile(t, 'sm')),
    h('div', { className: 'result-body' },
      h('h3', { className: 'result-title' }, h('a', { href }, nameHighlight ? snippetNodes(nameHighlight.snippet) : t.name)),
      h('p', { className: 'result-meta' }, ratingBadge(t.rating), ' ',
        metaLine(t.year, kindLabel(t.kind), t.genres.join(', '), t.rating.count ? plural(t.rating.count, 'vote') : null)),
      others.length
        ? others.map((hl) => h('p', { className: 'snippet' }, h('span', { className: 'snippet-field', text: `${FIELD_LABELS[hl.field] ?? hl.field}: ` }), snippetNodes(hl.snippet)))
        : t.synopsis ? h('p', { className: 'snippet', text: t.synopsis.length > 220 ? `${t.synopsis.slice(0, 220)}…` : t.synopsis }) : null,
      t.directors?.length ? h('p', { className: 'snippet muted', text: `Directed by ${t.directors.join(', ')}` }) : null));
}

function sortMenu(state) {
  const select = h('select', { id: 'sort-select', attrs: { 'data-focus-key': 'sort' } },
    SORTS.map(([value, label]) => h('option', { value, text: label, selected: value === effectiveSort(state) })));
  select.addEventListener('change', () => navigate(searchHref(withState(state, { sort: select.value })), { keepScroll: true }));
  return h('div', { className: 'sort-menu' }, h('label', { htmlFor: 'sort-select', text: 'Sort by' }), select);
}

function countLine(result, shown) {
  const total = result.totalCount;
  return total > shown ? `Showing ${formatCount(shown)} of ${plural(total, 'title')}` : plural(total, 'title');
}

function resultsBlock(result, state) {
  const list = h('ol', { className: 'results', attrs: { role: 'list' } }, result.edges.map(resultItem));
  // An opened result goes to search insights with its place in the list (pages added by "More" continue it).
  const opened = (event) => {
    const item = event.target.closest('a')?.closest('li.result');
    if (item) recordClick(result.searchId, item.dataset.titleId, [...list.children].indexOf(item) + 1);
  };
  list.addEventListener('click', opened);
  list.addEventListener('auxclick', opened);
  const count = h('p', { className: 'result-count', attrs: { role: 'status' }, text: countLine(result, result.edges.length) });
  const moreArea = h('div', { className: 'more' });
  let pageInfo = result.pageInfo;
  let shown = result.edges.length;
  const moreButton = h('button', { type: 'button', className: 'button button-secondary', text: 'More results' });
  moreButton.addEventListener('click', async () => {
    moreButton.disabled = true;
    moreButton.textContent = 'Loading…';
    try {
      const next = (await query(SEARCH, variables(state, pageInfo.endCursor), { experiment: true })).search;
      const items = next.edges.map(resultItem);
      list.append(...items);
      shown += items.length;
      pageInfo = next.pageInfo;
      count.textContent = countLine(next, shown);
      items[0]?.querySelector('h3 a')?.focus();
      if (!pageInfo.hasNextPage) moreButton.remove();
    } catch (error) {
      moreArea.append(status('error', error.message));
    } finally {
      moreButton.disabled = false;
      moreButton.textContent = 'More results';
    }
  });
  if (pageInfo.hasNextPage) moreArea.append(moreButton);
  return { count, body: [result.edges.length ? list : null, moreArea] };
}

function emptyResults(state) {
  return status('empty', state.q ? `No titles match “${state.q}”${hasFilters(state) ? ' with these filters' : ''}.` : 'No titles match these filters.',
    hasFilters(state) ? [' ', h('a', { href: searchHref(withoutFilters(state)), text: 'Clear the filters' })] : null);
}

function headingText(state) {
  if (state.q) return `Results for “${state.q}”`;
  const people = state.lists.person ?? [];
  if (people.length) return `Titles with ${people.join(', ')}`;
  return effectiveSort(state) === 'RATING' ? 'Top rated titles' : 'All titles';
}

export async function searchView(ctx) {
  const state = parseSearch(ctx.url);
  ctx.setTitle(state.q ? `${state.q} – Search` : 'Search');
  document.dispatchEvent(new CustomEvent('searchquery', { detail: { q: state.q } }));
  if (!ctx.main.querySelector('.search-page')) replace(ctx.main, h('h1', { tabIndex: -1, text: headingText(state) }), spinner('Searching…'));
  const result = (await query(SEARCH, variables(state), { experiment: true })).search;
  if (!ctx.isCurrent()) return;
  const { count, body } = resultsBlock(result, state);
  // When a looser reading answered, say which, with the words as typed one click away (exact=1).
  const showingFor = result.correctedQuery
    ? h('p', { className: 'did-you-mean showing-for' }, 'Showing results for ', h('strong', { text: result.correctedQuery }), '. Search instead for ',
      h('a', { href: searchHref(withState(state, { exact: true })), text: state.q }), '.')
    : null;
  const didYouMean = result.didYouMean && result.didYouMean !== result.correctedQuery
    ? h('p', { className: 'did-you-mean' }, 'Did you mean ',
      h('a', { href: searchHref(withState(state, { q: result.didYouMean, exact: false })), text: result.didYouMean }), '?')
    : null;
  replace(ctx.main, h('div', { className: 'search-page' },
    h('div', { className: 'search-head' },
      h('div', {}, h('h1', { tabIndex: -1, text: headingText(state) }), count),
      sortMenu(state)),
    showingFor ?? didYouMean,
    h('div', { className: 'search-layout' },
      filterSidebar(result, state),
      h('section', { className: 'search-results', attrs: { 'aria-labelledby': 'results-heading' } },
        h('h2', { id: 'results-heading', className: 'visually-hidden', text: 'Results' }),
        result.edges.length ? null : emptyResults(state),
        body,
        result.related.length ? h('section', { className: 'related', attrs: { 'aria-labelledby': 'related-heading' } },
          h('h2', { id: 'related-heading', text: 'Related titles' }),
          h('p', { className: 'related-note', text: 'Not matches for your search — titles sharing people or tags with the matches above.' }),
          cardRail(result.related)) : null))));
}
