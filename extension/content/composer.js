// One composer being checked: reads its text from the DOM, asks the background to check it
// (at most one request in flight; the latest text is sent as soon as the previous answer is
// back), keeps the findings in step with edits, and draws them. What the doctor does with its
// findings and caret (hiding, fixes, selection, reveal) is composer-actions.js, on the same class.
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;
  let nextId = 1;
  /** An answer slower than this shows the badge as "checking" (ms); a normal one takes ~3 ms. */
  const SLOW_CHECK_MS = 500;
  /** Delays before checking again after the 2nd, 3rd, ... failure in a row (ms). */
  const RETRY_MS = [500, 2000, 5000, 15000];

  /** Moves a span after an edit: [p, oldEnd) in the old text became [p, newEnd) in the new. */
  function shiftSpan(start, end, p, oldChangeEnd, delta) {
    if (end <= p) return [start, end];
    if (start >= oldChangeEnd) return [start + delta, end + delta];
    return null;
  }

  class Composer {
    /**
     * @param {Element} el  the editable root
     * @param {string|null} site  a key of the site registry (extension/content/sites.js), or null
     */
    constructor(el, site) {
      this.id = `c${nextId++}`;
      this.el = el;
      this.site = site;
      this.adapter = SO.sites.adapterFor(el, site);
      this.isTextarea = el.tagName === 'TEXTAREA';
      /** @type {import('./text.js').TextModel|any} */
      this.model = { root: el, text: '', segments: [] };
      /** Findings for `this.text` (spans shifted while an answer is awaited). */
      this.findings = [];
      /** The text the findings were computed for, or null while they are only estimates. */
      this.checkedText = null;
      this.enabled = true;
      /** @type {string|null} */
      this.checkerError = null;
      this.inFlight = false;
      this.sentAt = 0;
      this.dirty = false;
      /** Failed checks in a row (transport or checker errors). */
      this.failures = 0;
      this.retryTimer = 0;
      this.slowTimer = 0;
      /** @type {Set<string>} "rule|text" occurrences ignored in this composer */
      this.ignored = new Set();
      /** @type {Set<string>} rules ignored since the last answer (until settings catch up) */
      this.ignoredRules = new Set();
      /** @type {Set<string>} terms (lower case) "always ignored" since the last answer */
      this.ignoredTerms = new Set();
      /** @type {(() => void)[]} */
      this.waiters = [];
      this.lastKeyAt = 0;
      /** @type {{text: string, at: number}|null} when the current text was typed */
      this.typedAt = null;
      this.lastUsed = performance.now();
      this.scheduled = false;

      this.onInput = () => this.update();
      this.onKey = (e) => {
        this.lastKeyAt = e.timeStamp;
      };
      /** @type {{start: number, end: number}|null} the selection when focus last left the editor */
      this.savedSelection = null;
      this.onBlur = () => {
        const offsets = this.selectionOffsets();
        if (offsets) this.savedSelection = offsets;
      };
      el.addEventListener('input', this.onInput);
      el.addEventListener('keydown', this.onKey, true);
      el.addEventListener('focusout', this.onBlur);
      this.observer = new MutationObserver(() => this.scheduleUpdate());
      this.observer.observe(el, { childList: true, subtree: true, characterData: true });
      this.update(true);
    }

    get text() {
      return this.model.text;
    }

    read() {
      if (this.isTextarea) return { root: this.el, text: /** @type {HTMLTextAreaElement} */ (this.el).value, segments: [] };
      return (this.adapter.read ?? SO.text.read)(this.el);
    }

    scheduleUpdate() {
      if (this.scheduled) return;
      this.scheduled = true;
      queueMicrotask(() => {
        this.scheduled = false;
        this.update();
      });
    }

    /** Re-reads the DOM; on a change, moves the findings with the edit, redraws and checks. */
    update(force = false) {
      if (!this.el.isConnected) return;
      const model = this.read();
      const old = this.model.text;
      const changed = model.text !== old;
      this.model = model;
      if (!changed && !force) return;
      this.lastUsed = performance.now();
      if (changed) {
        const now = performance.now();
        this.typedAt = { text: model.text, at: now - this.lastKeyAt < 1000 ? this.lastKeyAt : now };
        this.remap(old, model.text);
      }
      this.render();
      this.requestCheck();
    }

    /** Keeps findings on their text while the new check is on its way. */
    remap(oldText, newText) {
      let p = 0;
      const max = Math.min(oldText.length, newText.length);
      while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
      let s = 0;
      while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
      const oldChangeEnd = oldText.length - s;
      const delta = newText.length - oldText.length;
      this.checkedText = null;
      const shift = (start, end) => shiftSpan(start, end, p, oldChangeEnd, delta);
      this.findings = this.findings.flatMap((f) => SO.parts.moved(f, shift) ?? []);
    }

    requestCheck() {
      if (this.inFlight) {
        this.dirty = true;
        return;
      }
      this.send();
    }

    async send() {
      const text = this.model.text;
      clearTimeout(this.retryTimer);
      this.inFlight = true;
      this.sentAt = performance.now();
      this.dirty = false;
      // A slow answer shows as "checking" on the badge rather than as the old result.
      clearTimeout(this.slowTimer);
      this.slowTimer = setTimeout(() => this.inFlight && this.render(), SLOW_CHECK_MS + 1);
      /** @type {any} */
      let reply;
      try {
        reply = await SO.request({ type: 'check', text, site: this.site });
      } catch (e) {
        const error = String(e?.message ?? e);
        // A closed port means the worker stopped (it restarts on the next message); a timeout does not.
        reply = { ok: false, error, transport: /port disconnected|establish connection|message port closed|context invalidated/i.test(error) };
      }
      this.inFlight = false;
      clearTimeout(this.slowTimer);
      if (!this.el.isConnected) return;
      if (!reply?.ok && reply?.transport && this.failures === 0) {
        // The worker was stopped under us: a new port wakes it, so ask again at once.
        this.failures = 1;
        return this.send();
      }
      SO.stats.checks++;
      if (!reply?.ok) {
        this.failures = Math.max(this.failures, 1) + 1;
        this.checkerError = reply?.error ?? 'no answer from the checker';
        SO.stats.errors.push(this.checkerError);
        this.checkedText = null;
        this.findings = [];
        // Keep trying while the composer exists: a worker that failed once usually comes back.
        const delay = RETRY_MS[Math.min(this.failures - 2, RETRY_MS.length - 1)];
        this.retryTimer = setTimeout(() => this.retryNow(), delay);
      } else {
        this.failures = 0;
        this.checkerError = null;
        this.enabled = reply.enabled !== false;
        this.guard = reply.guard !== false; // the doctor may switch the guard off (unless policy forbids)
        if (this.read().text === text) {
          this.checkedText = text;
          this.findings = reply.findings;
          this.ignoredRules.clear();
          this.ignoredTerms.clear();
        }
      }
      if (this.dirty || (this.checkedText === null && !this.checkerError && this.read().text !== text)) {
        this.model = this.read();
        this.send();
        return;
      }
      this.render();
      this.recordLatency(text);
      for (const w of this.waiters.splice(0)) w();
      SO.notifyChanged?.(this);
    }

    /** Checks again now unless a check is already on its way (after an error; the guard). */
    retryNow() {
      if (this.inFlight || !this.el.isConnected) return;
      this.model = this.read();
      this.send();
    }

    /** True while an answer has been awaited for longer than a normal check takes. */
    get slow() {
      return this.inFlight && performance.now() - this.sentAt > SLOW_CHECK_MS;
    }

    /** Keystroke-to-highlight times: to the highlights being registered, and to the next frame. */
    recordLatency(text) {
      const typed = this.typedAt;
      if (!typed || typed.text !== text || this.checkedText !== text) return;
      this.typedAt = null;
      const push = (list, v) => {
        list.push(v);
        if (list.length > 2000) list.shift();
      };
      push(SO.stats.latencies, performance.now() - typed.at);
      requestAnimationFrame(() => push(SO.stats.frameLatencies, performance.now() - typed.at));
      SO.stats.applied++;
    }

    rangeFor(finding) {
      if (this.model.text.slice(finding.start, finding.end) !== finding.text) return null;
      // A textarea's text is not in the DOM: the range is on its mirror's copy (mirror.js).
      if (this.isTextarea) return SO.mirror.of(/** @type {HTMLTextAreaElement} */ (this.el)).range(finding.start, finding.end);
      return SO.text.range(this.model, finding.start, finding.end);
    }

    /** A DOM range for each of the finding's ranges (span, then parts) that is still on its text. */
    rangesFor(finding) {
      return SO.parts.ranges(finding).flatMap((r) => this.rangeFor(r) ?? []);
    }

    render() {
      if (this.isTextarea) SO.mirror.of(/** @type {HTMLTextAreaElement} */ (this.el)).layout();
      const entries = [];
      // Colours for the page's theme where the composer sits (lighter shades on a dark page).
      const theme = SO.ui.pageIsDark(this.el) ? 'dark' : 'light';
      for (const f of this.visibleFindings()) {
        const name = SO.highlights.styleFor(f, theme);
        for (const range of this.rangesFor(f)) entries.push({ name, range });
      }
      SO.highlights.set(this.id, entries);
      SO.overlay.update(this);
    }

    /** 'clean' | 'warning' | 'pending' | 'unchecked' — what the guard needs to know. */
    submitState() {
      // An error with a new attempt on its way is still pending: the guard waits for it.
      if (this.checkerError && !this.inFlight) return 'unchecked';
      if (!this.enabled) return 'clean';
      if (this.guard === false) return 'clean'; // "Ask before posting" switched off
      const text = this.read().text;
      if (this.inFlight || this.checkedText === null || text !== this.checkedText) {
        if (text !== this.model.text) this.update();
        return 'pending';
      }
      return this.visibleFindings().some((f) => f.severity === 'warning') ? 'warning' : 'clean';
    }

    /** Resolves when no check is pending (or after `ms`). */
    settled(ms) {
      if (!this.inFlight && this.checkedText === this.read().text) return Promise.resolve();
      if (!this.inFlight) this.update(true);
      return new Promise((resolve) => {
        const t = setTimeout(resolve, ms);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve(undefined);
        });
      });
    }

    destroy() {
      clearTimeout(this.retryTimer);
      clearTimeout(this.slowTimer);
      this.observer.disconnect();
      this.el.removeEventListener('input', this.onInput);
      this.el.removeEventListener('keydown', this.onKey, true);
      this.el.removeEventListener('focusout', this.onBlur);
      SO.highlights.clear(this.id);
      if (this.isTextarea) SO.mirror.remove(this.el);
      SO.overlay.remove(this);
      if (SO.card.current?.composer === this) SO.card.close();
      for (const w of this.waiters.splice(0)) w();
    }
  }

  SO.Composer = Composer;
})();
