// Who is signed in, asked of the API (`viewer`) once per token.

import { query } from './api.js';
import { bearerToken, sessionEvents } from './session-store.js';
import { VIEWER } from './queries.js';

let cached = null;

sessionEvents.addEventListener('change', () => { cached = null; });

/** The viewer `{ id, name, role }` or null when anonymous. */
export function currentViewer() {
  if (!bearerToken()) return Promise.resolve(null);
  if (!cached) {
    cached = query(VIEWER).then((data) => data.viewer, (error) => { cached = null; throw error; });
  }
  return cached;
}

export function isCurator(viewer) {
  return viewer?.role === 'CURATOR';
}
