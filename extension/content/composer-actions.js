// What the doctor does in a composer through Second Opinion, added to SO.Composer (composer.js):
// which findings are shown and the ways to hide them here (Ignore, Ignore rule, Dismiss all,
// Always ignore this term), fixes, and the caret and selection: kept while a card or the list has
// focus and put back after, a finding revealed and selected, the finding at the caret.
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;

  /** Waits for the next selectionchange (editors sync their model on it), at most `ms`. */
  function selectionSettled(ms = 100) {
    return new Promise((resolve) => {
      const done = () => {
        document.removeEventListener('selectionchange', done);
        clearTimeout(timer);
        resolve(undefined);
      };
      const timer = setTimeout(done, ms);
      document.addEventListener('selectionchange', done);
    });
  }

  Object.assign(SO.Composer.prototype, {
    /** Findings shown to the doctor: not ignored here, not of an ignored rule. */
    visibleFindings() {
      if (!this.enabled) return [];
      return this.findings.filter(
        (f) =>
          !this.ignored.has(`${f.rule}|${f.text}`) &&
          !this.ignoredRules.has(f.rule) &&
          // As the checker matches ignored terms: the flagged text contains one.
          ![...this.ignoredTerms].some((t) => String(f.text).toLowerCase().includes(t)),
      );
    },

    /**
     * Gives the editor focus again with the caret where it was when focus left it (the browser
     * would put it at the start, and Draft.js would then follow the DOM there).
     */
    focus() {
      /** @type {HTMLElement} */ (this.el).focus({ preventScroll: true });
      const saved = this.savedSelection;
      this.savedSelection = null;
      if (!saved || this.isTextarea) return;
      this.update();
      const range = SO.text.range(this.model, Math.min(saved.start, this.text.length), Math.min(saved.end, this.text.length));
      const sel = document.getSelection();
      if (!range || !sel) return;
      sel.removeAllRanges();
      sel.addRange(range);
    },

    /** The selection as text offsets, if it is inside this editor. */
    selectionOffsets() {
      if (this.isTextarea) return null;
      const sel = document.getSelection();
      if (!sel || !sel.anchorNode || !this.el.contains(sel.anchorNode) || !this.el.contains(sel.focusNode)) return null;
      this.update();
      const a = SO.text.offsetOf(this.model, sel.anchorNode, sel.anchorOffset);
      const b = SO.text.offsetOf(this.model, /** @type {Node} */ (sel.focusNode), sel.focusOffset);
      if (a === null || b === null) return null;
      return { start: Math.min(a, b), end: Math.max(a, b) };
    },

    /** Selects a span [start, end) of the text in the editor (the editor gets focus). */
    async select(start, end) {
      this.savedSelection = null;
      this.focus();
      const sel = document.getSelection();
      if (this.isTextarea) {
        /** @type {HTMLTextAreaElement} */ (this.el).setSelectionRange(start, end);
        return true;
      }
      // Already there (the caret after a fix often is): no selectionchange will come to wait for.
      const now = this.selectionOffsets();
      if (now && now.start === start && now.end === end) return true;
      const range = SO.text.range(this.model, start, end);
      if (!range || !sel) return false;
      sel.removeAllRanges();
      sel.addRange(range);
      await selectionSettled();
      return true;
    },

    /**
     * Applies a fix through the editor's own input handling (fixes.js). `base` is the text the
     * finding's offsets refer to (the text when its card opened); `signal` cancels it.
     * @returns {Promise<'applied'|'changed'|'failed'|'cancelled'>}
     */
    applyFix(finding, fix, base = this.text, signal = null) {
      return SO.fixes.apply(this, finding, fix, base, signal);
    },

    ignoreOccurrence(finding) {
      this.ignored.add(`${finding.rule}|${finding.text}`);
      this.render();
      SO.notifyChanged?.(this);
    },

    ignoreRule(rule) {
      this.ignoredRules.add(rule);
      this.render();
      SO.notifyChanged?.(this);
      SO.ext.runtime.sendMessage({ type: 'ignore-rule', rule }).catch(() => {});
    },

    /** "Dismiss all for this post": every finding shown now is ignored here (as "Ignore" does). */
    dismissAll() {
      for (const f of this.visibleFindings()) this.ignored.add(`${f.rule}|${f.text}`);
      this.render();
      SO.notifyChanged?.(this);
    },

    /** "Always ignore this term": hidden at once, and added to the ignored terms in settings. */
    ignoreTerm(term) {
      this.ignoredTerms.add(term.trim().toLowerCase());
      this.render();
      SO.notifyChanged?.(this);
      SO.ext.runtime.sendMessage({ type: 'ignore-term', term }).catch(() => {});
    },

    /** Scrolls to and selects visible finding `index`; optionally opens its card. */
    async reveal(index, { openCard = false } = {}) {
      const f = this.visibleFindings()[index];
      if (!f) return false;
      this.update();
      const range = this.rangeFor(f);
      const target = (!this.isTextarea && range?.startContainer.parentElement) || this.el;
      target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      await this.select(f.start, f.end);
      if (openCard) SO.card.open(this, f, { focus: false });
      return true;
    },

    /** The visible finding whose span contains `offset`, else the first one after it. */
    findingAt(offset, { after = false } = {}) {
      const list = this.visibleFindings();
      const at = (f) => SO.parts.ranges(f).some((r) => r.start <= offset && offset <= r.end);
      return list.find(at) ?? (after ? list.find((f) => f.start >= offset) ?? list[0] : null);
    },

    /** The caret's offset in the text, or null. */
    caretOffset() {
      if (this.isTextarea) return /** @type {HTMLTextAreaElement} */ (this.el).selectionStart;
      const sel = document.getSelection();
      if (!sel || !sel.focusNode || !this.el.contains(sel.focusNode)) return null;
      return SO.text.offsetOf(this.model, sel.focusNode, sel.focusOffset);
    },
  });
})();
