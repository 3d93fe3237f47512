// The only way the page talks to the service: the public GraphQL API at /graphql.
// (Besides it, one beacon: recordClick below.)
// Queries go out as GET with automatic persisted queries (the hash first, the text only when the server does not
// know it yet), so their URLs are short, constant per query text + variables, and cacheable by the browser and any
// shared cache. Mutations are POSTed. The bearer token of the session goes along when signed in.

import { bearerToken, tokenRejected } from './session-store.js';

const ENDPOINT = '/graphql';
const EXPERIMENT_SESSION = 'catalog.experimentSession';
const ACCEPT = 'application/graphql-response+json, application/json;q=0.9';
const hashes = new Map();

/** An error worth showing to a person: `message` is already in words. */
export class ApiError extends Error {
  constructor(message, code = 'ERROR') {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

const WORDS = {
  UNAUTHENTICATED: 'You need to sign in to do that.',
  FORBIDDEN: 'Your account is not allowed to do that.',
  RATE_LIMITED: 'Too many requests in a short time. Wait a little and try again.',
  TIMEOUT: 'The service took too long to answer. Try again.',
  SERVICE_UNAVAILABLE: 'Search is not available right now. Try again in a moment.',
  PAYLOAD_TOO_LARGE: 'That is too much text to send at once.',
};

async function sha256Hex(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function hashOf(text) {
  if (!hashes.has(text)) hashes.set(text, sha256Hex(text));
  return hashes.get(text);
}

function headers(extra = {}) {
  const all = { Accept: ACCEPT, ...extra };
  const token = bearerToken();
  if (token) all.Authorization = `Bearer ${token}`;
  return all;
}

async function send(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError('Could not reach the service. Check the connection and try again.', 'NETWORK');
  }
  if ((response.headers.get('WWW-Authenticate') ?? '').includes('invalid_token')) tokenRejected();
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) {
    throw new ApiError(`The service answered with an error (HTTP ${response.status}). Try again later.`, `HTTP_${response.status}`);
  }
  return response.json();
}

function errorCode(error) {
  return error?.extensions?.code ?? 'ERROR';
}

function unwrap(body) {
  if (body.errors?.length) {
    const first = body.errors[0];
    const code = errorCode(first);
    throw new ApiError(WORDS[code] ?? first.message ?? 'Something went wrong.', code);
  }
  if (!body.data) throw new ApiError('The service sent no answer. Try again.');
  return body.data;
}

function getUrl(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return `${ENDPOINT}?${search}`;
}

/**
 * A random key made once per browser (localStorage) that keeps it in one arm of a ranking experiment. It names no
 * one: the server only hashes it with the experiment's id and never stores it (docs/insights.md, "Experiments").
 */
function experimentSession() {
  try {
    let key = localStorage.getItem(EXPERIMENT_SESSION);
    if (!key) {
      key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      localStorage.setItem(EXPERIMENT_SESSION, key);
    }
    return key;
  } catch {
    return null;
  }
}

/**
 * Runs a query (constant text, values in variables) as a persisted GET. Returns `data` or throws ApiError.
 * `experiment: true` (viewers' searches) sends the experiment session key, so a running experiment ranks it by its arm;
 * other queries leave it out and stay cacheable by shared caches (Varnish passes requests carrying it).
 */
export async function query(text, variables, { experiment = false } = {}) {
  const extensions = { persistedQuery: { version: 1, sha256Hash: await hashOf(text) } };
  const vars = variables && Object.keys(variables).length ? variables : undefined;
  const session = experiment ? experimentSession() : null;
  const init = { headers: headers(session ? { 'X-Catalog-Session': session } : {}) };
  let body = await send(getUrl({ variables: vars, extensions }), init);
  if (body.errors?.some((e) => errorCode(e) === 'PERSISTED_QUERY_NOT_FOUND')) {
    body = await send(getUrl({ query: text, variables: vars, extensions }), init);
  }
  return unwrap(body);
}

/** Runs a mutation with POST. Returns `data` or throws ApiError. */
export async function mutate(text, variables) {
  const body = await send(ENDPOINT, {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/json' }),
    body: JSON.stringify({ query: text, variables }),
  });
  return unwrap(body);
}

/**
 * Tells search insights that a result was opened (`position` is 1-based across pages). Sent as a beacon so it
 * survives the navigation the click starts; a lost click is acceptable, so failures are ignored.
 */
export function recordClick(searchId, titleId, position) {
  if (!searchId) return;
  const form = new URLSearchParams({ searchId, titleId, position: String(position) });
  if (!navigator.sendBeacon?.('/insights/click', form)) {
    fetch('/insights/click', { method: 'POST', body: form, keepalive: true }).catch(() => {});
  }
}
