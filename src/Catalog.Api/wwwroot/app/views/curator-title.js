// Curator editing of one title: its tags (replaced whole by setTags) and its trailers (addTrailer / removeTrailer).

import { mutate, query } from '../api.js';
import { tile } from '../cards.js';
import { h, replace, status } from '../dom.js';
import { trailerKindLabel } from '../format.js';
import { ADD_TRAILER, CURATOR_TITLE, REMOVE_TRAILER, SET_TAGS } from '../queries.js';
import { navigate } from '../router.js';

const TRAILER_KINDS = ['TRAILER', 'TEASER', 'CLIP', 'FEATURETTE'];

// Shown once after the redraw that follows a successful write.
let flash = null;

function reloadWith(message) {
  flash = message;
  return navigate(location.pathname + location.search, { replace: true, keepScroll: true });
}

function tagEditor(t) {
  let tags = [...t.tags];
  const message = h('div', { attrs: { 'aria-live': 'polite' } });
  const list = h('ul', { className: 'chips editable', attrs: { role: 'list' } });
  const draw = () => replace(list, tags.map((tag) => h('li', { className: 'chip' },
    h('span', { text: tag }),
    h('button', {
      type: 'button', className: 'chip-remove', attrs: { 'aria-label': `Remove tag ${tag}` }, text: '×',
      onClick: () => { tags = tags.filter((x) => x !== tag); draw(); },
    }))));
  draw();
  const input = h('input', { id: 'new-tag', type: 'text', maxLength: 100, attrs: { placeholder: 'e.g. time travel' } });
  const add = () => {
    const value = input.value.trim().toLowerCase();
    if (value && !tags.includes(value)) { tags.push(value); draw(); }
    input.value = '';
    input.focus();
  };
  input.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); add(); } });
  const save = h('button', { type: 'button', className: 'button', text: 'Save tags', attrs: { 'data-focus-key': 'save-tags' } });
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      await mutate(SET_TAGS, { id: t.id, tags });
      await reloadWith('Tags saved.');
    } catch (error) {
      save.disabled = false;
      replace(message, status('error', error.message));
    }
  });
  return h('section', { className: 'panel', attrs: { 'aria-labelledby': 'tags-heading' } },
    h('h3', { id: 'tags-heading', text: 'Tags' }), list,
    h('label', { htmlFor: input.id, className: 'field-label', text: 'Add a tag' }),
    h('div', { className: 'inline-form' }, input, h('button', { type: 'button', className: 'button button-secondary', text: 'Add', onClick: add })),
    h('div', { className: 'form-actions' }, save), message);
}

function trailerRow(trailer, message) {
  const remove = h('button', { type: 'button', className: 'link-button danger', text: 'Remove', attrs: { 'aria-label': `Remove ${trailerKindLabel(trailer.kind)} ${trailer.url}` } });
  remove.addEventListener('click', async () => {
    remove.disabled = true;
    try {
      await mutate(REMOVE_TRAILER, { id: trailer.id });
      await reloadWith('Trailer removed.');
    } catch (error) {
      remove.disabled = false;
      replace(message, status('error', error.message));
    }
  });
  return h('li', { className: 'trailer-row' },
    h('span', { className: 'trailer-kind', text: trailerKindLabel(trailer.kind) }),
    h('a', { href: trailer.url, target: '_blank', rel: 'noopener noreferrer', className: 'trailer-url', text: trailer.url }),
    trailer.language ? h('span', { className: 'muted', text: trailer.language }) : null,
    remove);
}

function trailerEditor(t) {
  const message = h('div', { attrs: { 'aria-live': 'polite' } });
  const url = h('input', { id: 'trailer-url', name: 'url', type: 'url', required: true, attrs: { placeholder: 'https://www.youtube.com/watch?v=…' } });
  const kind = h('select', { id: 'trailer-kind', name: 'kind' }, TRAILER_KINDS.map((k) => h('option', { value: k, text: trailerKindLabel(k) })));
  const language = h('input', { id: 'trailer-language', name: 'language', type: 'text', maxLength: 20, attrs: { placeholder: 'en' } });
  const form = h('form', { className: 'trailer-form' },
    h('div', { className: 'field' }, h('label', { htmlFor: url.id, className: 'field-label', text: 'Trailer URL' }), url),
    h('div', { className: 'field-row' },
      h('div', { className: 'field' }, h('label', { htmlFor: kind.id, className: 'field-label', text: 'Kind' }), kind),
      h('div', { className: 'field' }, h('label', { htmlFor: language.id, className: 'field-label', text: 'Language (optional)' }), language)),
    h('div', { className: 'form-actions' }, h('button', { type: 'submit', className: 'button', text: 'Add trailer' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = { url: url.value.trim(), kind: kind.value, language: language.value.trim() || null };
    try {
      await mutate(ADD_TRAILER, { id: t.id, input });
      await reloadWith('Trailer added.');
    } catch (error) {
      replace(message, status('error', error.message));
    }
  });
  return h('section', { className: 'panel', attrs: { 'aria-labelledby': 'trailer-edit-heading' } },
    h('h3', { id: 'trailer-edit-heading', text: 'Trailers' }),
    t.trailers.length
      ? h('ul', { className: 'trailer-rows', attrs: { role: 'list' } }, t.trailers.map((tr) => trailerRow(tr, message)))
      : h('p', { className: 'muted', text: 'No trailers yet.' }),
    form, message);
}

export async function titleEditor(id) {
  const t = (await query(CURATOR_TITLE, { id })).title;
  const notice = flash ? status('info', flash) : null;
  flash = null;
  if (!t) return status('error', `There is no title with the id “${id}”.`);
  return h('section', { className: 'title-editor', attrs: { 'aria-labelledby': 'editing-heading' } },
    h('div', { className: 'editor-head' }, tile(t, 'sm'),
      h('div', {}, h('h2', { id: 'editing-heading', text: `Editing ${t.name}${t.year ? ` (${t.year})` : ''}` }),
        h('a', { href: `/title/${encodeURIComponent(t.id)}`, text: 'Open the title page' }))),
    notice,
    h('div', { className: 'curator-grid' }, tagEditor(t), trailerEditor(t)));
}
