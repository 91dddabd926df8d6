// @ts-check
// Firefox ESR: fixes keep the editor's model and the screen the same there too. The add-on is
// installed over WebDriver as in firefox.test.mjs; everything here is done with the keyboard
// (Alt+Enter opens the card with its first fix focused, Enter applies it, Escape closes it),
// and the model text comes from the practice page, the screen text from its blocks.
// Set SKIP_FIREFOX=1 to skip it where Firefox is deliberately not installed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROOT, WAIT } from './harness.mjs';
import { startServer } from './server.mjs';
import { Session, findFirefox, findGeckodriver, startConnectProxy, startGeckodriver, testPrefs } from './firefox-driver.mjs';

const PHONE = '07700 900614';
const skip = process.env.SKIP_FIREFOX === '1' ? 'SKIP_FIREFOX=1' : false;
const KEY = { alt: '\uE00A', enter: '\uE007', escape: '\uE00C' };

const SITES = [
  {
    name: 'X (Draft.js)',
    url: 'https://x.com/home',
    composer: '[data-fixture="main"] [data-testid="tweetTextarea_0"]',
    modelKey: 'main-0',
    // Each Draft.js block is a line.
    screen: `[...el.querySelectorAll('[data-block]')].map((b) => b.textContent).join('\\n')`,
  },
  {
    name: 'Facebook (Lexical)',
    url: 'https://www.facebook.com/',
    composer: '[role="dialog"] [aria-label="What\'s on your mind, Sam?"]',
    modelKey: 'main',
    // Paragraphs are lines and so is every <br> but the managed last one.
    screen: `[...el.querySelectorAll('p')].map((p) => [...p.childNodes].map((n) => n.nodeName === 'BR' ? (n.dataset.lexicalManagedLinebreak ? '' : '\\n') : n.textContent).join('')).join('\\n')`,
  },
];

describe('fixes in Firefox ESR', { skip, timeout: 180_000 }, () => {
  let server, proxy, driver;
  /** @type {Session} */
  let browser;

  before(async () => {
    assert.ok(findFirefox(), 'firefox-esr is not installed (scripts/setup.sh browsers)');
    assert.ok(findGeckodriver(), 'geckodriver is not installed (scripts/setup.sh browsers)');
    server = await startServer();
    proxy = await startConnectProxy(server.port);
    driver = await startGeckodriver();
    browser = await Session.create(driver.url, {
      binary: findFirefox(),
      args: ['-headless', '-width', '1000', '-height', '800'],
      prefs: testPrefs(proxy.port),
    });
    await browser.setTimeouts({ script: WAIT + 5000 });
    await browser.installAddon(ROOT);
  });

  after(async () => {
    await browser?.delete().catch(() => {});
    await driver?.stop();
    await proxy?.close();
    await server?.close();
  });

  /** Key presses (WebDriver key values) to whatever has focus, as a person types them. */
  function keys(...chords) {
    const actions = [];
    for (const chord of chords) {
      if (chord === 'alt+enter') {
        actions.push({ type: 'keyDown', value: KEY.alt }, { type: 'keyDown', value: KEY.enter }, { type: 'keyUp', value: KEY.enter }, { type: 'keyUp', value: KEY.alt });
        continue;
      }
      for (const k of chord) actions.push({ type: 'keyDown', value: k }, { type: 'keyUp', value: k });
    }
    return browser.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  for (const site of SITES) {
    /** Waits until the model and the screen both read `text`. */
    const agree = (text, what) =>
      browser
        .waitFor(
          `const el = document.querySelector(${JSON.stringify(site.composer)});
           const model = window.__fixtureModelText(${JSON.stringify(site.modelKey)});
           return model === ${JSON.stringify(text)} && (${site.screen}) === model;`,
          WAIT,
        )
        .catch(async () => {
          const now = await browser.execute(
            `const el = document.querySelector(arguments[0]); return {model: window.__fixtureModelText(arguments[1]), screen: ${site.screen}};`,
            [site.composer, site.modelKey],
          );
          throw new Error(`${site.name}, ${what}: expected ${JSON.stringify(text)}, got ${JSON.stringify(now)}`);
        });

    /** A fresh page with the composer focused and `text` typed, once it is highlighted. */
    async function typed(text, highlighted) {
      await browser.navigate(site.url);
      await browser.click(await browser.find(site.composer));
      await keys(text.replaceAll('\n', KEY.enter));
      await agree(text, 'typing');
      if (highlighted) {
        await browser.waitFor(
          `for (const [name, h] of CSS.highlights) for (const r of h) if (!name.startsWith('so-focus') && r.toString() === ${JSON.stringify(highlighted)}) return true; return false;`,
          WAIT,
        );
      }
    }

    test(`${site.name}: a number alone on its line is removed from model and screen alike`, async () => {
      await typed(`Clinic ran late today.\n${PHONE}`, PHONE);
      await keys('alt+enter', KEY.enter);
      await agree('Clinic ran late today.\n', 'after the fix');
      await keys('Seen.');
      await agree('Clinic ran late today.\nSeen.', 'typing after the fix');
    });

    test(`${site.name}: removing the whole post, then typing`, async () => {
      await typed(PHONE, PHONE);
      await keys('alt+enter', KEY.enter);
      await agree('', 'after the fix');
      await keys('Hello');
      await agree('Hello', 'the next keystrokes');
    });

    test(`${site.name}: Alt+Enter then Escape on an empty line keeps the caret there`, async () => {
      await typed('First line\n');
      await keys('alt+enter', KEY.escape, 'second');
      await agree('First line\nsecond', 'typing after Escape');
    });
  }
});
