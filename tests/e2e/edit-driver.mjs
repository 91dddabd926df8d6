// @ts-check
// Drives one practice-page composer as a person would (keyboard, clipboard, mouse on cards) and
// reads back the three texts that must agree: the editor's model (the practice page exposes it),
// the DOM text the extension reads (isolated world), and what the page submits on Post.
// Every wait is on a condition with a deadline; nothing sleeps, nothing retries.
/* global window, document, Range -- used inside functions evaluated in the page */
import { WAIT } from './harness.mjs';
import { clickGuardButton, clickHighlight, pressFix } from './ui.mjs';

/** @typedef {{key: 'x'|'facebook', name: string, url: string, composer: string, modelKey: string, submitButton: string}} EditorSite */

/** @type {Record<'x'|'facebook', EditorSite>} */
export const EDITOR_SITES = {
  x: {
    key: 'x',
    name: 'X (Draft.js)',
    url: 'https://x.com/home',
    composer: '[data-fixture="main"] [data-testid="tweetTextarea_0"]',
    modelKey: 'main-0',
    submitButton: '[data-testid="tweetButtonInline"]',
  },
  facebook: {
    key: 'facebook',
    name: 'Facebook (Lexical)',
    url: 'https://www.facebook.com/',
    composer: '[role="dialog"] [aria-label="What\'s on your mind, Sam?"]',
    modelKey: 'main',
    submitButton: '[role="button"][aria-label="Post"]',
  },
};

/** How long an editor may take to agree with itself after one step (ms). */
export const STEP_WAIT = Number(process.env.EDIT_STEP_WAIT ?? WAIT);

/** The isolated-world expression for this site's composer (the extension's Composer object). */
const composerJs = (site) =>
  `SecondOpinion.composers().find((c) => c.el === document.querySelector(${JSON.stringify(site.composer)}) && c.el.isConnected)`;

export class EditorDriver {
  /**
   * @param {import('./harness.mjs').Tab} tab
   * @param {EditorSite} site
   */
  constructor(tab, site) {
    this.tab = tab;
    this.page = tab.page;
    this.site = site;
    this.c = composerJs(site);
    /** Uncaught errors of the page (an editor that throws is a failure to report). */
    this.errors = [];
    this.page.on('pageerror', (e) => this.errors.push(String(e.stack ?? e.message).slice(0, 1500)));
  }

  /** Model text and selection (main world) and the extension's DOM text (isolated world). */
  async state() {
    const main = await this.page.evaluate(
      (k) => ({ model: window.__fixtureModelText(k), sel: window.__fixtureSelection(k), selNotified: window.__selectionNotified?.() ?? null }),
      this.site.modelKey,
    );
    const { dom, domSel, focus } = await this.tab.isolated(`(() => {
      const c = ${this.c};
      if (!c) return { dom: null, domSel: null, focus: null };
      const m = c.read();
      const s = document.getSelection();
      const inside = s?.anchorNode && c.el.contains(s.anchorNode) && c.el.contains(s.focusNode);
      const a = inside ? SecondOpinion.text.offsetOf(m, s.anchorNode, s.anchorOffset) : null;
      const f = inside ? SecondOpinion.text.offsetOf(m, s.focusNode, s.focusOffset) : null;
      const active = document.activeElement;
      // Where focus is, for a timeout's message: a step that finds the editor blurred says what has it.
      const inner = SecondOpinion.ui.root().activeElement;
      const where = inner ? \` > \${inner.tagName.toLowerCase()}.\${inner.className || ''} "\${(inner.textContent ?? '').slice(0, 40)}"\` : '';
      const focus = active === c.el || c.el.contains(active) ? 'editor' : \`\${active?.tagName ?? 'none'}\${active?.id ? '#' + active.id : ''}\${where}\${document.hasFocus() ? '' : ' (page not focused)'}\`;
      return { dom: m.text, domSel: a === null || f === null ? null : [Math.min(a, f), Math.max(a, f)], focus };
    })()`);
    return { ...main, dom, domSel, focus };
  }

  /**
   * Waits until the editor's model has the selection the screen shows: after a click, the editor
   * learns of the new caret from a selectionchange that comes a moment later, and a selection
   * set before it arrives would be overwritten by it.
   */
  caughtUp(what = 'the editor caught up with the selection on screen') {
    const same = (s) =>
      s.sel && s.domSel && s.selNotified !== false && Math.min(s.sel.anchor, s.sel.focus) === s.domSel[0] && Math.max(s.sel.anchor, s.sel.focus) === s.domSel[1];
    return this.until(same, what);
  }

  /** Resolves on the page's next animation frame (the pace of every wait here). */
  frame() {
    return this.page.evaluate(() => new Promise((resolve) => window.requestAnimationFrame(() => resolve(null))));
  }

  /**
   * Resolves once the tasks the page has already queued have run, and a frame after: Draft.js
   * finishes some undos in a setTimeout(0), and a check of the text must not catch it half-way.
   */
  drain() {
    return this.page.evaluate(() => new Promise((resolve) => setTimeout(() => window.requestAnimationFrame(() => resolve(null)), 0)));
  }

  /**
   * Waits until `pred(state)` holds; throws with the last state after `timeout`.
   * @param {(s: Awaited<ReturnType<EditorDriver['state']>>) => boolean} pred
   */
  async until(pred, what, timeout = STEP_WAIT) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const s = await this.state();
      if (pred(s)) return s;
      if (Date.now() > deadline) {
        const history = await this.focusHistory();
        throw new Error(`timed out waiting for ${what}: model=${JSON.stringify(s.model)} dom=${JSON.stringify(s.dom)} sel=${JSON.stringify(s.sel)} domSel=${JSON.stringify(s.domSel)} focus=${s.focus}${history}`);
      }
      await this.frame();
    }
  }

  /** Waits until model == DOM == `text`. */
  expectText(text, what = 'model == DOM == expected') {
    return this.until((s) => s.model === text && s.dom === text, `${what} (expected ${JSON.stringify(text)})`);
  }

  /** Waits until model == DOM (whatever the text) and `ok(text)`. */
  agree(ok = () => true, what = 'model == DOM') {
    return this.until((s) => s.model === s.dom && s.model !== null && ok(s.model), what);
  }

  /** Opens a fresh practice page and focuses the composer. */
  static async open(session, site) {
    const tab = await session.open(site.url);
    const d = new EditorDriver(tab, site);
    await d.watchFocus();
    await d.watchSelection();
    await d.focusComposer();
    return d;
  }

  /**
   * Records, for a failure's message, what moved focus while the steps ran: focus entering the
   * extension's UI or the editor, and the UI's card and list opening and closing, each with the
   * stack of the code that did it (the last twelve are kept). Read back by focusHistory().
   */
  watchFocus() {
    return this.tab.isolated(`(() => {
      const moves = (globalThis.__soFocusMoves = []);
      const where = () => (new Error().stack ?? '').split('\\n').slice(3, 8).map((l) => l.trim().replace(/^at /, '').replace(/chrome-extension:\\/\\/[a-z]+\\//, '')).join(' < ');
      const note = (what) => {
        moves.push(\`\${Math.round(performance.now())} \${what} at \${where()}\`);
        if (moves.length > 16) moves.shift();
      };
      const describe = (t) => t ? \`\${t.tagName.toLowerCase()}.\${t.className} "\${(t.textContent ?? '').slice(0, 30)}"\` : 'nothing';
      // An exception in the content script's handlers (this world's own error events).
      addEventListener('error', (e) => note(\`error \${e.message} \${(e.error?.stack ?? '').split('\\n').slice(1, 4).join(' < ')}\`));
      addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.altKey) note(\`Alt+Enter keydown on \${describe(e.target)} trusted=\${e.isTrusted} prevented=\${e.defaultPrevented}\`); }, true);
      for (const type of ['click', 'keydown']) SecondOpinion.ui.root().addEventListener(type, (e) => note(\`\${type} \${e.key ?? ''} in UI on \${describe(e.target)} trusted=\${e.isTrusted}\`), true);
      SecondOpinion.ui.root().addEventListener('focusin', (e) => note(\`focus into UI \${describe(e.target)}\`), true);
      document.addEventListener('focusin', (e) => { if (${this.c}?.el.contains(e.target)) note('focus into the editor'); }, true);
      for (const [name, obj, fns] of [['overlay', SecondOpinion.overlay, ['openPanel', 'closePanel']], ['card', SecondOpinion.card, ['open', 'close']]]) {
        for (const fn of fns) {
          const orig = obj[fn];
          obj[fn] = function (...args) { note(\`\${name}.\${fn}(\${fn === 'open' && name === 'card' ? \`"\${args[1]?.text}" \${JSON.stringify(args[2] ?? {})}\` : fn === 'openPanel' ? '' : JSON.stringify(args[0] ?? {})}) open before=\${obj === SecondOpinion.overlay ? obj.panelOpen : !!obj.current}\`); return orig.apply(this, args); };
        }
      }
      return true;
    })()`);
  }

  /**
   * In the page: whether the last selectionchange event saw the DOM selection as it is now (false
   * while one is still to come, after a selection set by script). The listener is added after
   * the editor's, so by the time it runs the editor has handled the same event.
   */
  watchSelection() {
    return this.page.evaluate(() => {
      // A copy of the selection's range as the last event saw it. Both are live ranges, so an
      // edit of the DOM moves them alike; only a selection set since (by script) tells them apart.
      /** @type {Range|null} */
      let seen = null;
      const current = () => {
        const s = document.getSelection();
        return s && s.rangeCount ? s.getRangeAt(0) : null;
      };
      document.addEventListener('selectionchange', () => {
        seen = current()?.cloneRange() ?? null;
      });
      /** @type {any} */ (window).__selectionNotified = () => {
        const now = current();
        if (!now || !seen) return !now && !seen;
        try {
          return now.compareBoundaryPoints(Range.START_TO_START, seen) === 0 && now.compareBoundaryPoints(Range.END_TO_END, seen) === 0;
        } catch {
          return false;
        }
      };
    });
  }

  /** What watchFocus recorded, one line each, for a failure's message. */
  async focusHistory() {
    const moves = await this.tab.isolated(`globalThis.__soFocusMoves ?? []`).catch(() => []);
    return moves.length ? `\n    focus history: ${moves.join('\n      ')}` : '';
  }

  async focusComposer() {
    await this.page.locator(this.site.composer).click();
    // Rest the pointer off the text, or a finding typed under it opens a hover card.
    await this.page.mouse.move(2, 2);
    await this.tab.waitIsolated(`!!(${this.c})`, WAIT, 'the extension tracks the composer');
    await this.until((s) => s.sel !== null && s.dom !== null, 'a focused, tracked composer');
    await this.caughtUp();
  }

  /**
   * Lets the editor itself select [anchor, focus) and waits until its model has it, the screen
   * shows it too (the editor focused, the DOM selection there), and the editor has been told of
   * that DOM selection: the browser reports a selection change in a selectionchange event a
   * moment later, and an editor that hears of it only after the next key press (Alt+Enter opening
   * a card) acts on it then (Lexical puts the selection back on screen, taking focus back).
   * See watchSelection().
   */
  async select(anchor, focus = anchor) {
    await this.page.evaluate(([k, a, f]) => window.__fixtureSelect(k, a, f), [this.site.modelKey, anchor, focus]);
    const [lo, hi] = [Math.min(anchor, focus), Math.max(anchor, focus)];
    await this.until(
      (s) => s.sel?.anchor === anchor && s.sel?.focus === focus && s.domSel?.[0] === lo && s.domSel?.[1] === hi && s.focus === 'editor' && s.selNotified !== false,
      `selection ${anchor}..${focus}, in the model and on screen`,
    );
  }

  /** Puts `text` on the clipboard (the page has clipboard permission). */
  async clipboard(text) {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  }

  /** Waits until the extension has checked the composer's current DOM text. */
  checked() {
    return this.tab.waitIsolated(
      `(() => { const c = ${this.c}; return c && !c.inFlight && c.checkedText !== null && c.checkedText === c.read().text; })()`,
      WAIT,
      'the composer checked',
    );
  }

  /** Visible findings (with their fixes) of the composer, as plain data. */
  findings() {
    return this.tab.isolated(
      `(() => { const c = ${this.c}; return c.visibleFindings().map((f) => ({rule: f.rule, start: f.start, end: f.end, text: f.text, fixes: f.fixes ?? []})); })()`,
    );
  }

  /** Clicks near the start of finding `index`'s highlight and returns the card that opens there. */
  async clickFinding(index) {
    if (!(await clickHighlight(this.tab, { composer: this.c, index, inset: 4 }))) return null;
    await this.caughtUp();
    return this.tab.waitIsolated(
      `(() => { const k = SecondOpinion.card.current; return k && k.composer === ${this.c} && {rule: k.finding.rule, start: k.finding.start, end: k.finding.end, text: k.finding.text, fixes: k.finding.fixes ?? []}; })()`,
      WAIT,
      'a card opened',
    );
  }

  /** Text of the open card, or null when no card is open. */
  cardText() {
    return this.tab.isolated(`SecondOpinion.card.current?.el.textContent ?? null`);
  }

  /** Clicks fix `i` of the open card; 'applied' once the card has closed, else why not. */
  async applyFixFromCard(i) {
    return (await pressFix(this.tab, `.card button[data-fix="${i}"]`)).status;
  }

  /**
   * Presses Post as a person would ("Post anyway" if the guard asks) and returns the texts the
   * page submitted. Afterwards the composer is empty and focused again.
   */
  async submit() {
    await this.checked();
    // A card left open (or opened by hover where the pointer rested) can cover Post: a click on
    // the page's margin closes it, as it would for a person.
    await this.page.mouse.click(2, 2);
    await this.tab.waitIsolated(`!SecondOpinion.card.current`, WAIT, 'no card open');
    const before = await this.page.evaluate(() => window.__fixture.submissions.length);
    await this.page.locator(this.site.submitButton).click();
    // Either the page submits, or the guard asks first.
    const deadline = Date.now() + WAIT;
    for (let asked = false; ; ) {
      if ((await this.page.evaluate(() => window.__fixture.submissions.length)) > before) break;
      if (!asked && (await this.tab.isolated(`!!SecondOpinion.ui.root().querySelector('[role="alertdialog"]')`))) {
        await clickGuardButton(this.tab, 'Post anyway');
        asked = true;
      }
      if (Date.now() > deadline) throw new Error('Post submitted nothing');
      await this.frame();
    }
    const sub = await this.page.evaluate(() => window.__fixture.submissions.at(-1));
    await this.until((s) => s.model === '', 'an empty composer after Post', WAIT);
    await this.focusComposer();
    return sub.texts;
  }
}
