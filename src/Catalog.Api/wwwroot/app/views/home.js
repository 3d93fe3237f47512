// Home: the five rails of SPEC 1.4 plus "Top rated", each with what it means in one line.

import { query } from '../api.js';
import { cardRail } from '../cards.js';
import { h, replace, spinner, status } from '../dom.js';
import { formatDate, formatDateTime, plural } from '../format.js';
import { HOME } from '../queries.js';

const RAIL_SIZE = 12;

// Each meaning is written from the service's own windows (Catalog:Rails:*), which the API reports in catalogClock.
function rails(clock) {
  const added = plural(clock.recentlyAddedDays, 'day');
  const released = plural(clock.newReleaseDays, 'day');
  const leaving = plural(clock.leavingSoonDays, 'day');
  return [
    { key: 'newArrivals', heading: 'New arrivals', meaning: `Released in the last ${released} and added to the catalog in the last ${added}.` },
    { key: 'newReleases', heading: 'New releases', meaning: `Released in the last ${released}, newest release first.` },
    { key: 'recentlyAdded', heading: 'Recently added', meaning: `Added to the catalog in the last ${added}, whatever the release year.` },
    {
      key: 'comingSoon', heading: 'Coming soon', meaning: 'Announced titles that are not available or not released yet, soonest first.',
      extraOf: (t) => `Coming ${formatDate(t.addedAt > (t.releaseDate ?? '') ? t.addedAt : t.releaseDate)}`,
    },
    {
      key: 'leavingSoon', heading: 'Leaving soon', meaning: `Available now but leaving the catalog within ${leaving} — watch them while you can.`,
      extraOf: (t) => `Leaving ${formatDate(t.availableUntil)}`,
    },
    {
      key: 'topRated', heading: 'Top rated', meaning: 'Highest weighted rating: many votes count for more than a few perfect ones.',
      more: '/search?sort=RATING',
    },
  ];
}

function railSection(rail, connection) {
  const id = `rail-${rail.key}`;
  const nodes = connection?.nodes ?? [];
  return h('section', { className: 'rail-section', attrs: { 'aria-labelledby': id, 'data-rail': rail.key } },
    h('div', { className: 'rail-head' },
      h('div', {},
        h('h2', { id, text: rail.heading }),
        h('p', { className: 'rail-meaning', text: rail.meaning })),
      h('p', { className: 'rail-count' },
        plural(connection?.totalCount ?? 0, 'title'),
        rail.more ? [' · ', h('a', { href: rail.more, text: 'See all' })] : null)),
    nodes.length
      ? cardRail(nodes, { extraOf: rail.extraOf })
      : status('empty', 'Nothing here at the moment.'));
}

export async function homeView(ctx) {
  ctx.setTitle('');
  if (!ctx.main.querySelector('.rail-section')) replace(ctx.main, h('h1', { className: 'visually-hidden', tabIndex: -1, text: 'Browse the catalog' }), spinner('Loading the rails…'));
  const data = await query(HOME, { first: RAIL_SIZE });
  if (!ctx.isCurrent()) return;
  replace(ctx.main,
    h('div', { className: 'hero' },
      h('h1', { tabIndex: -1, text: 'Browse the catalog' }),
      h('p', { className: 'hero-text', text: 'Search thousands of films by name, people, tags and dates — with typos forgiven, ratings you can trust and reviews sorted by how helpful they are.' }),
      h('p', { className: 'hero-instant', attrs: { 'data-instant': data.catalogClock.now }, text: `The catalog as of ${formatDateTime(data.catalogClock.now)}` })),
    rails(data.catalogClock).map((rail) => railSection(rail, data[rail.key])));
}
