// Reads a composer's text from its DOM (never from the editor's model) and maps between
// UTF-16 offsets in that text and DOM positions.
//
// Rules: each leaf block (Draft.js block, Lexical paragraph, <div>/<p> line) is one line and
// lines are joined with "\n"; a <br> is "\n" unless it is the last thing in its block (the
// placeholder both editors put in an empty line, and Lexical's managed trailing break).
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;

  const BLOCK_TAGS = new Set([
    'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGURE', 'FOOTER',
    'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION',
    'TABLE', 'TBODY', 'TD', 'TH', 'TR', 'UL',
  ]);
  const BLOCK_SELECTOR = [...BLOCK_TAGS].map((t) => t.toLowerCase()).join(',');

  /**
   * @typedef {{node: Node, start: number, end: number, kind: 'text'|'break'}} Segment
   * @typedef {{root: Element, text: string, segments: Segment[], lines: {node: Node, start: number}[]}} TextModel
   */

  /** @param {Node} node */
  const isBlock = (node) => node.nodeType === 1 && BLOCK_TAGS.has(/** @type {Element} */ (node).tagName);

  /** Is this <br> the last content of its block (a placeholder rather than a line break)? */
  function isPlaceholderBr(br, root) {
    /** @type {Node|null} */
    let n = br;
    while (n && n !== root) {
      for (let s = n.nextSibling; s; s = s.nextSibling) {
        if (s.nodeType === 3 && !s.nodeValue) continue;
        if (s.nodeType === 8) continue;
        return false;
      }
      n = n.parentNode;
      if (n && isBlock(n)) return true;
    }
    return true;
  }

  /**
   * Reads the text of a contenteditable root.
   * @param {Element} root
   * @returns {TextModel}
   */
  function read(root) {
    /** @type {string[]} */
    const parts = [];
    /** @type {Segment[]} */
    const segments = [];
    /** Where each line starts (its block, or its first node), so an empty line can be found. */
    const lines = [];
    let length = 0;
    let inAnonymousLine = false;

    const push = (node, value, kind) => {
      segments.push({ node, start: length, end: length + value.length, kind });
      parts.push(value);
      length += value.length;
    };
    const startLine = (node) => {
      if (lines.length > 0) push(node, '\n', 'break');
      lines.push({ node, start: length });
    };

    /** @param {Node} node @param {boolean} inLeaf */
    const visit = (node, inLeaf) => {
      if (node.nodeType === 3) {
        if (!node.nodeValue) return;
        if (!inLeaf && !inAnonymousLine) {
          startLine(node);
          inAnonymousLine = true;
        }
        push(node, node.nodeValue, 'text');
        return;
      }
      if (node.nodeType !== 1) return;
      const el = /** @type {Element} */ (node);
      if (el.tagName === 'BR') {
        if (!inLeaf && !inAnonymousLine) {
          startLine(el);
          inAnonymousLine = true;
        }
        if (!isPlaceholderBr(el, root)) push(el, '\n', 'break');
        return;
      }
      if (el.tagName === 'STYLE' || el.tagName === 'SCRIPT' || el.tagName === 'TEMPLATE') return;
      if (isBlock(el) && !inLeaf) {
        inAnonymousLine = false;
        if (el.querySelector(BLOCK_SELECTOR)) {
          for (let c = el.firstChild; c; c = c.nextSibling) visit(c, false);
        } else {
          startLine(el);
          for (let c = el.firstChild; c; c = c.nextSibling) visit(c, true);
        }
        inAnonymousLine = false;
        return;
      }
      for (let c = el.firstChild; c; c = c.nextSibling) visit(c, inLeaf);
    };
    for (let c = root.firstChild; c; c = c.nextSibling) visit(c, false);
    return { root, text: parts.join(''), segments, lines };
  }

  /**
   * The first caret position inside a line with no text: before the placeholder <br> of an
   * empty Draft.js block (div > div > span > br) or Lexical paragraph (p > br).
   * @param {Node} node
   */
  function firstPosition(node) {
    let n = node;
    while (n.nodeType === 1 && n.firstChild && n.firstChild.nodeName !== 'BR') n = n.firstChild;
    return { node: n, offset: 0 };
  }

  /**
   * Position in the DOM for a text offset. Inside a text node when the offset touches one in its
   * own line: a line's end stays on that line (not the start of the next), and an offset on an
   * empty line goes into that line's block, so a caret put back there stays there.
   * `preferEnd` chooses the end of the text before over the start of the text after, where both
   * touch the offset (a range's end).
   * @param {TextModel} model
   * @param {number} offset
   * @param {boolean} preferEnd
   */
  function position(model, offset, preferEnd) {
    const segs = model.segments;
    // Binary search for the first segment whose end >= offset.
    let lo = 0;
    let hi = segs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid].end < offset) lo = mid + 1;
      else hi = mid;
    }
    /** @type {Segment|null} */ let before = null;
    /** @type {Segment|null} */ let after = null;
    /** @type {Segment|null} */ let lineBreak = null;
    for (let i = lo; i < segs.length && segs[i].start <= offset; i++) {
      const s = segs[i];
      if (s.kind !== 'text') {
        if (s.end === offset) lineBreak = s;
        continue;
      }
      if (s.start < offset && offset < s.end) return { node: s.node, offset: offset - s.start };
      if (s.end === offset) before ??= s;
      if (s.start === offset) after ??= s;
    }
    if (before && (preferEnd || !after)) return { node: before.node, offset: before.end - before.start };
    if (after) return { node: after.node, offset: 0 };
    // No text touches the offset: an empty line, or the empty end of a line after a soft break.
    if (lineBreak) {
      const n = lineBreak.node;
      if (n.nodeName === 'BR' && n.parentNode) return { node: n.parentNode, offset: [...n.parentNode.childNodes].indexOf(/** @type {ChildNode} */ (n)) + 1 };
      return firstPosition(n);
    }
    if (offset === 0) return firstPosition(model.lines?.[0]?.node ?? model.root);
    return null;
  }

  /**
   * A DOM Range for [start, end) in the model's text, or null if it no longer maps.
   * @param {TextModel} model
   */
  function range(model, start, end) {
    if (start < 0 || end > model.text.length || start > end) return null;
    const a = position(model, start, false);
    const b = end === start ? a : position(model, end, true);
    if (!a || !b) return null;
    if (!a.node.isConnected || !b.node.isConnected) return null;
    const r = document.createRange();
    try {
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
    } catch {
      return null;
    }
    return r;
  }

  /**
   * The text offset of a DOM position inside the root (e.g. the caret), or null.
   * @param {TextModel} model
   * @param {Node} node
   * @param {number} offset
   */
  function offsetOf(model, node, offset) {
    if (node.nodeType === 3) {
      const seg = model.segments.find((s) => s.node === node);
      return seg ? seg.start + Math.min(offset, seg.end - seg.start) : null;
    }
    // An element position: where the first text after it starts.
    const child = node.childNodes[offset] ?? null;
    for (const s of model.segments) {
      if (child) {
        if (s.node === child || child.contains(s.node)) return s.start;
        if (child.compareDocumentPosition(s.node) & Node.DOCUMENT_POSITION_FOLLOWING) return s.start;
      } else if (!node.contains(s.node) && node.compareDocumentPosition(s.node) & Node.DOCUMENT_POSITION_FOLLOWING) {
        return s.start;
      }
    }
    return model.text.length;
  }

  /** Plain text as HTML paragraphs, one <p> a line (an empty line an empty <p>). */
  function paragraphsHtml(text) {
    const esc = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return text.split('\n').map((line) => `<p>${esc(line)}</p>`).join('');
  }

  SO.text = { read, range, offsetOf, isBlock, paragraphsHtml };
})();
