// Firefox ESR smoke test: the repository (the same code and manifest as Chrome) installed as a
// temporary add-on over WebDriver, on the X fixture reached as https://x.com (PAC + CONNECT proxy,
// see firefox-driver.mjs): typing an identifier highlights it, the guard stops the post, and the
// popup panel (opened as the extension page for that tab) lists the finding with its guidance,
// and "Post anyway" (a real click; the page's synthetic keys do nothing) posts it once;
// the options page loads in Firefox too.
// Set SKIP_FIREFOX=1 to skip it where Firefox is deliberately not installed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROOT, WAIT } from './harness.mjs';
import { startServer } from './server.mjs';
import { SITES } from '../../extension/shared/sites.js';
import {
  Session,
  findFirefox,
  findGeckodriver,
  startConnectProxy,
  startGeckodriver,
  testPrefs,
} from './firefox-driver.mjs';

const NHS = '943 476 5919';
const COMPOSER = '[data-fixture="main"] [data-testid="tweetTextarea_0"]';
const SUBMIT = '[data-testid="tweetButtonInline"]';
const skip = process.env.SKIP_FIREFOX === '1' ? 'SKIP_FIREFOX=1' : false;
const ADDON_ID = 'second-opinion@second-opinion.example';
const UUID = '5ec0d0b1-0b1e-4c0d-9e57-5ec0d0b10001';

describe('Firefox ESR', { skip }, () => {
  let server, proxy, driver;
  /** @type {Session} */
  let browser;

  before(async () => {
    assert.ok(findFirefox(), 'firefox-esr is not installed (scripts/setup.sh browsers)');
    assert.ok(findGeckodriver(), 'geckodriver is not installed (scripts/setup.sh browsers)');
    server = await startServer();
    proxy = await startConnectProxy(server.port);
    driver = await startGeckodriver({ systemAccess: true });
    browser = await Session.create(driver.url, {
      binary: findFirefox(),
      args: ['-headless', '-width', '1000', '-height', '800'],
      prefs: testPrefs(proxy.port, { [ADDON_ID]: UUID }),
    });
    await browser.setTimeouts({ script: WAIT + 5000 });
    const id = await browser.installAddon(ROOT);
    assert.equal(id, ADDON_ID);
  });

  after(async () => {
    await browser?.delete().catch(() => {});
    await driver?.stop();
    await proxy?.close();
    await server?.close();
  });

  test('typing an NHS number highlights it, the guard stops the post, the popup lists it', async () => {
    await browser.navigate('https://x.com/home');
    assert.deepEqual([...new Set(proxy.tunnels())], ['x.com:443'], 'reached through the proxy as x.com');
    const composer = await browser.find(COMPOSER);
    await browser.click(composer);
    const text = `Seen in clinic 🩺 NHS ${NHS}`;
    await browser.sendKeys(composer, text);

    // The content script draws with the CSS Custom Highlight API; the page shares the registry.
    const highlighted = await browser.waitFor(
      `const out = [];
       for (const [name, h] of CSS.highlights) for (const r of h) if (r.toString()) out.push([name, r.toString()]);
       return out.some(([, t]) => t === ${JSON.stringify(NHS)}) && out;`,
      WAIT,
    );
    assert.deepEqual(
      highlighted.filter(([name]) => !name.startsWith('so-focus')),
      [['so-confidentiality-warning', NHS]],
    );

    await browser.click(await browser.find(SUBMIT));
    // The guard dialog takes focus; all the page can see of it is its closed shadow host.
    const seen = await browser.waitFor(
      `const host = document.activeElement;
       return host?.localName === 'second-opinion-ui' && {shadowRoot: host.shadowRoot === null ? 'null' : 'open', text: host.textContent};`,
      WAIT,
    );
    assert.deepEqual(seen, { shadowRoot: 'null', text: '' }, 'the page cannot look inside');
    const shadow = await browser.shadowRoot(await browser.find('second-opinion-ui'));
    const [dialog] = await browser.findAllIn(shadow, '[role="alertdialog"]');
    const dialogText = await browser.text(dialog);
    assert.ok(dialogText.includes(NHS), dialogText);
    const buttons = await browser.findAllIn(shadow, '[role="alertdialog"] button');
    const names = await Promise.all(buttons.map((b) => browser.text(b)));
    assert.deepEqual([...names].sort(), ['Post anyway', 'Review post']);
    assert.equal(await browser.execute('return window.__fixture.submissions.length'), 0, "the page's submit handler did not run");

    // The popup panel, opened as the extension page for this tab, lists the finding.
    const page = await browser.windowHandle();
    await browser.openPrivilegedTab(`moz-extension://${UUID}/extension/popup/popup.html?tab=none`);
    await browser.waitFor(`return document.body?.dataset.loaded === 'true'`, WAIT);
    const tabId = await browser.executeAsync(
      `const done = arguments[arguments.length - 1];
       browser.tabs.query({}).then((tabs) => done(tabs.find((t) => t.url === 'https://x.com/home')?.id ?? null));`,
    );
    assert.equal(typeof tabId, 'number', 'found the x.com tab');
    await browser.navigate(`moz-extension://${UUID}/extension/popup/popup.html?tab=${tabId}`);
    const popup = await browser.waitFor(
      `const f = document.querySelector('.finding[data-rule="nhs-number"]');
       return f && {status: document.getElementById('checker-status').textContent,
         guidance: f.querySelectorAll('.refs [data-guidance]').length,
         sections: document.querySelectorAll('#relevant-guidance .guidance-entry').length};`,
      WAIT,
    );
    assert.match(popup.status, /Checker ready/);
    assert.ok(popup.guidance > 0 && popup.sections > 0, 'the finding cites its guidance, listed at the top');
    await browser.switchTo(page);

    // The page's synthetic keys at the dialog do nothing; a real click on "Post anyway" posts once.
    await browser.execute(
      `for (const key of ['Enter', ' ']) document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, composed: true}));`,
    );
    assert.equal(await browser.execute('return window.__fixture.submissions.length'), 0);
    await browser.click(buttons[names.indexOf('Post anyway')]);
    const posted = await browser.waitFor(`return window.__fixture.submissions.length > 0 && window.__fixture.submissions`, WAIT);
    assert.equal(posted.length, 1, 'exactly once');
    assert.deepEqual(posted[0].texts, [text]);
  });

  test('the options page loads its settings and the checker in Firefox', async () => {
    await browser.openPrivilegedTab(`moz-extension://${UUID}/extension/options/options.html`);
    const options = await browser.waitFor(
      `return document.body.dataset.companies !== undefined && {
         modes: [...document.querySelectorAll('#categories select')].map((s) => s.value),
         sites: [...document.querySelectorAll('#sites input')].map((i) => i.checked),
         about: document.getElementById('about').textContent };`,
      WAIT,
    );
    assert.deepEqual(options.modes, ['warn', 'warn', 'warn', 'warn']);
    assert.deepEqual(options.sites, SITES.map(() => true), 'a switch for every site, all on');
    assert.match(options.about, /Settings format version 1/);
  });
});
