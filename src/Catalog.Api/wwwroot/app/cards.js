// Title cards. The catalog has no posters, so each card gets a coloured tile: the hue comes from the first genre
// (every comedy warm, every horror dark red, …) nudged by the title id so neighbours differ; the name and year
// are set on it in type. Nothing is fetched from anywhere.

import { h } from './dom.js';
import { formatRating, kindLabel, metaLine } from './format.js';

const GENRE_HUES = {
  comedy: 42, drama: 212, action: 8, adventure: 150, thriller: 262, horror: 350, romance: 330,
  musical: 292, music: 292, documentary: 182, western: 26, animation: 96, 'science fiction': 230, fantasy: 275,
};

function hash(text) {
  let value = 0;
  for (const ch of String(text)) value = (value * 31 + ch.codePointAt(0)) >>> 0;
  return value;
}

function hueOf(title) {
  const genre = (title.genres?.[0] ?? '').toLowerCase();
  const base = GENRE_HUES[genre] ?? hash(genre || title.id) % 360;
  return (base + (hash(title.id) % 25) - 12 + 360) % 360;
}

/** The poster stand-in: a gradient tile with the name and year. Decorative next to a visible heading. */
export function tile(title, size = 'md') {
  const el = h('div', { className: `tile tile-${size} tile-pattern-${hash(title.id) % 4}`, attrs: { 'aria-hidden': 'true' } },
    h('span', { className: 'tile-kind', text: kindLabel(title.kind) }),
    h('span', { className: 'tile-name', text: title.name }),
    title.year ? h('span', { className: 'tile-year', text: String(title.year) }) : null);
  el.style.setProperty('--hue', String(hueOf(title)));
  if (title.hasTrailer) el.classList.add('tile-has-trailer');
  return el;
}

export function ratingBadge(rating) {
  if (!rating) return null;
  return h('span', { className: 'rating-badge', attrs: { title: `Weighted rating ${formatRating(rating.weighted)} of 10` } },
    h('span', { className: 'star', attrs: { 'aria-hidden': 'true' }, text: '★' }),
    h('span', { className: 'visually-hidden', text: 'Rating ' }),
    formatRating(rating.weighted));
}

/** A card in a rail or grid: tile, name as heading, one meta line. `extra` adds a line (e.g. "Leaving 12 Oct"). */
export function titleCard(title, { headingLevel = 3, extra = null } = {}) {
  return h('li', { className: 'card' },
    h('a', { className: 'card-link', href: `/title/${encodeURIComponent(title.id)}` },
      tile(title),
      h('div', { className: 'card-body' },
        h(`h${headingLevel}`, { className: 'card-title', text: title.name }),
        h('p', { className: 'card-meta' },
          ratingBadge(title.rating), ' ', metaLine(title.year, title.genres?.[0])),
        extra ? h('p', { className: 'card-extra', text: extra }) : null)));
}

/** A horizontal, scrollable row of cards. */
export function cardRail(titles, options = {}) {
  return h('ul', { className: 'rail', attrs: { role: 'list' } }, titles.map((t) => titleCard(t, { ...options, extra: options.extraOf?.(t) })));
}

export function cardGrid(titles, options = {}) {
  return h('ul', { className: 'grid', attrs: { role: 'list' } }, titles.map((t) => titleCard(t, { ...options, extra: options.extraOf?.(t) })));
}
