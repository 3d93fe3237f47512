// The gate of the curator-only views: shows the page only to a curator, and to anyone else says why, with a sign-in link.

import { h, replace, status } from '../dom.js';
import { currentViewer, isCurator } from '../session.js';

/** The signed-in curator, or null after rendering the gate (or when the view is no longer current). */
export async function curatorOrGate(ctx, heading, path) {
  const viewer = await currentViewer().catch(() => null);
  if (!ctx.isCurrent()) return null;
  if (isCurator(viewer)) return viewer;
  replace(ctx.main, h('div', { className: 'narrow' },
    h('h1', { tabIndex: -1, text: heading }),
    status('empty', viewer ? 'This page needs a curator account; you are signed in as a viewer. ' : 'This page is for curators. ',
      h('a', { href: `/signin?next=${encodeURIComponent(path)}`, text: 'Sign in as a curator' }))));
  return null;
}
