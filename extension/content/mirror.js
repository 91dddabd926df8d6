// Highlights inside a plain <textarea>. The CSS Custom Highlight API cannot paint inside one (its
// text is not in the DOM), so each checked textarea gets a mirror: an element in Second Opinion's
// own layer (ui-styles.js), laid exactly over the textarea, with the same font, padding, border
// widths, wrapping and scroll position, holding the same text in transparent ink. The findings'
// ranges are Highlight API ranges on the mirror's text node, painted by the ::highlight rules of
// the layer's style sheet; the textarea's own text shows through. The mirror takes no pointer
// events (hover, clicks and the caret stay the textarea's), and follows input (render), the
// textarea's scrolling, its resizing, and the page's scrolling and resizing.
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;

  /** Computed properties copied from the textarea: everything that decides where a glyph goes. */
  const COPIED = [
    'boxSizing', 'fontFamily', 'fontSize', 'fontStyle', 'fontWeight', 'fontVariant', 'fontStretch',
    'fontFeatureSettings', 'fontKerning', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textIndent',
    'textAlign', 'textTransform', 'tabSize', 'direction', 'wordBreak', 'overflowWrap', 'hyphens',
    'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
    'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
    'borderTopStyle', 'borderRightStyle', 'borderBottomStyle', 'borderLeftStyle', 'writingMode', 'whiteSpace',
  ];

  /** @type {Map<HTMLTextAreaElement, Mirror>} */
  const mirrors = new Map();
  let frame = 0;

  class Mirror {
    /** @param {HTMLTextAreaElement} textarea */
    constructor(textarea) {
      this.textarea = textarea;
      this.el = document.createElement('div');
      this.el.className = 'mirror';
      this.el.setAttribute('aria-hidden', 'true');
      /** The textarea's text; a range is made on this node. */
      this.text = document.createTextNode('');
      // A textarea shows a line after a final "\n"; a block does not unless something follows it.
      this.el.append(this.text, document.createTextNode('\u200b'));
      SO.ui.layer().prepend(this.el);
      this.onScroll = () => this.syncScroll();
      textarea.addEventListener('scroll', this.onScroll, { passive: true });
      this.resize = new ResizeObserver(() => this.layout());
      this.resize.observe(textarea);
      this.layout();
    }

    /** Copies the text, the styles and the box, then the scroll position. */
    layout() {
      const ta = this.textarea;
      if (this.text.data !== ta.value) this.text.data = ta.value;
      const cs = getComputedStyle(ta);
      const s = this.el.style;
      for (const p of COPIED) s[p] = cs[p];
      const r = ta.getBoundingClientRect();
      const hidden = !ta.isConnected || (r.width === 0 && r.height === 0) || cs.visibility === 'hidden';
      s.visibility = hidden ? 'hidden' : '';
      // The scroll bar takes width from the text: the mirror is narrower by as much.
      const bl = parseFloat(cs.borderLeftWidth) || 0;
      const br = parseFloat(cs.borderRightWidth) || 0;
      const bt = parseFloat(cs.borderTopWidth) || 0;
      const bb = parseFloat(cs.borderBottomWidth) || 0;
      const scrollbarX = Math.max(0, ta.offsetWidth - bl - br - ta.clientWidth);
      const scrollbarY = Math.max(0, ta.offsetHeight - bt - bb - ta.clientHeight);
      const scale = ta.offsetWidth ? r.width / ta.offsetWidth : 1;
      s.boxSizing = 'border-box';
      s.left = `${r.left}px`;
      s.top = `${r.top}px`;
      s.width = `${r.width / scale - scrollbarX}px`;
      s.height = `${r.height / scale - scrollbarY}px`;
      this.syncScroll();
    }

    syncScroll() {
      this.el.scrollTop = this.textarea.scrollTop;
      this.el.scrollLeft = this.textarea.scrollLeft;
    }

    /** A Range on the mirror's text for [start, end) of the textarea's value, or null. */
    range(start, end) {
      if (this.text.data !== this.textarea.value) this.layout();
      if (start < 0 || end > this.text.length || start > end) return null;
      const r = document.createRange();
      r.setStart(this.text, start);
      r.setEnd(this.text, end);
      return r;
    }

    destroy() {
      this.textarea.removeEventListener('scroll', this.onScroll);
      this.resize.disconnect();
      this.el.remove();
    }
  }

  /** The mirror of a textarea (made on first use). */
  function of(textarea) {
    let m = mirrors.get(textarea);
    if (!m) {
      m = new Mirror(textarea);
      mirrors.set(textarea, m);
    }
    return m;
  }

  function remove(textarea) {
    mirrors.get(textarea)?.destroy();
    mirrors.delete(textarea);
  }

  /** Lays every mirror out again in the next frame (page scroll, resize, layout changes). */
  function schedule() {
    if (frame || !mirrors.size) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      for (const m of mirrors.values()) m.layout();
    });
  }

  addEventListener('scroll', schedule, { capture: true, passive: true });
  addEventListener('resize', schedule, { passive: true });

  SO.mirror = { of, remove, schedule, get: (ta) => mirrors.get(ta) ?? null };
})();
