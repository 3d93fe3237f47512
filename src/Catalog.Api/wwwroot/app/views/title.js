// /title/{id}: everything about one title — facts, people and tags as links to searches, rating, availability,
// trailers, IMDb, similar titles and the reviews.

import { query } from '../api.js';
import { cardRail, tile } from '../cards.js';
import { h, replace, spinner, status } from '../dom.js';
import { formatDate, formatRating, formatRuntime, kindLabel, metaLine, plural, trailerKindLabel } from '../format.js';
import { TITLE } from '../queries.js';
import { currentViewer, isCurator } from '../session.js';
import { REVIEW_ORDERS, REVIEW_PAGE, reviewsSection } from './reviews.js';

function searchLink(param, value) {
  return h('a', { className: 'chip', href: `/search?${new URLSearchParams({ [param]: value })}`, text: value });
}

function chips(param, values) {
  return h('ul', { className: 'chips', attrs: { role: 'list' } }, values.map((v) => h('li', {}, searchLink(param, v))));
}

function ratingBlock(rating) {
  return h('div', { className: 'rating-block' },
    h('p', { className: 'rating-weighted' },
      h('span', { className: 'star', attrs: { 'aria-hidden': 'true' }, text: '★' }),
      h('span', { className: 'rating-number', text: formatRating(rating.weighted) }),
      h('span', { className: 'rating-scale', text: '/10 weighted' })),
    h('p', { className: 'rating-raw', text: rating.count
      ? `Average ${formatRating(rating.average)} from ${plural(rating.count, 'vote')}`
      : 'No votes yet' }));
}

function availability(t) {
  return h('p', { className: 'availability' },
    h('span', {}, `Added ${formatDate(t.addedAt)}`),
    t.availableUntil ? h('span', { className: 'leaving' }, `Leaving ${formatDate(t.availableUntil)}`) : h('span', {}, 'No end date'));
}

function trailerPlayer(trailer, t) {
  const label = `${trailerKindLabel(trailer.kind)}${trailer.language ? ` (${trailer.language})` : ''}`;
  const frame = h('div', { className: 'trailer-frame' });
  // The player is only loaded when asked for: no request to the video site before a click.
  const play = h('button', { type: 'button', className: 'trailer-play' },
    h('span', { className: 'play-icon', attrs: { 'aria-hidden': 'true' }, text: '▶' }),
    h('span', { text: `Play ${label.toLowerCase()}` }));
  play.addEventListener('click', () => {
    const iframe = h('iframe', {
      src: trailer.embedUrl, title: `${label}: ${t.name}`,
      attrs: { allow: 'autoplay; encrypted-media; picture-in-picture; fullscreen', referrerpolicy: 'strict-origin-when-cross-origin' },
    });
    replace(frame, iframe);
    iframe.focus();
  });
  frame.append(play);
  return h('li', { className: 'trailer' }, frame,
    h('p', { className: 'trailer-caption' }, label, ' · ', h('a', { href: trailer.url, target: '_blank', rel: 'noopener noreferrer', text: 'Open on the site' })));
}

function trailersSection(t) {
  const embeddable = t.trailers.filter((tr) => tr.embedUrl);
  const linkOnly = t.trailers.filter((tr) => !tr.embedUrl);
  return h('section', { className: 'panel trailers', attrs: { 'aria-labelledby': 'trailers-heading' } },
    h('h2', { id: 'trailers-heading', text: 'Trailers' }),
    embeddable.length ? h('ul', { className: 'trailer-list', attrs: { role: 'list' } }, embeddable.map((tr) => trailerPlayer(tr, t))) : null,
    linkOnly.length ? h('ul', { className: 'link-list', attrs: { role: 'list' } }, linkOnly.map((tr) => h('li', {},
      h('a', { href: tr.url, target: '_blank', rel: 'noopener noreferrer', text: `${trailerKindLabel(tr.kind)} on ${tr.site.toLowerCase()}` })))) : null,
    t.trailers.length ? null : h('a', { className: 'trailer-search', href: t.trailerSearchUrl, target: '_blank', rel: 'noopener noreferrer' },
      h('span', { className: 'play-icon', attrs: { 'aria-hidden': 'true' }, text: '▶' }),
      h('span', { className: 'trailer-search-text', text: 'Find the trailer' }),
      h('span', { className: 'trailer-search-note', text: 'No trailer is curated for this title yet: search for it on YouTube (opens a new tab).' })));
}

function detailRow(label, value) {
  if (!value || (Array.isArray(value) && !value.length)) return null;
  return [h('dt', { text: label }), h('dd', {}, value)];
}

function details(t) {
  return h('section', { className: 'panel', attrs: { 'aria-labelledby': 'details-heading' } },
    h('h2', { id: 'details-heading', text: 'Details' }),
    h('dl', { className: 'details' },
      detailRow(t.directors.length > 1 ? 'Directors' : 'Director', t.directors.length ? chips('person', t.directors) : null),
      detailRow('Cast', t.cast.length ? chips('person', t.cast) : null),
      detailRow('Tags', t.tags.length ? chips('tag', t.tags) : null),
      detailRow('Original name', t.originalName && t.originalName !== t.name ? t.originalName : null),
      detailRow('Released', t.releaseDate ? formatDate(t.releaseDate) : t.year ? String(t.year) : null),
      detailRow('Languages', t.languages.join(', ')),
      detailRow('Countries', t.countries.join(', '))));
}

function header(t, viewer) {
  return h('div', { className: 'title-hero' },
    tile(t, 'lg'),
    h('div', { className: 'title-info' },
      h('h1', { tabIndex: -1, text: t.name }),
      h('p', { className: 'title-meta', text: metaLine(t.year, kindLabel(t.kind), formatRuntime(t.runtimeMinutes), t.contentRating) }),
      t.genres.length ? chips('genre', t.genres) : null,
      ratingBlock(t.rating),
      availability(t),
      t.synopsis ? h('p', { className: 'synopsis', text: t.synopsis }) : null,
      h('p', { className: 'title-actions' },
        h('a', { className: 'button', href: t.imdbUrl, target: '_blank', rel: 'noopener noreferrer', text: 'IMDb' }),
        h('a', { className: 'button button-secondary', href: '#reviews-heading', text: 'Reviews' }),
        isCurator(viewer) ? h('a', { className: 'button button-secondary', href: `/curator?title=${encodeURIComponent(t.id)}`, text: 'Edit tags and trailers' }) : null)));
}

export async function titleView(ctx) {
  const id = ctx.params[0];
  const order = REVIEW_ORDERS.some(([value]) => value === ctx.url.searchParams.get('reviews')) ? ctx.url.searchParams.get('reviews') : 'HELPFULNESS';
  if (!ctx.main.querySelector(`[data-title-id="${CSS.escape(id)}"]`)) replace(ctx.main, spinner('Loading the title…'));
  const [data, viewer] = await Promise.all([query(TITLE, { id, order, first: REVIEW_PAGE }), currentViewer().catch(() => null)]);
  if (!ctx.isCurrent()) return;
  const t = data.title;
  if (!t) {
    ctx.setTitle('Title not found');
    replace(ctx.main, h('h1', { tabIndex: -1, text: 'Title not found' }),
      status('empty', 'There is no title with this address. '), h('p', {}, h('a', { href: '/search', text: 'Search the catalog' })));
    return;
  }
  ctx.setTitle(t.year ? `${t.name} (${t.year})` : t.name);
  replace(ctx.main, h('article', { className: 'title-page', attrs: { 'data-title-id': t.id } },
    header(t, viewer),
    h('div', { className: 'title-columns' },
      h('div', { className: 'title-main' }, trailersSection(t), reviewsSection(t, order, viewer)),
      h('div', { className: 'title-side' }, details(t))),
    t.similar.length ? h('section', { className: 'similar', attrs: { 'aria-labelledby': 'similar-heading' } },
      h('h2', { id: 'similar-heading', text: 'Similar titles' }), cardRail(t.similar)) : null));
}
