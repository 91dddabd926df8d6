// A hostile page: a main-world script on x.com, installed before the page's own scripts, tries to
// read Second Opinion's cards (which name the doctor's declared interests), open cards, apply
// fixes, store "Ignore rule" and release the guard — with synthetic events aimed exactly where the
// buttons are, at the shadow host, at the focused element. All of it fails. The test reaches the
// same UI as a person does: real mouse and keyboard, and the accessibility tree.
// Every wait is on a condition (or on animation frames having run); no sleeps, no retries.
/* global window, document, CSS, PointerEvent, MouseEvent, KeyboardEvent, Element -- page code */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch } from './harness.mjs';
import { NHS, X, checked, submissions } from './guard-sites.mjs';
import { accessibleNodes, clickGuardButton, uiNow, waitClickable, waitGuard, waitUi, waitUiGone } from './ui.mjs';

const COMPANY = 'Northwind Diagnostics';
const POST = `Impressed by the ${COMPANY} rapid test kit we trialled. Ring re NHS ${NHS}`;
const SECRET = /You have an interest|paid adviser/;

/** Installed in every page's main world before its scripts: records what it can grab. */
function spy() {
  const stolen = (window.__stolen = { roots: [], listenedHost: false });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, { ...init, mode: 'open' });
    stolen.roots.push(root);
    return root;
  };
  const listen = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (...args) {
    if (this instanceof Element && this.localName === 'second-opinion-ui') stolen.listenedHost = true;
    return listen.apply(this, args);
  };
}

/** Everything the main world can read about the UI. */
function readUi() {
  const host = document.querySelector('second-opinion-ui');
  const sel = document.getSelection();
  sel.selectAllChildren(document.documentElement);
  const selected = sel.toString();
  sel.removeAllRanges();
  return {
    host: !!host,
    shadowRoot: host?.shadowRoot ?? null,
    stolenRoots: window.__stolen.roots.length,
    listenedHost: window.__stolen.listenedHost,
    texts: [host?.innerHTML ?? '', host?.textContent ?? '', document.documentElement.innerText, selected],
    runtime: typeof window.chrome?.runtime?.sendMessage,
  };
}

/** Fires every kind of synthetic input at (x, y), at the host, and at the focused element. */
function attack({ x, y, composer }) {
  const at = document.elementFromPoint(x, y);
  const targets = [at, document.querySelector('second-opinion-ui'), document.activeElement, document.querySelector(composer)];
  const init = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, view: window };
  for (const t of targets.filter(Boolean)) {
    for (const type of ['pointerover', 'pointermove', 'pointerdown', 'pointerup']) t.dispatchEvent(new PointerEvent(type, init));
    for (const type of ['mouseover', 'mousemove', 'mousedown', 'mouseup', 'click']) t.dispatchEvent(new MouseEvent(type, init));
    for (const key of ['Enter', ' ', 'Escape']) {
      for (const type of ['keydown', 'keypress', 'keyup']) t.dispatchEvent(new KeyboardEvent(type, { ...init, key }));
    }
    t.dispatchEvent(new KeyboardEvent('keydown', { ...init, key: 'Enter', altKey: true }));
    if (typeof t.click === 'function') t.click();
  }
  return at?.localName ?? null;
}

describe('a hostile page', { timeout: 180_000 }, () => {
  /** @type {import('./harness.mjs').Session} */
  let session;
  /** @type {import('./harness.mjs').Tab} */
  let tab;
  const frames = () => tab.isolated('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  const cardOpen = () => tab.isolated('!!SecondOpinion.card.current');
  const text = () => tab.isolated('SecondOpinion.composers()[0].read().text');
  const ignoredRules = () => tab.isolated(`SecondOpinion.ext.storage.sync.get('settings').then((s) => s.settings.ignored_rules)`);

  before(async () => {
    session = await launch();
    await session.context.addInitScript(spy);
    tab = await session.open(X.url);
    const settings = {
      version: 1,
      declared_interests: [{ company: COMPANY, relationship: 'paid adviser', since: '2023' }],
      standing_declaration: `Disclosure: I am a paid adviser to ${COMPANY}.`,
    };
    await tab.isolated(`SecondOpinion.ext.storage.sync.set({ settings: ${JSON.stringify({ ...settings, ignored_terms: [], ignored_rules: [], categories: { confidentiality: 'warn', conflict_of_interest: 'warn', boundaries: 'warn', respect: 'warn' }, sites: { x: true, facebook: true } })} })`);
    await tab.page.locator(X.composer).click();
    await tab.page.keyboard.type(POST);
    await checked(tab, X.composer, POST);
    await tab.waitIsolated(`SecondOpinion.composers()[0].visibleFindings().some((f) => f.rule === 'declared-interest')`);
  });
  after(async () => {
    await session?.close();
  });

  /** Centre of the finding whose text is `what`, in page coordinates. */
  const findingAt = (what) =>
    tab.isolated(`(() => { const c = SecondOpinion.composers()[0]; const f = c.visibleFindings().find((f) => f.text === ${JSON.stringify(what)});
      const r = c.rangeFor(f).getClientRects()[0]; return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`);

  test('cannot read a card that names the declared interest', async () => {
    const at = await findingAt(COMPANY);
    await tab.page.mouse.click(at.x, at.y);
    const card = await waitUi(tab, '.card');
    assert.match(card.text, SECRET, 'the doctor sees it');
    const ax = await accessibleNodes(tab);
    assert.ok(ax.some((n) => n.role === 'dialog'), 'assistive technology reaches the card');
    const seen = await tab.main(readUi);
    assert.equal(seen.host, true);
    assert.equal(seen.shadowRoot, null, 'the shadow root is closed');
    assert.equal(seen.stolenRoots, 0, "the page's attachShadow patch never saw it (isolated world)");
    assert.equal(seen.listenedHost, false, "nor did its addEventListener patch");
    for (const t of seen.texts) assert.doesNotMatch(t, SECRET);
    assert.equal(seen.runtime, 'undefined', 'no way to message the extension');
  });

  test('cannot open cards or the list with synthetic pointer, mouse or key events', async () => {
    await tab.page.keyboard.press('Escape');
    await tab.page.mouse.click(5, 5);
    await waitUiGone(tab, '.card');
    for (const what of [COMPANY, NHS]) {
      const at = await findingAt(what);
      await tab.main(attack, { ...at, composer: X.composer });
      await frames();
      assert.equal(await cardOpen(), false, `no card for ${what}`);
      assert.equal(await uiNow(tab, '.panel'), null, 'no list');
    }
    // The same place with the real mouse does open it.
    const at = await findingAt(NHS);
    await tab.page.mouse.move(at.x, at.y);
    await waitUi(tab, '.card', { text: NHS });
  });

  test('cannot press fix, "Ignore" or "Ignore rule", not even aimed at the buttons or with focus on them', async () => {
    await tab.page.mouse.move(5, 5); // the hover card closes
    await waitUiGone(tab, '.card');
    await tab.page.locator(X.composer).click();
    await tab.page.keyboard.press('End');
    await tab.page.keyboard.press('Alt+Enter'); // the card for the NHS number, focus on its fix
    await waitUi(tab, '.card button[data-fix="0"]');
    await tab.waitIsolated(`SecondOpinion.ui.root().activeElement?.dataset.fix === '0'`);
    for (const selector of ['.card button[data-fix="0"]', '.card button[data-action="ignore"]', '.card button[data-action="ignore-rule"]']) {
      const target = await waitClickable(tab, selector);
      const hit = await tab.main(attack, { x: target.x, y: target.y, composer: X.composer });
      assert.equal(hit, 'second-opinion-ui', 'the page only ever reaches the host');
      await frames();
    }
    assert.equal(await text(), POST, 'no fix applied');
    assert.equal(await tab.main((k) => window.__fixtureModelText(k), X.modelKey), POST);
    assert.deepEqual(await ignoredRules(), [], 'no rule ignored');
    assert.ok((await tab.isolated('SecondOpinion.composers()[0].visibleFindings().length')) >= 2, 'nothing ignored');
    // A person pressing Enter on the focused fix applies it.
    await tab.page.keyboard.press('Enter');
    await tab.waitIsolated(`!SecondOpinion.composers()[0].read().text.includes(${JSON.stringify(NHS)})`);
    await tab.page.keyboard.press('Control+z');
    await checked(tab, X.composer, POST);
  });

  test('cannot release the guard or dismiss it', async () => {
    await tab.page.locator(X.post).click();
    await waitGuard(tab, 'warning');
    for (const name of ['Post anyway', 'Review post']) {
      const button = await waitClickable(tab, '[role="alertdialog"] button', { text: name });
      await tab.main(attack, { x: button.x, y: button.y, composer: X.composer });
      await frames();
    }
    assert.deepEqual(await submissions(tab), [], 'nothing published');
    assert.equal((await uiNow(tab, '[role="alertdialog"]'))?.phase, 'warning', 'the guard still asks');
    await clickGuardButton(tab, 'Review post');
    await waitUiGone(tab, '[role="alertdialog"]');
    // What the page can still see: which text is highlighted (CSS.highlights is one registry per
    // document), though not why. Recorded, not asserted, so the README can say so.
    const highlighted = await tab.main(() => [...CSS.highlights.keys()].filter((k) => CSS.highlights.get(k).size));
    console.log(`# highlight names visible to the page: ${highlighted.join(', ')}`);
  });
});
