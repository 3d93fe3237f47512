// DOM helpers. Every piece of text goes in through textContent / text nodes: nothing here parses HTML.

/**
 * Creates an element. `props` sets properties (className, href, type, …), `on*` functions become listeners,
 * `attrs` sets attributes (aria-*, data-*, role). Children may be nodes, strings (inserted as text), arrays, or
 * null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'attrs') {
      for (const [name, v] of Object.entries(value)) if (v !== undefined && v !== null && v !== false) el.setAttribute(name, String(v));
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'text') {
      el.textContent = String(value);
    } else {
      el[key] = value;
    }
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces a node's children. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A link handled by the router (same-origin path). */
export function link(href, ...children) {
  return h('a', { href }, ...children);
}

let idCounter = 0;
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A polite status paragraph for loading / empty / error messages. */
export function status(kind, text, ...extra) {
  return h('p', { className: `status status-${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status' } }, text, ...extra);
}

export function spinner(text = 'Loading…') {
  return h('div', { className: 'loading', attrs: { role: 'status', 'aria-live': 'polite' } },
    h('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }), h('span', {}, text));
}
