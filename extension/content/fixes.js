// @ts-check
// Applying a fix so that the editor's model, the screen and the post stay one text.
//
// Every change goes in through the editor's own input handling, as a person's would (DESIGN.md §5):
// - removals: a Backspace keydown on the selection. Draft.js and Lexical delete the range in
//   their models and redraw. (execCommand('insertText', '') or 'delete' over a whole line or the
//   whole post leaves Draft.js's model holding the old text while the screen is empty.)
// - insertions and replacements: a paste of plain text, which both editors turn into their own
//   characters, lines and blocks. (execCommand('insertText') over a whole Lexical line puts the
//   new text at the end of the paragraph on screen while the model has it in place.)
// An editor that ignores those events (a textarea, a plain contenteditable) gets execCommand.
//
// A card can stay open while the doctor keeps typing, so a fix is never applied at the offsets it
// was found at without checking: the span is moved over the edit made since (or, when the edit
// touches it, taken from a fresh check of the current text), or the fix is refused.
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;

  /** The one changed region between two texts: [p, oldEnd) of `a` became [p, newEnd) of `b`. */
  function changedRegion(a, b) {
    let p = 0;
    const max = Math.min(a.length, b.length);
    while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
    let s = 0;
    while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
    return { p, oldEnd: a.length - s, newEnd: b.length - s };
  }

  /**
   * Moves span [start, end) of `base` into `now`, or null if the edit between them touches it.
   * Text typed right before or right after the span stays outside it; an insertion point at the
   * end of the post (an appended declaration) stays at the end.
   */
  function mapSpan(base, now, start, end) {
    if (base === now) return [start, end];
    if (start === end && start === base.length) return [now.length, now.length];
    const { p, oldEnd, newEnd } = changedRegion(base, now);
    const delta = newEnd - oldEnd;
    if (oldEnd <= start) return [start + delta, end + delta];
    if (p >= end) return [start, end];
    return null;
  }

  /** Where the caret goes when [start, end) became `replacement`: moved with the text around it. */
  function mapCaret(offset, start, end, replacement) {
    if (offset <= start) return offset;
    if (offset >= end) return offset + replacement.length - (end - start);
    return start + replacement.length;
  }

  /** The element where the selection starts, inside the editor (where the editor listens). */
  function selectionTarget(composer) {
    const node = document.getSelection()?.anchorNode;
    const el = node?.nodeType === Node.ELEMENT_NODE ? /** @type {Element} */ (node) : node?.parentElement;
    return el && composer.el.contains(el) ? el : composer.el;
  }

  /** A keydown then keyup of Backspace at the selection; true if the editor handled it. */
  function pressBackspace(composer) {
    const target = selectionTarget(composer);
    const init = { key: 'Backspace', code: 'Backspace', keyCode: 8, which: 8, bubbles: true, cancelable: true, composed: true };
    const down = new KeyboardEvent('keydown', init);
    target.dispatchEvent(down);
    target.dispatchEvent(new KeyboardEvent('keyup', init));
    return down.defaultPrevented;
  }

  /** A paste of the text at the selection (plain, or paragraphs where the editor needs them); true if the editor handled it. */
  function pastePlain(composer, text) {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    // ProseMirror turns a run of newlines in plain text into one break; as HTML, one <p> a line
    // keeps blank lines.
    if (composer.adapter.pasteAsParagraphs?.(composer.el)) data.setData('text/html', SO.text.paragraphsHtml(text));
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
    selectionTarget(composer).dispatchEvent(event);
    return event.defaultPrevented;
  }

  /** The browser's own editing, for editors that left the events above alone. */
  function execInsert(text, textarea) {
    if (text === '') {
      document.execCommand('delete', false);
      return;
    }
    if (textarea) {
      document.execCommand('insertText', false, text);
      return;
    }
    text.split('\n').forEach((line, i) => {
      if (i > 0) document.execCommand('insertLineBreak', false);
      if (line) document.execCommand('insertText', false, line);
    });
  }

  /**
   * Replaces [start, end) of the composer's current text with `replacement` through the editor,
   * then puts the caret at `caret` (an offset in the text before the change) moved over the
   * change. Returns whether the text on screen is now exactly the expected one. Nothing is
   * changed once `signal` is aborted (the card was closed while the editor caught up).
   */
  async function replace(composer, start, end, replacement, caret, signal = null) {
    composer.update();
    const before = composer.text;
    const expected = before.slice(0, start) + replacement + before.slice(end);
    if (!(await composer.select(start, end)) || signal?.aborted) return false;
    // Edit only what was selected: if something moved the selection meanwhile, leave the text be.
    const sel = composer.selectionOffsets();
    if (!composer.isTextarea && (sel?.start !== start || sel?.end !== end || composer.text !== before)) return false;
    if (composer.isTextarea) {
      // A textarea has no model beside its value: the browser's own editing is the input path.
      execInsert(replacement, true);
    } else if (start !== end || replacement) {
      const handled = replacement === '' ? pressBackspace(composer) : pastePlain(composer, replacement);
      if (!handled) execInsert(replacement, false);
    }
    // The editors redraw from their models a moment later (React and Lexical batch updates).
    if (!(await textBecomes(composer, expected))) return false;
    const at = Math.min(mapCaret(caret ?? end, start, end, replacement), expected.length);
    await composer.select(at, at);
    return true;
  }

  /** Resolves true once the composer's DOM text is `expected` (false after `ms`). */
  function textBecomes(composer, expected, ms = 1000) {
    return new Promise((resolve) => {
      let finished = false;
      const done = (ok) => {
        if (finished) return;
        finished = true;
        observer.disconnect();
        clearTimeout(timer);
        composer.update();
        resolve(ok);
      };
      const test = () => {
        if (composer.read().text === expected) done(true);
      };
      const observer = new MutationObserver(test);
      observer.observe(composer.el, { childList: true, subtree: true, characterData: true });
      const timer = setTimeout(() => done(composer.read().text === expected), ms);
      if (composer.isTextarea) done(composer.read().text === expected);
      else queueMicrotask(test);
    });
  }

  /** Same rule, same text: the finding in `list` nearest `near`, if its fix `label` is there. */
  function sameFinding(list, finding, label, near) {
    let best = null;
    for (const f of list) {
      if (f.rule !== finding.rule || f.text !== finding.text) continue;
      const fix = (f.fixes ?? []).find((x) => x.label === label);
      if (fix && (!best || Math.abs(f.start - near) < Math.abs(best.finding.start - near))) best = { finding: f, fix };
    }
    return best;
  }

  /**
   * Applies `fix` of `finding`, whose offsets refer to `base` (the text when its card opened).
   * @param {AbortSignal|null} [signal] aborted when the card closes before the fix is in
   * @returns {Promise<'applied'|'changed'|'failed'|'cancelled'>}
   */
  async function apply(composer, finding, fix, base, signal = null) {
    // The caret to come back to: where the doctor was before the card took focus.
    const caret = composer.savedSelection?.end ?? composer.selectionOffsets()?.end ?? null;
    composer.update();
    const now = composer.text;
    const start = fix.start ?? finding.start;
    const end = fix.end ?? finding.end;
    const span = mapSpan(base, now, start, end);
    const own = mapSpan(base, now, finding.start, finding.end);
    if (span && own && now.slice(span[0], span[1]) === base.slice(start, end) && now.slice(own[0], own[1]) === finding.text) {
      return (await replace(composer, span[0], span[1], fix.replacement, caret, signal)) ? 'applied' : signal?.aborted ? 'cancelled' : 'failed';
    }
    // The edit touched the span: ask the checker about the text as it is now, and apply the same
    // fix of the same finding from its answer.
    const { p } = changedRegion(base, now);
    await composer.settled(3000);
    if (signal?.aborted) return 'cancelled';
    const current = composer.read().text;
    if (composer.checkedText !== current) return 'changed';
    const near = finding.start < p ? finding.start : finding.start + current.length - base.length;
    const fresh = sameFinding(composer.findings, finding, fix.label, near);
    if (!fresh) return 'changed';
    const at = mapSpan(now, current, caret ?? now.length, caret ?? now.length)?.[0] ?? null;
    const ok = await replace(composer, fresh.fix.start ?? fresh.finding.start, fresh.fix.end ?? fresh.finding.end, fresh.fix.replacement, at, signal);
    return ok ? 'applied' : signal?.aborted ? 'cancelled' : 'failed';
  }

  SO.fixes = { apply, replace, mapSpan, changedRegion };
})();
