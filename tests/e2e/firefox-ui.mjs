// @ts-check
// Reaching Second Opinion's in-page UI in Firefox over WebDriver, as a person on a phone would:
// elements inside the extension's shadow root (open or closed: WebDriver's shadow-root commands
// see both) are located by WebDriver, which waits for them itself (the implicit timeout), and
// pressed with touch taps at their position, which Firefox delivers as trusted events.
import { WAIT } from './harness.mjs';

export class FirefoxUi {
  /** @param {import('./firefox-driver.mjs').Session} browser */
  constructor(browser) {
    this.browser = browser;
  }

  /**
   * Opens an extension page (moz-extension://…) in a new tab and waits for it to load: the tab is
   * opened from the browser's chrome context, then navigated, which returns once it has loaded.
   * @param {string} url
   */
  async openExtensionPage(url) {
    await this.browser.openPrivilegedTab(url);
    await this.browser.navigate(url);
  }

  /**
   * Gives the current tab a 360 CSS px wide viewport: a 540 px window at 150 % zoom.
   * @returns {Promise<{width: number, height: number, coarse: boolean}>}
   */
  async narrow() {
    await this.browser.cmd('POST', '/window/rect', { width: 540, height: 1196 });
    await this.browser.cmd('POST', '/moz/context', { context: 'chrome' });
    try {
      await this.browser.execute('gBrowser.selectedBrowser.fullZoom = 1.5;');
    } finally {
      await this.browser.cmd('POST', '/moz/context', { context: 'content' });
    }
    return this.browser.waitFor(
      `return innerWidth === 360 && { width: innerWidth, height: innerHeight, coarse: matchMedia('(pointer: coarse)').matches };`,
      WAIT,
    );
  }

  /** A one-finger tap at the centre of `rect` (viewport CSS px). */
  tap(rect) {
    const x = Math.round(rect.x + rect.width / 2);
    const y = Math.round(rect.y + rect.height / 2);
    return this.browser.cmd('POST', '/actions', {
      actions: [
        {
          type: 'pointer',
          id: 'finger',
          parameters: { pointerType: 'touch' },
          actions: [{ type: 'pointerMove', duration: 0, x, y }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
        },
      ],
    });
  }

  /** Runs `fn` with WebDriver's implicit wait set, so element lookups wait for the element. */
  async #waiting(fn, timeout = WAIT) {
    await this.browser.setTimeouts({ implicit: timeout });
    try {
      return await fn();
    } finally {
      await this.browser.setTimeouts({ implicit: 0 });
    }
  }

  /** The extension's shadow root (a WebDriver shadow-root id). */
  async #root() {
    const host = await this.#waiting(() => this.browser.find('second-opinion-ui'));
    return Object.values(await this.browser.cmd('GET', `/element/${host}/shadow`))[0];
  }

  /** @param {string} id */
  async #info(id) {
    const rect = await this.browser.cmd('GET', `/element/${id}/rect`);
    const text = (await this.browser.cmd('GET', `/element/${id}/text`)).trim();
    return { id, rect, text };
  }

  /** Waits for a UI element matching `selector`; returns {id, rect, text}. */
  async waitElement(selector) {
    const root = await this.#root();
    const el = await this.#waiting(() => this.browser.cmd('POST', `/shadow/${root}/element`, { using: 'css selector', value: selector }));
    return this.#info(Object.values(el)[0]);
  }

  /** Every UI element matching `selector` now, as {id, rect, text}. */
  async rects(selector) {
    const root = await this.#root();
    const els = await this.browser.cmd('POST', `/shadow/${root}/elements`, { using: 'css selector', value: selector });
    return Promise.all(els.map((e) => this.#info(Object.values(e)[0])));
  }

  /**
   * Waits until the UI element that covered `rect` is gone: until then the page sees the
   * extension's host element at its centre (events from a shadow root are retargeted to it).
   */
  async waitGone(rect) {
    const x = rect.x + rect.width / 2;
    const y = rect.y + rect.height / 2;
    await this.browser.waitFor(`return document.elementFromPoint(${x}, ${y})?.localName !== 'second-opinion-ui';`, WAIT);
  }

  /**
   * Waits until the highlighted texts (all styles but focus) are exactly `texts`; returns
   * [name, text] pairs. The CSS highlight registry is shared with the page.
   * @param {string[]} texts
   */
  waitHighlights(texts) {
    const want = JSON.stringify([...texts].sort());
    return this.browser.waitFor(
      `const out = [];
       for (const [name, h] of CSS.highlights) for (const r of h) if (!name.startsWith('so-focus') && r.toString()) out.push([name, r.toString()]);
       return JSON.stringify(out.map(([, t]) => t).sort()) === ${JSON.stringify(want)} && out;`,
      WAIT,
    );
  }

  /** The first client rect of the highlighted `text`. */
  highlightRect(text) {
    return this.browser.execute(
      `for (const [, h] of CSS.highlights) for (const r of h) if (r.toString() === arguments[0]) {
         const c = r.getClientRects()[0]; return { x: c.x, y: c.y, width: c.width, height: c.height };
       }
       return null;`,
      [text],
    );
  }
}
