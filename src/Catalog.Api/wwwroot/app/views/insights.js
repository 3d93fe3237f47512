// /insights (curator role): what viewers searched for over a range of UTC days — totals, two small charts
// (searches per day, share that found nothing), the ranking experiments, and the tables of top, zero-result and
// unclicked queries.

import { query } from '../api.js';
import { h, replace, spinner, status } from '../dom.js';
import { formatCount, formatDate, formatDateTime } from '../format.js';
import { SEARCH_INSIGHTS } from '../queries.js';
import { navigate } from '../router.js';
import { curatorOrGate } from './curator-gate.js';
import { experimentsSection } from './experiments.js';

const DAY_MS = 86_400_000;
const SVG = 'http://www.w3.org/2000/svg';

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function range(url) {
  const valid = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v ?? '') ? v : null;
  const to = valid(url.searchParams.get('to')) ?? isoDay(new Date());
  const from = valid(url.searchParams.get('from')) ?? isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS));
  return { from, to };
}

function percent(share) {
  return `${(share * 100).toFixed(1)} %`;
}

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  el.append(...children);
  return el;
}

/** Every day of the range with its totals (zero for days without searches). */
function everyDay(from, to, days) {
  const byDay = new Map(days.map((d) => [d.day, d.totals]));
  const all = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    const day = isoDay(new Date(t));
    all.push({ day, totals: byDay.get(day) ?? { searches: 0, zeroResultSearches: 0, clickThroughRate: 0 } });
  }
  return all;
}

/** A bar per day; `value` picks the number, `label` says it in words for each bar's tooltip. */
function barChart(id, title, days, value, label, max) {
  const width = 600;
  const height = 120;
  const step = width / Math.max(days.length, 1);
  const top = max ?? Math.max(1, ...days.map(value));
  const bars = days.map((d, i) => {
    const v = value(d);
    const barHeight = Math.round((v / top) * (height - 4));
    return svg('rect', { x: (i * step + step * 0.1).toFixed(1), y: height - barHeight, width: Math.max(step * 0.8, 1).toFixed(1), height: barHeight, class: 'chart-bar' },
      svg('title', {}, `${formatDate(d.day)}: ${label(d)}`));
  });
  return h('figure', { className: 'chart' },
    svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': id, preserveAspectRatio: 'none', class: 'chart-svg' },
      svg('line', { x1: 0, y1: height - 0.5, x2: width, y2: height - 0.5, class: 'chart-axis' }), ...bars),
    h('figcaption', { id, text: title }));
}

function totalsList(t) {
  const item = (name, value) => h('div', { className: 'stat' }, h('dt', { text: name }), h('dd', { text: value }));
  return h('dl', { className: 'stats' },
    item('Searches', formatCount(t.searches)),
    item('Found nothing', `${formatCount(t.zeroResultSearches)} (${percent(t.searches ? t.zeroResultSearches / t.searches : 0)})`),
    item('Click-through rate', percent(t.clickThroughRate)),
    item('Mean reciprocal rank', t.meanReciprocalRank.toFixed(3)),
    item('Latency p50 / p95', `${t.latencyP50Ms.toFixed(1)} / ${t.latencyP95Ms.toFixed(1)} ms`));
}

function queryTable(id, heading, note, rows, columns) {
  const body = rows.length
    ? h('table', { className: 'data-table', attrs: { 'aria-labelledby': id } },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Query' }), columns.map(([name]) => h('th', { scope: 'col', className: 'num', text: name })))),
      h('tbody', {}, rows.map((row) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `/search?${new URLSearchParams({ q: row.query })}`, text: row.query })),
        columns.map(([, cell]) => h('td', { className: 'num', text: cell(row) }))))))
    : status('empty', 'None in this range.');
  return h('section', { className: 'panel', attrs: { 'aria-labelledby': id } },
    h('h2', { id, text: heading }), h('p', { className: 'muted', text: note }), body);
}

function rangeForm(from, to) {
  const fromInput = h('input', { id: 'insights-from', type: 'date', value: from, required: true });
  const toInput = h('input', { id: 'insights-to', type: 'date', value: to, required: true });
  const form = h('form', { className: 'insights-range' },
    h('div', {}, h('label', { htmlFor: fromInput.id, className: 'field-label', text: 'From (UTC)' }), fromInput),
    h('div', {}, h('label', { htmlFor: toInput.id, className: 'field-label', text: 'To (UTC)' }), toInput),
    h('button', { type: 'submit', className: 'button button-small', text: 'Show' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`/insights?${new URLSearchParams({ from: fromInput.value, to: toInput.value })}`);
  });
  return form;
}

export async function insightsView(ctx) {
  ctx.setTitle('Search insights');
  if (!ctx.main.querySelector('.insights')) replace(ctx.main, spinner());
  if (!await curatorOrGate(ctx, 'Search insights', '/insights')) return;
  const { from, to } = range(ctx.url);
  let report;
  try {
    report = (await query(SEARCH_INSIGHTS, { from, to, first: 20 })).searchInsights;
  } catch (error) {
    if (!ctx.isCurrent()) return;
    replace(ctx.main, h('div', { className: 'insights' }, h('h1', { tabIndex: -1, text: 'Search insights' }), rangeForm(from, to), status('error', error.message)));
    return;
  }
  if (!ctx.isCurrent()) return;
  const days = everyDay(report.from, report.to, report.days);
  replace(ctx.main, h('div', { className: 'insights' },
    h('h1', { tabIndex: -1, text: 'Search insights' }),
    h('p', { className: 'muted', text: `What viewers searched for from ${formatDate(report.from)} to ${formatDate(report.to)}. No viewer is identified.` }),
    rangeForm(from, to),
    h('section', { className: 'panel', attrs: { 'aria-label': 'Totals' } }, totalsList(report.totals),
      h('div', { className: 'charts' },
        barChart('chart-searches', 'Searches per day', days, (d) => d.totals.searches, (d) => `${formatCount(d.totals.searches)} searches`),
        barChart('chart-zero', 'Share of searches that found nothing', days,
          (d) => (d.totals.searches ? d.totals.zeroResultSearches / d.totals.searches : 0),
          (d) => `${percent(d.totals.searches ? d.totals.zeroResultSearches / d.totals.searches : 0)} found nothing`, 1))),
    experimentsSection(),
    h('div', { className: 'insights-grid' },
      queryTable('zero-heading', 'Queries that found nothing', 'What viewers want and the catalog lacks.', report.zeroResultQueries,
        [['Searches', (r) => formatCount(r.searches)], ['Last seen', (r) => formatDateTime(r.lastSeen)]]),
      queryTable('top-heading', 'Top queries', 'The most searched texts.', report.topQueries,
        [['Searches', (r) => formatCount(r.searches)], ['Found nothing', (r) => formatCount(r.zeroResultSearches)], ['Clicked', (r) => formatCount(r.clickedSearches)]]),
      queryTable('noclick-heading', 'Results nobody opened', 'Texts that found titles, none of which was opened.', report.noClickQueries,
        [['Searches', (r) => formatCount(r.searches)]]))));
}
