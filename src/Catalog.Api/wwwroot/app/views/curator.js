// /curator (curator role): rebuild the search index and watch its progress; pick a title to edit its tags and
// trailers (/curator?title=ID).

import { mutate, query } from '../api.js';
import { h, replace, spinner, status } from '../dom.js';
import { formatCount, formatDateTime } from '../format.js';
import { REINDEX_JOB, START_REINDEX } from '../queries.js';
import { navigate } from '../router.js';
import { curatorOrGate } from './curator-gate.js';
import { attachSuggest } from '../suggest.js';
import { titleEditor } from './curator-title.js';

const POLL_MS = 250;
const STATE_LABELS = { QUEUED: 'Queued', RUNNING: 'Running', SUCCEEDED: 'Done', FAILED: 'Failed' };

function progressBar() {
  const fill = h('div', { className: 'progress-fill' });
  const bar = h('div', { className: 'progress', attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': '0', 'aria-labelledby': 'reindex-heading' } }, fill);
  const text = h('p', { className: 'progress-text', attrs: { 'aria-live': 'polite' } });
  const set = (job) => {
    const percent = Math.round((job.progress ?? 0) * 100);
    bar.setAttribute('aria-valuenow', String(percent));
    bar.setAttribute('aria-valuetext', `${percent} %`);
    fill.style.width = `${percent}%`;
    bar.dataset.state = job.state;
    text.textContent = `${percent} % · ${formatCount(job.processed)} of ${formatCount(job.total)} titles · ${STATE_LABELS[job.state] ?? job.state}`
      + (job.finishedAt ? ` at ${formatDateTime(job.finishedAt)}` : '');
  };
  return { element: h('div', { className: 'progress-wrap' }, bar, text), set };
}

// The last job started from this page, so a redraw (after saving tags, say) keeps showing its progress.
let lastJob = null;

function reindexPanel() {
  const message = h('div', { attrs: { 'aria-live': 'polite' } });
  const progress = progressBar();
  progress.element.hidden = true;
  const button = h('button', { type: 'button', className: 'button', text: 'Start reindex', attrs: { 'data-focus-key': 'start-reindex' } });
  const panel = h('section', { className: 'panel', attrs: { 'aria-labelledby': 'reindex-heading' } },
    h('h2', { id: 'reindex-heading', text: 'Search index' }),
    h('p', { className: 'muted', text: 'Rebuild the index from the store. Searches keep working while it runs; edits made meanwhile are not lost.' }),
    h('div', { className: 'form-actions' }, button), progress.element, message);

  async function follow(job) {
    lastJob = job;
    progress.element.hidden = false;
    progress.set(job);
    if (job.state === 'SUCCEEDED' || job.state === 'FAILED') {
      button.disabled = false;
      if (job.state === 'FAILED') replace(message, status('error', `The reindex failed: ${job.error ?? 'no reason given'}.`));
      else replace(message, status('info', 'The index is rebuilt.'));
      return;
    }
    if (!panel.isConnected) return;
    setTimeout(async () => {
      try {
        const next = (await query(REINDEX_JOB, { id: job.id })).reindexJob;
        if (next) await follow(next);
        else replace(message, status('error', 'The reindex job is no longer known to this server.'));
      } catch (error) {
        button.disabled = false;
        replace(message, status('error', error.message));
      }
    }, POLL_MS);
  }

  if (lastJob) {
    button.disabled = lastJob.state === 'QUEUED' || lastJob.state === 'RUNNING';
    follow(lastJob);
  }
  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(message);
    try {
      await follow((await mutate(START_REINDEX)).startReindex);
    } catch (error) {
      button.disabled = false;
      replace(message, status('error', error.message));
    }
  });
  return panel;
}

function titlePicker(current) {
  const input = h('input', { id: 'curator-title', type: 'search', attrs: { placeholder: 'Start typing a title…', 'data-focus-key': 'curator-title' } });
  const wrap = h('div', { className: 'combo' }, input);
  const section = h('section', { className: 'panel', attrs: { 'aria-labelledby': 'edit-heading' } },
    h('h2', { id: 'edit-heading', text: 'Edit a title' }),
    h('label', { htmlFor: input.id, className: 'field-label', text: 'Title to edit' }), wrap,
    current ? null : h('p', { className: 'muted', text: 'Pick a title to edit its tags and trailers. Title pages also link here for curators.' }));
  attachSuggest(input, {
    kinds: ['TITLE'],
    onPick: (s) => navigate(`/curator?title=${encodeURIComponent(s.titleId)}`),
    onSubmit: () => {},
  });
  return section;
}

export async function curatorView(ctx) {
  ctx.setTitle('Curator');
  if (!ctx.main.querySelector('.curator')) replace(ctx.main, spinner());
  if (!await curatorOrGate(ctx, 'Curator', '/curator')) return;
  const titleId = ctx.url.searchParams.get('title');
  const editor = titleId ? await titleEditor(titleId) : null;
  if (!ctx.isCurrent()) return;
  replace(ctx.main, h('div', { className: 'curator' },
    h('h1', { tabIndex: -1, text: 'Curator' }),
    h('p', {}, h('a', { href: '/insights', text: 'Search insights: what viewers look for and do not find' })),
    h('div', { className: 'curator-grid' },
      reindexPanel(),
      titlePicker(titleId)),
    editor));
}
