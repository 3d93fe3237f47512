// The filter sidebar of the search page: disjunctive facets with counts (tick several values of one field to get
// any of them), a "has a trailer" switch, release- and added-date ranges, clear links. Every change is a new URL.

import { h } from '../dom.js';
import { formatCount, kindLabel } from '../format.js';
import { navigate } from '../router.js';
import { LIST_PARAMS, hasFilters, searchHref, toggled, withState, withoutFilters } from '../search-state.js';

const SHOWN_FACETS = LIST_PARAMS.filter((p) => p.facet);
const SHOWN_VALUES = 8;

function go(state) {
  navigate(searchHref(state), { keepScroll: true });
}

function valueLabel(facet, value) {
  return facet === 'KIND' ? kindLabel(value) : value;
}

function facetGroup(spec, facet, state) {
  const selected = state.lists[spec.param] ?? [];
  const values = [...(facet?.values ?? [])];
  // A value picked in the URL stays visible (and can be unticked) even when the API has no count for it now.
  for (const value of selected) if (!values.some((v) => v.value === value)) values.push({ value, count: 0, selected: true });
  if (!values.length) return null;
  return h('fieldset', { className: 'facet', attrs: { 'data-facet': spec.facet } },
    h('legend', {}, spec.label,
      selected.length ? h('a', { className: 'facet-clear', href: searchHref(withState(state, { lists: { [spec.param]: [] } })) },
        'Clear', h('span', { className: 'visually-hidden', text: ` ${spec.label.toLowerCase()}` })) : null),
    h('ul', { className: 'facet-values', attrs: { role: 'list' } }, values.map((v, index) => {
      const checked = v.selected || selected.includes(v.value);
      return h('li', { className: index >= SHOWN_VALUES && !checked ? 'facet-extra' : null },
        h('label', { className: checked ? 'facet-value is-selected' : 'facet-value' },
          h('input', {
            type: 'checkbox', checked, value: v.value,
            attrs: { 'data-focus-key': `facet:${spec.facet}:${v.value}` },
            onChange: () => go(toggled(state, spec.param, v.value)),
          }),
          h('span', { className: 'facet-name', text: valueLabel(spec.facet, v.value) }),
          h('span', { className: 'facet-count', text: formatCount(v.count) })));
    })),
    values.length > SHOWN_VALUES ? showMore(values.length - SHOWN_VALUES, spec.label) : null);
}

// Long value lists show their first values; the rest open on request (the ticked ones always show).
function showMore(hidden, label) {
  const button = h('button', { type: 'button', className: 'link-button facet-more', text: `Show ${hidden} more ${label.toLowerCase()}`, attrs: { 'aria-expanded': 'false' } });
  button.addEventListener('click', () => {
    const fieldset = button.closest('fieldset');
    const open = fieldset.classList.toggle('is-expanded');
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? `Show fewer ${label.toLowerCase()}` : `Show ${hidden} more ${label.toLowerCase()}`;
  });
  return button;
}

function trailerSwitch(facet, state) {
  const withTrailer = facet?.values?.find((v) => v.value === 'true')?.count ?? 0;
  return h('fieldset', { className: 'facet', attrs: { 'data-facet': 'HAS_TRAILER' } },
    h('legend', { text: 'Trailer' }),
    h('label', { className: state.trailer ? 'facet-value is-selected' : 'facet-value' },
      h('input', {
        type: 'checkbox', checked: state.trailer, attrs: { 'data-focus-key': 'facet:HAS_TRAILER' },
        onChange: () => go(withState(state, { trailer: !state.trailer })),
      }),
      h('span', { className: 'facet-name', text: 'Has a trailer' }),
      h('span', { className: 'facet-count', text: formatCount(withTrailer) })));
}

function dateRange(name, label, range) {
  return h('fieldset', { className: 'facet date-range' },
    h('legend', { text: label }),
    h('div', { className: 'date-inputs' },
      h('label', {}, h('span', { text: 'From' }), h('input', { type: 'date', name: `${name}From`, value: range.from, attrs: { 'data-focus-key': `${name}From` } })),
      h('label', {}, h('span', { text: 'To' }), h('input', { type: 'date', name: `${name}To`, value: range.to, attrs: { 'data-focus-key': `${name}To` } }))));
}

function dateForm(state) {
  const form = h('form', { className: 'date-form', attrs: { 'aria-label': 'Date ranges' } },
    dateRange('released', 'Released', state.released),
    dateRange('added', 'Added to the catalog', state.added),
    h('button', { type: 'submit', className: 'button button-secondary', text: 'Apply dates', attrs: { 'data-focus-key': 'apply-dates' } }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    go(withState(state, {
      released: { from: String(data.get('releasedFrom') ?? ''), to: String(data.get('releasedTo') ?? '') },
      added: { from: String(data.get('addedFrom') ?? ''), to: String(data.get('addedTo') ?? '') },
    }));
  });
  return form;
}

function activeCount(state) {
  return LIST_PARAMS.reduce((n, { param }) => n + (state.lists[param]?.length ?? 0), 0)
    + (state.trailer ? 1 : 0) + (state.released.from || state.released.to ? 1 : 0) + (state.added.from || state.added.to ? 1 : 0);
}

export function filterSidebar(result, state) {
  const facetOf = (field) => result?.facets?.find((f) => f.field === field);
  const people = state.lists.person ?? [];
  const details = h('details', { className: 'filters-details' },
    h('summary', {}, h('h2', { id: 'filters-heading' }, 'Filters',
      activeCount(state) ? h('span', { className: 'count-pill', text: String(activeCount(state)) }) : null)),
    hasFilters(state) ? h('p', { className: 'clear-all' },
      h('a', { href: searchHref(withoutFilters(state)), text: 'Clear all filters' })) : null,
    people.length ? facetGroup(LIST_PARAMS.find((p) => p.param === 'person'), { values: people.map((value) => ({ value, count: result?.totalCount ?? 0, selected: true })) }, state) : null,
    SHOWN_FACETS.map((spec) => facetGroup(spec, facetOf(spec.facet), state)),
    trailerSwitch(facetOf('HAS_TRAILER'), state),
    dateForm(state));
  // Open beside the results on wide screens; on phones the results come first and the filters fold away.
  details.open = window.matchMedia('(min-width: 56rem)').matches;
  return h('aside', { className: 'filters', attrs: { 'aria-labelledby': 'filters-heading' } }, details);
}
