// A search box with suggestions as you type (ARIA 1.2 combobox + listbox): debounced requests, answers that
// arrive out of order are dropped, arrow keys move through the list, Enter picks, Escape closes.

import { query } from './api.js';
import { h, replace, uid } from './dom.js';
import { SUGGEST } from './queries.js';

const DEBOUNCE_MS = 150;
const KIND_LABELS = { TITLE: 'Title', TAG: 'Tag', PERSON: 'Person', GENRE: 'Genre' };

/** Completions first, then titles the (typo-tolerant) search finds that are not among them. */
function merged(data, first) {
  const list = [...data.suggest];
  const titles = new Set(list.filter((s) => s.kind === 'TITLE').map((s) => s.titleId));
  for (const t of data.search.nodes) {
    if (list.length >= first) break;
    if (!titles.has(t.id)) list.push({ text: t.year ? `${t.name} (${t.year})` : t.name, kind: 'TITLE', titleId: t.id });
  }
  return list;
}

/**
 * Wires suggestions to `input`. `onPick(suggestion)` runs when one is chosen; `onSubmit(text)` when Enter is pressed
 * without one. `kinds` limits which suggestion kinds are shown.
 */
export function attachSuggest(input, { onPick, onSubmit, kinds = null, first = 8 }) {
  const listId = uid('suggestions');
  const list = h('ul', { id: listId, className: 'suggestions', hidden: true, attrs: { role: 'listbox', 'aria-label': 'Suggestions' } });
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.autocomplete = 'off';

  let items = [];
  let active = -1;
  let timer = 0;
  let sequence = 0;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(index) {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((el, i) => {
      el.setAttribute('aria-selected', String(i === index));
      el.classList.toggle('is-active', i === index);
      if (i === index) {
        input.setAttribute('aria-activedescendant', el.id);
        el.scrollIntoView({ block: 'nearest' });
      }
    });
    if (index < 0) input.removeAttribute('aria-activedescendant');
  }

  function pick(index) {
    const suggestion = items[index];
    close();
    if (suggestion) onPick(suggestion);
  }

  function show(suggestions) {
    items = kinds ? suggestions.filter((s) => kinds.includes(s.kind)) : suggestions;
    replace(list, items.map((s, i) => {
      const option = h('li', { id: `${listId}-${i}`, className: 'suggestion', attrs: { role: 'option', 'aria-selected': 'false', 'data-kind': s.kind } },
        h('span', { className: 'suggestion-text', text: s.text }),
        h('span', { className: 'suggestion-kind', text: KIND_LABELS[s.kind] ?? s.kind }));
      // mousedown keeps the focus in the input; click then picks.
      option.addEventListener('mousedown', (event) => event.preventDefault());
      option.addEventListener('click', () => pick(i));
      return option;
    }));
    active = -1;
    const open = items.length > 0 && document.activeElement === input;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
  }

  async function fetchSuggestions(prefix) {
    sequence += 1;
    const mine = sequence;
    try {
      const data = await query(SUGGEST, { prefix, first });
      if (mine === sequence && input.value.trim() === prefix) show(merged(data, first));
    } catch {
      if (mine === sequence) close();
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (!prefix) {
      sequence += 1;
      close();
      return;
    }
    timer = setTimeout(() => fetchSuggestions(prefix), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    const open = !list.hidden;
    if (event.key === 'ArrowDown' && items.length) {
      event.preventDefault();
      if (!open) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
      setActive(active + 1 >= items.length ? 0 : active + 1);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (open && active >= 0) pick(active);
      else {
        clearTimeout(timer);
        sequence += 1;
        close();
        onSubmit?.(input.value.trim());
      }
    }
  });

  input.addEventListener('blur', () => close());
  return { close };
}

/** Where a picked suggestion leads: the title page, or the search for that tag, person or genre. */
export function suggestionHref(suggestion) {
  switch (suggestion.kind) {
    case 'TITLE': return suggestion.titleId ? `/title/${encodeURIComponent(suggestion.titleId)}` : `/search?${new URLSearchParams({ q: suggestion.text })}`;
    case 'TAG': return `/search?${new URLSearchParams({ tag: suggestion.text })}`;
    case 'PERSON': return `/search?${new URLSearchParams({ person: suggestion.text })}`;
    case 'GENRE': return `/search?${new URLSearchParams({ genre: suggestion.text })}`;
    default: return `/search?${new URLSearchParams({ q: suggestion.text })}`;
  }
}
