// Firefox ESR under geckodriver, driven over plain WebDriver HTTP (no client library).
//
// Reaching the fixture under the real hostnames: Firefox has no --host-resolver-rules, so the
// profile gets a PAC script (a data: URL) that sends x.com, twitter.com and www.facebook.com
// to a small HTTP CONNECT proxy on loopback, which tunnels every CONNECT to the fixture's HTTPS
// port. The manifest's real match patterns (https://x.com/*) are what gets tested, and the
// self-signed certificate is accepted through the `acceptInsecureCerts` capability.
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { HOSTS } from './server.mjs';

/** Hosts the extension's manifest matches. */
export const SITE_HOSTS = HOSTS;

/** @returns {string|null} a geckodriver binary, or null when not installed */
export function findGeckodriver() {
  const candidates = [
    process.env.GECKODRIVER,
    join(homedir(), '.cargo', 'bin', 'geckodriver'),
    '/usr/local/bin/geckodriver',
    '/usr/bin/geckodriver',
  ];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

/** @returns {string|null} the Firefox binary */
export function findFirefox() {
  const candidates = [process.env.FIREFOX, '/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

/**
 * An HTTP CONNECT proxy that tunnels every request to 127.0.0.1:targetPort, counting tunnels.
 * @param {number} targetPort
 * @returns {Promise<{port: number, tunnels: () => string[], close: () => Promise<void>}>}
 */
export async function startConnectProxy(targetPort) {
  /** @type {string[]} */
  const seen = [];
  const sockets = new Set();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    let head = Buffer.alloc(0);
    const onData = (chunk) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.off('data', onData);
      const [method, authority] = head.subarray(0, end).toString('latin1').split(' ');
      if (method !== 'CONNECT') {
        client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
        return;
      }
      seen.push(authority);
      const upstream = connect(targetPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        const rest = head.subarray(end + 4);
        if (rest.length) upstream.write(rest);
        client.pipe(upstream).pipe(client);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
    };
    client.on('data', onData);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: /** @type {any} */ (server.address()).port,
    tunnels: () => [...seen],
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * A PAC script (as a data: URL) sending the site hosts to the proxy and everything else nowhere.
 * @param {number} proxyPort
 */
export function pacUrl(proxyPort) {
  const hosts = JSON.stringify(SITE_HOSTS);
  const pac = `function FindProxyForURL(url, host) {
  if (${hosts}.indexOf(host) >= 0) return "PROXY 127.0.0.1:${proxyPort}";
  return "DIRECT";
}`;
  return `data:application/x-ns-proxy-autoconfig;base64,${Buffer.from(pac).toString('base64')}`;
}

/**
 * Preferences for a quiet, offline test profile that reaches the fixture through the PAC.
 * @param {number} proxyPort
 * @param {Record<string, string>} [addonUuids] add-on id -> moz-extension host
 */
export function testPrefs(proxyPort, addonUuids = {}) {
  return {
    // Fixed moz-extension:// host names, so tests can open the extension's own pages.
    'extensions.webextensions.uuids': JSON.stringify(addonUuids),
    'network.proxy.type': 2,
    'network.proxy.autoconfig_url': pacUrl(proxyPort),
    'network.proxy.allow_hijacking_localhost': true,
    // No background traffic: updates, telemetry, safe browsing, captive portal, remote settings.
    'app.update.enabled': false,
    'app.normandy.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'services.settings.server': 'data:,',
    'browser.newtabpage.enabled': false,
    'network.http.http3.enable': false,
    // Let temporary add-ons run on the matched sites without a prompt.
    'extensions.webextensions.restrictedDomains': '',
  };
}

/**
 * Starts geckodriver on a free port. `systemAccess` lets scripts run in the browser's chrome
 * context (openPrivilegedTab).
 * @param {{systemAccess?: boolean}} [options]
 * @returns {Promise<{url: string, stop: () => Promise<void>}>}
 */
export async function startGeckodriver({ systemAccess = false } = {}) {
  const bin = findGeckodriver();
  if (!bin) throw new Error('geckodriver not found (cargo install geckodriver)');
  const args = ['--port', '0', '--host', '127.0.0.1'];
  if (systemAccess) args.push('--allow-system-access');
  const child = spawn(bin, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const m = /Listening on (\S+:\d+)/.exec(output);
      if (m) resolve(`http://${m[1]}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`geckodriver exited (${code}): ${output}`)));
  });
  child.stdout.resume();
  child.stderr.resume();
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

/** A WebDriver session; methods map one-to-one onto endpoints. */
export class Session {
  /** @param {string} base @param {string} id */
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  /**
   * @param {string} driverUrl
   * @param {object} firefoxOptions moz:firefoxOptions
   */
  static async create(driverUrl, firefoxOptions) {
    const value = await call(driverUrl, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          acceptInsecureCerts: true,
          'moz:firefoxOptions': firefoxOptions,
        },
      },
    });
    return new Session(driverUrl, value.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  /** Installs an add-on (xpi/zip or directory) for this session only. */
  installAddon(path) {
    return this.cmd('POST', '/moz/addon/install', { path, temporary: true });
  }

  navigate(url) {
    return this.cmd('POST', '/url', { url });
  }

  /** Runs a synchronous script in the page; returns its value. */
  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Runs an async script; the script calls arguments[arguments.length - 1](value). */
  executeAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  async find(css) {
    const value = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return Object.values(value)[0];
  }

  /**
   * The shadow root of an element, closed ones included (WebDriver reaches them as the browser's
   * own automation, which page scripts cannot).
   */
  async shadowRoot(element) {
    return Object.values(await this.cmd('GET', `/element/${element}/shadow`))[0];
  }

  /** Elements matching `css` inside a shadow root. */
  async findAllIn(shadow, css) {
    const values = await this.cmd('POST', `/shadow/${shadow}/elements`, { using: 'css selector', value: css });
    return values.map((v) => Object.values(v)[0]);
  }

  /** An element's rendered text. */
  text(element) {
    return this.cmd('GET', `/element/${element}/text`);
  }

  click(element) {
    return this.cmd('POST', `/element/${element}/click`, {});
  }

  sendKeys(element, text) {
    return this.cmd('POST', `/element/${element}/value`, { text });
  }

  /** Opens a new tab and switches to it; returns its handle. */
  async newTab() {
    const { handle } = await this.cmd('POST', '/window/new', { type: 'tab' });
    await this.cmd('POST', '/window', { handle });
    return handle;
  }

  /**
   * Opens a privileged URL (e.g. moz-extension://…) in a new tab from the browser's chrome
   * context, which WebDriver navigation refuses; switches to the tab. Needs geckodriver started
   * with `systemAccess`.
   * @param {string} url
   */
  async openPrivilegedTab(url) {
    const before = new Set(await this.cmd('GET', '/window/handles'));
    await this.cmd('POST', '/moz/context', { context: 'chrome' });
    try {
      await this.execute(
        `const tab = gBrowser.addTab(arguments[0], {
           triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
         gBrowser.selectedTab = tab;`,
        [url],
      );
    } finally {
      await this.cmd('POST', '/moz/context', { context: 'content' });
    }
    const handle = (await this.cmd('GET', '/window/handles')).find((h) => !before.has(h));
    await this.switchTo(handle);
    // The new tab shows about:blank first: a script run before the page has replaced it dies
    // with that document. Wait until the page itself is there.
    const deadline = Date.now() + 15000;
    for (;;) {
      const href = await this.execute('return document.readyState !== "loading" && location.href', []).catch(() => null);
      if (href === url) return handle;
      if (Date.now() > deadline) throw new Error(`the new tab did not load ${url} (it shows ${href})`);
    }
  }

  /** Switches to the window or tab with this handle. */
  switchTo(handle) {
    return this.cmd('POST', '/window', { handle });
  }

  windowHandle() {
    return this.cmd('GET', '/window');
  }

  setTimeouts(timeouts) {
    return this.cmd('POST', '/timeouts', timeouts);
  }

  screenshot() {
    return this.cmd('GET', '/screenshot');
  }

  delete() {
    return call(this.base, 'DELETE', `/session/${this.id}`);
  }

  /**
   * Waits for a page-side condition without polling from Node: the script runs in the page,
   * resolves when `predicate` (a function body returning a truthy value) holds, re-checking
   * every animation frame, and gives up after `timeoutMs`.
   * @param {string} predicate body of a function; `return` the value to resolve with
   * @param {number} [timeoutMs]
   */
  async waitFor(predicate, timeoutMs = 15000) {
    const result = await this.executeAsync(
      `const done = arguments[arguments.length - 1];
       const test = () => { ${predicate} };
       const limit = performance.now() + ${timeoutMs};
       const tick = () => {
         let v = null;
         try { v = test(); } catch (e) { v = null; }
         if (v) return done({ ok: true, value: v });
         if (performance.now() > limit) return done({ ok: false });
         requestAnimationFrame(tick);
       };
       tick();`,
    );
    if (!result?.ok) throw new Error(`timed out waiting for: ${predicate}`);
    return result.value;
  }
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok || json.value?.error) {
    throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  }
  return json.value;
}
