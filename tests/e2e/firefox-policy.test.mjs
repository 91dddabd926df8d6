// @ts-check
// Firefox ESR with an organisation policy and Firefox for Android's layout, end to end.
//
// Policy: a private copy of the Firefox installation (tests/e2e/policy.mjs) whose
// distribution/policies.json carries the deployment guide's example policy under
// 3rdparty.Extensions.<add-on id>, with Facebook switched off. The doctor has switched off
// everything the policy switches back on.
// Layout: the X page at 360 CSS px wide (a 540 px window at 150 % zoom: desktop Firefox keeps
// windows at least 500 px wide), a coarse pointer (ui.primaryPointerCapabilities) and touch
// input (WebDriver pointer actions of type "touch", which Firefox turns into trusted touch,
// pointer and click events). The in-page UI is reached through WebDriver's shadow-root
// commands, which see open and closed roots alike. Set SKIP_FIREFOX=1 to skip.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROOT, WAIT } from './harness.mjs';
import { startServer } from './server.mjs';
import { Session, findFirefox, findGeckodriver, startConnectProxy, startGeckodriver, testPrefs } from './firefox-driver.mjs';
import { firefoxWithPolicies } from './policy.mjs';
import { NHS, OWN_SETTINGS, POLICY, POST } from './policy-flow.mjs';
import { FirefoxUi } from './firefox-ui.mjs';

const skip = process.env.SKIP_FIREFOX === '1' ? 'SKIP_FIREFOX=1' : false;
const ADDON_ID = 'second-opinion@second-opinion.example';
const UUID = '5ec0d0b1-0b1e-4c0d-9e57-5ec0d0b10011';
const BASE = `moz-extension://${UUID}/extension`;
const POLICY_FF = { ...POLICY, sites: { x: true, facebook: false } };
const X_COMPOSER = '[data-fixture="main"] [data-testid="tweetTextarea_0"]';
const FB_COMPOSER = '[role="dialog"] [aria-label="What\'s on your mind, Sam?"]';
/** Smallest comfortable touch target (WCAG 2.5.5, platform guidelines), in CSS px. */
const TARGET = 44;

describe('Firefox ESR: organisation policy (policies.json) and the 360 px touch layout', { skip, timeout: 240_000 }, () => {
  let server, proxy, driver, install;
  /** @type {Session} */
  let browser;
  /** @type {FirefoxUi} */
  let ui;

  before(async () => {
    assert.ok(findFirefox(), 'firefox-esr is not installed (scripts/setup.sh browsers)');
    assert.ok(findGeckodriver(), 'geckodriver is not installed (scripts/setup.sh browsers)');
    install = firefoxWithPolicies(/** @type {string} */ (findFirefox()), { policies: { '3rdparty': { Extensions: { [ADDON_ID]: POLICY_FF } } } });
    server = await startServer();
    proxy = await startConnectProxy(server.port);
    driver = await startGeckodriver({ systemAccess: true });
    browser = await Session.create(driver.url, {
      binary: install.binary,
      args: ['-headless', '-width', '1000', '-height', '800'],
      prefs: { ...testPrefs(proxy.port, { [ADDON_ID]: UUID }), 'ui.primaryPointerCapabilities': 1, 'ui.allPointerCapabilities': 1 },
    });
    await browser.setTimeouts({ script: WAIT + 5000 });
    assert.equal(await browser.installAddon(ROOT), ADDON_ID);
    ui = new FirefoxUi(browser);
  });

  after(async () => {
    await browser?.delete().catch(() => {});
    await driver?.stop();
    await proxy?.close();
    await server?.close();
    install?.cleanup();
  });

  test('storage.managed holds the policy; the options page shows it locked over the doctor\'s own settings', async () => {
    await ui.openExtensionPage(`${BASE}/options/options.html`);
    await browser.waitFor(`return document.body.dataset.ready === 'true'`, WAIT);
    const managed = await browser.executeAsync(
      `const done = arguments[arguments.length - 1]; browser.storage.managed.get(null).then(done, (e) => done(String(e)));`,
    );
    assert.deepEqual(managed, POLICY_FF);
    await browser.executeAsync(
      `const done = arguments[arguments.length - 1]; browser.storage.sync.set({ settings: arguments[0] }).then(() => done(true));`,
      [OWN_SETTINGS],
    );
    // The form refills from storage; the locked controls keep showing the organisation's values.
    const form = await browser.waitFor(
      `const $ = (id) => document.getElementById(id);
       return $('ignored-terms').value === 'Okafor' && document.body.dataset.managed === 'true' && {
         x: [$('site-x').checked, $('site-x').disabled], facebook: [$('site-facebook').checked, $('site-facebook').disabled],
         confidentiality: [$('mode-confidentiality').value, $('mode-confidentiality').disabled],
         respect: [$('mode-respect').value, $('mode-respect').disabled],
         guard: [$('guard').checked, $('guard').disabled], declaration: $('standing-declaration').value,
         banner: $('policy-banner').textContent };`,
      WAIT,
    );
    assert.deepEqual(form.x, [true, true]);
    assert.deepEqual(form.facebook, [false, true]);
    assert.deepEqual(form.confidentiality, ['warn', true]);
    assert.deepEqual(form.respect, ['warn', false]);
    assert.deepEqual(form.guard, [true, true]);
    assert.equal(form.declaration, POLICY.standing_declaration);
    assert.match(form.banner, /Checking on Facebook is always off\./);

    // At 360 px (Firefox for Android opens the options page as a tab): no sideways scrolling,
    // finger-sized controls.
    assert.equal((await ui.narrow()).width, 360);
    const layout = await browser.execute(
      `return { overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
         small: [...document.querySelectorAll('button, select, input[type=text]')]
           .filter((el) => el.offsetParent && el.getBoundingClientRect().height < ${TARGET}).map((el) => el.id || el.textContent) };`,
    );
    assert.deepEqual(layout, { overflow: 0, small: [] });
  });

  test('on x.com at 360 px with touch: a tapped highlight opens a card that fits, with finger-sized buttons; the guard asks and fits; "Post anyway" posts once', async () => {
    await browser.navigate('https://x.com/home?narrow=1');
    const viewport = await ui.narrow();
    assert.equal(viewport.width, 360, `viewport ${JSON.stringify(viewport)}`);
    assert.equal(viewport.coarse, true, 'a coarse (touch) pointer');
    const composer = await browser.find(X_COMPOSER);
    await ui.tap(await browser.cmd('GET', `/element/${composer}/rect`));
    await browser.sendKeys(composer, POST);
    const marked = await ui.waitHighlights(['Mounjaro', 'Mrs K', NHS]);
    assert.ok(marked.every(([name]) => name.endsWith('-warning')), `all warnings despite the doctor's settings: ${JSON.stringify(marked)}`);

    // Tap the NHS number: its card opens inside the screen, every button a finger's size.
    await ui.tap(await ui.highlightRect(NHS));
    const card = await ui.waitElement('.card');
    assert.ok(card.rect.x >= 0 && card.rect.x + card.rect.width <= 360, `card inside the screen: ${JSON.stringify(card.rect)}`);
    const buttons = await ui.rects('.card button');
    assert.ok(buttons.length >= 3, JSON.stringify(buttons));
    for (const b of buttons) {
      assert.ok(b.rect.height >= TARGET && b.rect.width >= TARGET, `"${b.text}" is ${b.rect.width}×${b.rect.height}`);
      assert.ok(b.rect.x >= 0 && b.rect.x + b.rect.width <= 360, `"${b.text}" inside the screen`);
    }
    assert.ok(!buttons.some((b) => b.text === 'Ignore rule'), 'confidentiality is enforced: no "Ignore rule"');
    await ui.tap((await ui.rects('.card button.close'))[0].rect);
    await ui.waitGone(card.rect);

    // Tap Post: the guard asks (the doctor switched it off; the organisation requires it).
    await ui.tap(await browser.cmd('GET', `/element/${await browser.find('[data-testid="tweetButtonInline"]')}/rect`));
    const guard = await ui.waitElement('[role="alertdialog"]');
    assert.ok(guard.rect.x >= 0 && guard.rect.x + guard.rect.width <= 360, `guard inside the screen: ${JSON.stringify(guard.rect)}`);
    assert.equal(await browser.execute('return window.__fixture.submissions.length'), 0);
    const choices = await ui.rects('[role="alertdialog"] button');
    assert.deepEqual(choices.map((c) => c.text).sort(), ['Post anyway', 'Review post']);
    for (const c of choices) assert.ok(c.rect.height >= TARGET && c.rect.x + c.rect.width <= 360, `"${c.text}" ${JSON.stringify(c.rect)}`);
    const [a, b] = choices.map((c) => c.rect);
    assert.ok(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, 'the two choices do not overlap');
    await ui.tap(/** @type {any} */ (choices.find((c) => c.text === 'Post anyway')).rect);
    const subs = await browser.waitFor(`return window.__fixture.submissions.length > 0 && window.__fixture.submissions`, WAIT);
    assert.equal(subs.length, 1, 'posted exactly once');
    assert.deepEqual(subs[0].texts, [POST]);
  });

  test('Facebook is off by policy: Post goes straight through, nothing is highlighted, the popup says the organisation switched it off', async () => {
    await browser.navigate('https://www.facebook.com/?policy=1');
    const composer = await browser.find(FB_COMPOSER);
    await browser.click(composer);
    await browser.sendKeys(composer, `NHS ${NHS}`);
    // Not checked here, so Post goes straight through.
    await browser.click(await browser.find('[role="button"][aria-label="Post"]'));
    const subs = await browser.waitFor(`return window.__fixture.submissions.length > 0 && window.__fixture.submissions`, WAIT);
    assert.equal(subs.length, 1);
    const page = await browser.windowHandle();
    await ui.openExtensionPage(`${BASE}/popup/popup.html?tab=none`);
    const tabId = await browser.executeAsync(
      `const done = arguments[arguments.length - 1];
       browser.tabs.query({}).then((tabs) => done(tabs.find((t) => t.url?.startsWith('https://www.facebook.com/'))?.id ?? null));`,
    );
    await browser.navigate(`${BASE}/popup/popup.html?tab=${tabId}`);
    const popup = await browser.waitFor(
      `const e = document.getElementById('empty-state');
       return e && /switched it off/.test(e.textContent) && { text: e.textContent,
         toggle: [document.getElementById('site-toggle').checked, document.getElementById('site-toggle').disabled],
         policy: document.getElementById('policy-title').textContent };`,
      WAIT,
    );
    assert.equal(popup.text, 'Checking is off on Facebook. Your organisation has switched it off.');
    assert.deepEqual(popup.toggle, [false, true]);
    assert.equal(popup.policy, 'Set by Northshire NHS Foundation Trust');
    assert.equal((await ui.narrow()).width, 360);
    const overflow = await browser.execute('return document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.equal(overflow, 0, 'the popup fits 360 px');
    await browser.switchTo(page);
    assert.equal(await browser.execute('let n = 0; for (const [, h] of CSS.highlights) n += h.size; return n'), 0);
  });
});
