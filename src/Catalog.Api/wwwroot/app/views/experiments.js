// The Experiments panel of /insights (curator role): each recent ranking experiment's per-arm table with 95%
// intervals and its verdict in words, a Stop button on the running one, and a small form to start one.

import { mutate, query } from '../api.js';
import { h, replace, status } from '../dom.js';
import { formatCount, formatDateTime } from '../format.js';
import { EXPERIMENTS, START_EXPERIMENT, STOP_EXPERIMENT } from '../queries.js';

const ARM_NAMES = { A: 'control A', B: 'variant B' };

function percent(share) {
  return `${(share * 100).toFixed(1)} %`;
}

function pValue(p) {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** "Variant B wins on click-through, p = 0.003" or "No significant difference in click-through yet (p = 0.41)". */
export function verdict(test, measure) {
  if (!test.significant) return `No significant difference in ${measure} yet (${pValue(test.pValue)}).`;
  const winner = ARM_NAMES[test.better];
  return `${winner[0].toUpperCase()}${winner.slice(1)} wins on ${measure}, ${pValue(test.pValue)}.`;
}

function variantText(v) {
  return [`typo tolerance ${v.typoTolerance.toLowerCase()}`, `ties broken by ${v.popularityTieBreak === 'VOTES' ? 'votes' : 'weighted rating'}`,
    `fallbacks ${v.fallbacks ? 'on' : 'off'}`].join(', ');
}

function estimate(e, format) {
  return `${format(e.value)} (${format(e.low)} – ${format(e.high)})`;
}

function armTable(experiment) {
  const id = `experiment-${experiment.id}-heading`;
  return h('table', { className: 'data-table', attrs: { 'aria-labelledby': id } },
    h('thead', {}, h('tr', {}, ['Arm', 'Searches', 'Click-through (95 % CI)', 'Mean reciprocal rank (95 % CI)', 'Found nothing (95 % CI)']
      .map((name, i) => h('th', { scope: 'col', className: i ? 'num' : undefined, text: name })))),
    h('tbody', {}, experiment.report.arms.map((arm) => h('tr', {},
      h('th', { scope: 'row', text: ARM_NAMES[arm.arm] }),
      h('td', { className: 'num', text: formatCount(arm.searches) }),
      h('td', { className: 'num', text: estimate(arm.clickThroughRate, percent) }),
      h('td', { className: 'num', text: estimate(arm.meanReciprocalRank, (v) => v.toFixed(3)) }),
      h('td', { className: 'num', text: estimate(arm.zeroResultRate, percent) })))));
}

function experimentPanel(experiment, refresh) {
  const id = `experiment-${experiment.id}-heading`;
  const when = experiment.running
    ? `running since ${formatDateTime(experiment.startedAt)}`
    : `${formatDateTime(experiment.startedAt)} to ${formatDateTime(experiment.stoppedAt)}`;
  const message = h('div', { attrs: { 'aria-live': 'polite' } });
  const stop = experiment.running && h('button', {
    type: 'button', className: 'button button-small', text: 'Stop experiment',
    onclick: async () => {
      stop.disabled = true;
      try {
        await mutate(STOP_EXPERIMENT, { id: experiment.id });
        await refresh();
      } catch (error) {
        stop.disabled = false;
        replace(message, status('error', error.message));
      }
    },
  });
  return h('article', { className: 'experiment', attrs: { 'aria-labelledby': id } },
    h('h3', { id, text: `${experiment.name} (${when})` }),
    h('p', { className: 'muted', text: `Variant B: ${variantText(experiment.variant)}; ${percent(experiment.trafficShare)} of sessions.` }),
    armTable(experiment),
    h('ul', { className: 'verdicts' },
      h('li', { text: verdict(experiment.report.clickThrough, 'click-through') }),
      h('li', { text: verdict(experiment.report.zeroResults, 'searches that find something') })),
    stop, message);
}

function startForm(refresh) {
  const name = h('input', { id: 'experiment-name', required: true, maxLength: 100, placeholder: 'Strict typos' });
  const typos = h('select', { id: 'experiment-typos' }, ['NORMAL', 'STRICT'].map((v) => h('option', { value: v, text: v.toLowerCase() })));
  const tieBreak = h('select', { id: 'experiment-tie-break' }, [['VOTES', 'votes'], ['WEIGHTED_RATING', 'weighted rating']].map(([v, t]) => h('option', { value: v, text: t })));
  const fallbacks = h('input', { id: 'experiment-fallbacks', type: 'checkbox', checked: true });
  const share = h('input', { id: 'experiment-share', type: 'number', min: 1, max: 99, step: 1, value: 50, required: true });
  const message = h('div', { attrs: { 'aria-live': 'polite' } });
  const field = (input, label) => h('div', {}, h('label', { htmlFor: input.id, className: 'field-label', text: label }), input);
  const form = h('form', { className: 'insights-range', attrs: { 'aria-label': 'Start an experiment' } },
    field(name, 'Name'), field(typos, 'Typo tolerance'), field(tieBreak, 'Tie-break'), field(fallbacks, 'Fallbacks'),
    field(share, 'Variant share (%)'), h('button', { type: 'submit', className: 'button button-small', text: 'Start experiment' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await mutate(START_EXPERIMENT, { input: {
        name: name.value,
        variant: { typoTolerance: typos.value, popularityTieBreak: tieBreak.value, fallbacks: fallbacks.checked },
        trafficShare: Number(share.value) / 100,
      } });
      await refresh();
    } catch (error) {
      replace(message, status('error', error.message));
    }
  });
  return [form, message];
}

/** The panel, filled in place (and again after a start or stop). */
export function experimentsSection() {
  const body = h('div', {}, status('loading', 'Loading experiments…'));
  const refresh = async () => {
    let experiments;
    try {
      experiments = (await query(EXPERIMENTS, { first: 3 })).experiments;
    } catch (error) {
      replace(body, status('error', error.message));
      return;
    }
    replace(body,
      experiments.length ? experiments.map((e) => experimentPanel(e, refresh)) : status('empty', 'No experiment yet.'),
      experiments.some((e) => e.running) ? null : startForm(refresh));
  };
  refresh();
  return h('section', { className: 'panel', attrs: { 'aria-labelledby': 'experiments-heading' } },
    h('h2', { id: 'experiments-heading', text: 'Ranking experiments' }),
    h('p', { className: 'muted', text: 'Sessions split by a stable hash between control A (today\'s ranking) and variant B. Two-sided two-proportion z-tests at p < 0.05; looking often before the end makes a false "win" likelier.' }),
    body);
}
