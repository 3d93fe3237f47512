// Highlight snippets come from the API as HTML-escaped text with matched words in <mark>…</mark>. They are turned
// into DOM nodes by recognising only those two tags; everything else is unescaped and inserted as text, so a
// snippet can never create any other element.

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export function unescapeText(text) {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
}

/** Returns a DocumentFragment of text nodes and <mark> elements. */
export function snippetNodes(snippet) {
  const fragment = document.createDocumentFragment();
  const parts = String(snippet).split(/(<mark>|<\/mark>)/);
  let inMark = false;
  for (const part of parts) {
    if (part === '<mark>') { inMark = true; continue; }
    if (part === '</mark>') { inMark = false; continue; }
    if (!part) continue;
    const text = document.createTextNode(unescapeText(part));
    if (inMark) {
      const mark = document.createElement('mark');
      mark.append(text);
      fragment.append(mark);
    } else {
      fragment.append(text);
    }
  }
  return fragment;
}
