// The reviews of a title: an order menu (helpfulness first by default), cursor paging, helpful / not helpful votes,
// the signed-in viewer's own review form, and deleting one's own review (curators may delete any).

import { ApiError, mutate, query } from '../api.js';
import { h, replace, status } from '../dom.js';
import { formatCount, formatDate, plural } from '../format.js';
import { DELETE_REVIEW, REVIEWS, SUBMIT_REVIEW, VOTE_REVIEW } from '../queries.js';
import { navigate } from '../router.js';
import { isCurator } from '../session.js';
import { reviewForm } from './review-form.js';

export const REVIEW_PAGE = 10;
export const REVIEW_ORDERS = [
  ['HELPFULNESS', 'Most helpful'],
  ['NEWEST', 'Newest'],
  ['OLDEST', 'Oldest'],
  ['RATING_HIGH', 'Highest rating'],
  ['RATING_LOW', 'Lowest rating'],
];

// Shown once, after the page redraws following a write.
let flash = null;

function reload(message) {
  flash = message;
  return navigate(location.pathname + location.search, { replace: true, keepScroll: true });
}

function signInLink(text) {
  return h('a', { href: `/signin?next=${encodeURIComponent(location.pathname + location.search)}`, text });
}

const SVG = 'http://www.w3.org/2000/svg';

function thumb(up) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', up ? 'thumb' : 'thumb thumb-down');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M2 10h4v11H2zM8 21h9.3a2 2 0 0 0 2-1.6l1.6-7A2 2 0 0 0 19 10h-5.5l.8-4.1A2 2 0 0 0 12.4 3.6L12 3.2 8 8.6z');
  svg.append(path);
  return svg;
}

function voteButtons(review, ctx, onUpdated, message) {
  const own = ctx.viewerReviewId === review.id;
  const button = (helpful, label, count) => {
    const pressed = review.viewerVote === helpful;
    const el = h('button', {
      type: 'button', className: `vote${pressed ? ' is-pressed' : ''}`, disabled: own,
      attrs: { 'aria-pressed': String(pressed), 'data-focus-key': `vote:${review.id}:${helpful}`, 'data-vote': helpful ? 'helpful' : 'unhelpful' },
    },
    thumb(helpful), ` ${label} `,
    h('span', { className: 'vote-count', text: formatCount(count) }));
    el.addEventListener('click', async () => {
      if (!ctx.viewer) {
        replace(message, 'Sign in to vote. ', signInLink('Sign in'));
        return;
      }
      el.disabled = true;
      try {
        const updated = (await mutate(VOTE_REVIEW, { id: review.id, helpful })).voteReview;
        onUpdated(updated, `vote:${review.id}:${helpful}`);
      } catch (error) {
        el.disabled = false;
        replace(message, status('error', error.message));
      }
    });
    return el;
  };
  return h('div', { className: 'votes', attrs: { role: 'group', 'aria-label': `Was the review by ${review.author} helpful?` } },
    own ? h('span', { className: 'own-note', text: 'Your review' }) : h('span', { className: 'votes-label', attrs: { 'aria-hidden': 'true' }, text: 'Helpful?' }),
    button(true, 'Yes', review.helpfulVotes), button(false, 'No', review.unhelpfulVotes));
}

function deleteButton(review, ctx, message) {
  if (!ctx.viewer || (ctx.viewerReviewId !== review.id && !isCurator(ctx.viewer))) return null;
  let armed = false;
  const el = h('button', { type: 'button', className: 'link-button danger', text: 'Delete review', attrs: { 'data-delete-review': review.id } });
  el.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      el.textContent = 'Really delete? Click again';
      return;
    }
    el.disabled = true;
    try {
      await mutate(DELETE_REVIEW, { id: review.id });
      await reload('The review is deleted.');
    } catch (error) {
      el.disabled = false;
      replace(message, status('error', error.message));
    }
  });
  return el;
}

function reviewItem(review, ctx) {
  const message = h('div', { className: 'review-message', attrs: { 'aria-live': 'polite' } });
  const item = h('li', { className: 'review', attrs: { 'data-review-id': review.id } });
  const onUpdated = (updated, focusKey) => {
    const next = reviewItem(updated, ctx);
    item.replaceWith(next);
    next.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  };
  return replace(item, h('article', { attrs: { 'aria-label': `Review by ${review.author}` } },
    h('header', { className: 'review-head' },
      h('span', { className: 'review-avatar', attrs: { 'aria-hidden': 'true' }, text: (review.author || '?').slice(0, 1).toUpperCase() }),
      h('div', {},
        h('p', { className: 'review-author', text: review.author }),
        h('p', { className: 'review-date', text: formatDate(review.createdAt) })),
      h('p', { className: 'review-rating', attrs: { 'aria-label': `Rated ${review.rating} of 10` } },
        h('span', { className: 'star', attrs: { 'aria-hidden': 'true' }, text: '★' }), `${review.rating}/10`)),
    h('p', { className: 'review-body', text: review.body }),
    h('footer', { className: 'review-foot' }, voteButtons(review, ctx, onUpdated, message), deleteButton(review, ctx, message)),
    message));
}

function orderMenu(titleId, order) {
  const select = h('select', { id: 'review-order', attrs: { 'data-focus-key': 'review-order' } },
    REVIEW_ORDERS.map(([value, label]) => h('option', { value, text: label, selected: value === order })));
  select.addEventListener('change', () => {
    const params = select.value === 'HELPFULNESS' ? '' : `?reviews=${select.value}`;
    navigate(`/title/${encodeURIComponent(titleId)}${params}`, { keepScroll: true });
  });
  return h('div', { className: 'sort-menu' }, h('label', { htmlFor: 'review-order', text: 'Order' }), select);
}

async function submitReview(titleId, rating, body) {
  await mutate(SUBMIT_REVIEW, { input: { titleId, rating, body } });
  await reload('Your review is saved.');
}

export function reviewsSection(t, order, viewer) {
  const ctx = { viewer, viewerReviewId: t.viewerReview?.id ?? null };
  const connection = t.reviews;
  const notice = flash ? status('info', flash) : null;
  flash = null;
  const list = h('ol', { className: 'reviews', attrs: { role: 'list' } }, connection.edges.map((e) => reviewItem(e.node, ctx)));
  const more = h('div', { className: 'more' });
  let pageInfo = connection.pageInfo;
  if (pageInfo.hasNextPage) {
    const button = h('button', { type: 'button', className: 'button button-secondary', text: 'More reviews' });
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const next = (await query(REVIEWS, { id: t.id, order, first: REVIEW_PAGE, after: pageInfo.endCursor })).title.reviews;
        const items = next.edges.map((e) => reviewItem(e.node, ctx));
        list.append(...items);
        pageInfo = next.pageInfo;
        items[0]?.querySelector('button, a')?.focus();
        if (!pageInfo.hasNextPage) button.remove();
      } catch (error) {
        more.append(status('error', error instanceof ApiError ? error.message : 'Could not load more reviews.'));
      } finally {
        button.disabled = false;
      }
    });
    more.append(button);
  }
  return h('section', { className: 'panel reviews-section', attrs: { 'aria-labelledby': 'reviews-heading' } },
    h('div', { className: 'section-head' },
      h('h2', { id: 'reviews-heading', tabIndex: -1 }, 'Reviews ', h('span', { className: 'count-pill', text: formatCount(connection.totalCount) })),
      connection.totalCount > 1 ? orderMenu(t.id, order) : null),
    notice,
    viewer
      ? reviewForm(t, (rating, body) => submitReview(t.id, rating, body))
      : h('p', { className: 'signin-hint' }, signInLink('Sign in'), ' to write a review or vote on reviews.'),
    connection.edges.length ? list : status('empty', 'No reviews yet. Be the first to write one.'),
    connection.totalCount > connection.edges.length ? h('p', { className: 'muted', text: `${plural(connection.totalCount, 'review')} in all` }) : null,
    more);
}
