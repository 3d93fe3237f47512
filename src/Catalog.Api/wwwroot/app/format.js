// How values read on the page: dates in UTC (the catalog's clock), ratings with one decimal, English labels.

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short',
});
const numberFormat = new Intl.NumberFormat('en-GB');

export function formatDate(value) {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

export function formatDateTime(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTimeFormat.format(date);
}

export function formatCount(n) {
  return numberFormat.format(n ?? 0);
}

export function plural(n, one, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function formatRating(value) {
  return typeof value === 'number' ? value.toFixed(1) : '–';
}

export function formatRuntime(minutes) {
  if (!minutes) return '';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours ? `${hours} h ${rest ? `${rest} min` : ''}`.trim() : `${rest} min`;
}

const KIND_LABELS = { MOVIE: 'Movie', SERIES: 'Series', DOCUMENTARY: 'Documentary', SPECIAL: 'Special', SHORT: 'Short' };

export function kindLabel(kind) {
  return KIND_LABELS[String(kind).toUpperCase()] ?? String(kind);
}

const TRAILER_KINDS = { TRAILER: 'Trailer', TEASER: 'Teaser', CLIP: 'Clip', FEATURETTE: 'Featurette' };

export function trailerKindLabel(kind) {
  return TRAILER_KINDS[kind] ?? kind;
}

/** "1999 · Comedy · Movie" style meta line from the parts that exist. */
export function metaLine(...parts) {
  return parts.filter((p) => p !== null && p !== undefined && p !== '').join(' · ');
}
