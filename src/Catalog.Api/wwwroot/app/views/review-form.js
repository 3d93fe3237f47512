// The signed-in viewer's review form: a 1–10 rating and a plain-text body. Submitting replaces their own review.

import { h, replace, status, uid } from '../dom.js';

const MAX_BODY = 10000;

export function reviewForm(t, submit) {
  const own = t.viewerReview;
  const id = uid('review');
  const message = h('div', { className: 'form-message', attrs: { 'aria-live': 'polite' } });
  const ratings = h('div', { className: 'rating-picker' }, Array.from({ length: 10 }, (_, i) => {
    const value = i + 1;
    const input = h('input', { type: 'radio', name: 'rating', value: String(value), id: `${id}-r${value}`, checked: own?.rating === value, required: true });
    return [input, h('label', { htmlFor: input.id, text: String(value), attrs: { 'aria-label': `${value} of 10` } })];
  }));
  const body = h('textarea', { id: `${id}-body`, name: 'body', rows: 5, maxLength: MAX_BODY, required: true, value: own?.body ?? '',
    attrs: { 'data-focus-key': 'review-body', placeholder: 'What did you think? Plain text, no spoilers please.' } });
  const button = h('button', { type: 'submit', className: 'button', text: own ? 'Update my review' : 'Post review', attrs: { 'data-focus-key': 'review-submit' } });
  const form = h('form', { className: 'review-form', attrs: { 'aria-labelledby': `${id}-heading` } },
    h('h3', { id: `${id}-heading`, text: own ? 'Your review' : 'Write a review' }),
    own ? h('p', { className: 'muted', text: 'Submitting again replaces your review.' }) : null,
    h('fieldset', { className: 'rating-field' }, h('legend', { text: 'Your rating (1–10)' }), ratings),
    h('label', { htmlFor: body.id, className: 'field-label', text: 'Your review' }),
    body,
    h('div', { className: 'form-actions' }, button),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const rating = Number(new FormData(form).get('rating'));
    const text = body.value.trim();
    if (!rating || !text) {
      replace(message, status('error', !rating ? 'Pick a rating from 1 to 10.' : 'Write a few words for your review.'));
      return;
    }
    button.disabled = true;
    replace(message, status('info', 'Saving…'));
    try {
      await submit(rating, text);
    } catch (error) {
      button.disabled = false;
      replace(message, status('error', error.message));
    }
  });
  return form;
}
