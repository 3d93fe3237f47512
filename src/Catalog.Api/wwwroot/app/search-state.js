// The search page's state is its URL: /search?q=…&genre=…&tag=…&kind=…&person=…&released=FROM..TO&added=FROM..TO
// &trailer=1&sort=…&exact=1 (exact: only the words as typed, no fallback reading). This module parses it, writes it back, and turns it into the API's TitleFilter.

export const SORTS = [
  ['RELEVANCE', 'Best match'],
  ['RATING', 'Top rated'],
  ['POPULARITY', 'Most popular'],
  ['RELEASED_NEWEST', 'Newest releases'],
  ['RELEASED_OLDEST', 'Oldest releases'],
  ['ADDED_NEWEST', 'Recently added'],
  ['ADDED_OLDEST', 'Added longest ago'],
  ['NAME', 'Name A–Z'],
];

// URL parameter <-> facet field <-> filter key. Multi-valued, any-of (the facets are disjunctive).
export const LIST_PARAMS = [
  { param: 'genre', facet: 'GENRE', filterKey: 'genres', label: 'Genre' },
  { param: 'kind', facet: 'KIND', filterKey: 'kinds', label: 'Kind' },
  { param: 'tag', facet: 'TAG', filterKey: 'anyTags', label: 'Tags' },
  { param: 'person', facet: null, filterKey: 'people', label: 'People' },
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseRange(text) {
  const [from = '', to = ''] = String(text ?? '').split('..');
  return { from: DATE.test(from) ? from : '', to: DATE.test(to) ? to : '' };
}

function rangeText(range) {
  return range.from || range.to ? `${range.from}..${range.to}` : '';
}

export function parseSearch(url) {
  const p = url.searchParams;
  const sort = p.get('sort');
  const lists = {};
  for (const { param } of LIST_PARAMS) lists[param] = [...new Set(p.getAll(param).filter(Boolean))].sort();
  return {
    q: (p.get('q') ?? '').trim(),
    lists,
    released: parseRange(p.get('released')),
    added: parseRange(p.get('added')),
    trailer: p.get('trailer') === '1',
    sort: SORTS.some(([value]) => value === sort) ? sort : '',
    exact: p.get('exact') === '1',
  };
}

export function searchHref(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const { param } of LIST_PARAMS) for (const value of state.lists[param] ?? []) p.append(param, value);
  if (rangeText(state.released)) p.set('released', rangeText(state.released));
  if (rangeText(state.added)) p.set('added', rangeText(state.added));
  if (state.trailer) p.set('trailer', '1');
  if (state.sort) p.set('sort', state.sort);
  if (state.exact && state.q) p.set('exact', '1');
  const text = p.toString();
  return text ? `/search?${text}` : '/search';
}

/** A copy of `state` with `changes` applied (lists replaced whole). */
export function withState(state, changes) {
  return { ...state, ...changes, lists: { ...state.lists, ...(changes.lists ?? {}) } };
}

/** The same words and sort with every filter dropped. */
export function withoutFilters(state) {
  const lists = Object.fromEntries(LIST_PARAMS.map(({ param }) => [param, []]));
  return withState(state, { lists, released: { from: '', to: '' }, added: { from: '', to: '' }, trailer: false });
}

export function toggled(state, param, value) {
  const current = state.lists[param] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value].sort();
  return withState(state, { lists: { [param]: next } });
}

export function emptyState() {
  return parseSearch(new URL('/search', location.origin));
}

export function hasFilters(state) {
  return LIST_PARAMS.some(({ param }) => state.lists[param]?.length) || state.trailer
    || !!rangeText(state.released) || !!rangeText(state.added);
}

/** The TitleFilter for the API, keys always in the same order so equal states give equal (cacheable) URLs. */
export function toFilter(state) {
  const filter = {};
  for (const { param, filterKey } of LIST_PARAMS) if (state.lists[param]?.length) filter[filterKey] = state.lists[param];
  if (rangeText(state.released)) filter.released = { from: state.released.from || null, to: state.released.to || null };
  if (rangeText(state.added)) {
    filter.added = {
      from: state.added.from ? `${state.added.from}T00:00:00Z` : null,
      to: state.added.to ? `${state.added.to}T23:59:59Z` : null,
    };
  }
  if (state.trailer) filter.hasTrailer = true;
  return Object.keys(filter).length ? filter : null;
}

/** The sort actually used: relevance needs words to rank by; without them the best-rated come first. */
export function effectiveSort(state) {
  return state.sort || (state.q ? 'RELEVANCE' : 'RATING');
}
