// Firefox ESR smoke test: the repository (the same code and manifest as Chrome) installed as a
// temporary add-on over WebDriver, on the X fixture reached as https://x.com (PAC + CONNECT proxy,
// see firefox-driver.mjs): typing an identifier highlights it, the guard stops the post, and the
// popup panel (opened as the extension page for that tab) lists the finding with its guidance;
// the options page loads in Firefox too.
// Set SKIP_FIREFOX=1 to skip it where Firefox is deliberately not installed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROOT, WAIT } from './harness.mjs';
import { startServer } from './server.mjs';
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
      highlighted.filter(([name]) => name !== 'so-focus'),
      [['so-confidentiality-warning', NHS]],
    );

    await browser.click(await browser.find(SUBMIT));
    const dialog = await browser.waitFor(
      `for (const host of document.querySelectorAll('second-opinion-ui')) {
         const d = host.shadowRoot?.querySelector('[role="alertdialog"]');
         if (d) return {text: d.textContent, buttons: [...d.querySelectorAll('button')].map((b) => b.textContent.trim())};
       }
       return null;`,
      WAIT,
    );
    assert.ok(dialog.text.includes(NHS), dialog.text);
    assert.ok(dialog.buttons.includes('Review post') && dialog.buttons.includes('Post anyway'), dialog.buttons.join());
    const submissions = await browser.execute('return window.__fixture.submissions.length');
    assert.equal(submissions, 0, "the page's submit handler did not run");

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
         guidance: f.querySelectorAll('.guidance-entry').length};`,
      WAIT,
    );
    assert.match(popup.status, /Checker ready/);
    assert.ok(popup.guidance > 0, 'the finding shows its guidance');
    await browser.switchTo(page);
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
    assert.deepEqual(options.sites, [true, true]);
    assert.match(options.about, /Settings format version 1/);
  });
});
