// Second Opinion content scripts share one namespace object in the isolated world. These are
// classic scripts loaded in order by the manifest (namespace, text, sites, highlights, ui-styles,
// card, overlay, guard, composer and its actions, main); each adds its part to globalThis.SecondOpinion.
'use strict';
globalThis.SecondOpinion = globalThis.SecondOpinion ?? {
  /** @type {typeof globalThis.chrome} the extension API (Firefox's `browser` or `chrome`) */
  ext: globalThis.browser ?? globalThis.chrome,
  /** Isolated-world counters read by tests and scripts/measure-latency.mjs over CDP. */
  stats: { checks: 0, applied: 0, latencies: [], frameLatencies: [], errors: [], guard: {} },
};

// Checks go over one long-lived port: a runtime.sendMessage opens a new channel per message,
// which costs a few milliseconds per keystroke. The port closes when the worker is stopped; the
// next request opens a new one (which wakes the worker). Requests pending on a closed port fail
// with a "port disconnected" error, and the caller asks again. Every request also carries a
// timeout: a worker that never answers (a script that failed to load, a check stuck behind a
// very slow one) must surface as an error, never as a check that is silently still pending.
(() => {
  const SO = globalThis.SecondOpinion;
  /** No answer within this long fails the request (ms). Cold starts take well under 1 s. */
  const REQUEST_TIMEOUT = 10_000;
  /** @type {any} */
  let port = null;
  let nextId = 1;
  /** When the current port last heard from the worker (performance.now()). */
  let lastHeard = 0;
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void, timer: number}>} */
  const pending = new Map();

  /** Fails every request still waiting on port `p`. */
  function failAll(p, message) {
    if (port === p) port = null;
    for (const [id, waiter] of pending) {
      pending.delete(id);
      clearTimeout(waiter.timer);
      waiter.reject(new Error(message));
    }
  }

  function connect() {
    const p = SO.ext.runtime.connect({ name: 'second-opinion' });
    lastHeard = performance.now();
    p.onMessage.addListener((msg) => {
      lastHeard = performance.now();
      const waiter = pending.get(msg?.id);
      if (!waiter) return;
      pending.delete(msg.id);
      clearTimeout(waiter.timer);
      waiter.resolve(msg.reply);
    });
    p.onDisconnect.addListener(() => failAll(p, 'port disconnected'));
    return p;
  }

  function timedOut(id, p) {
    const waiter = pending.get(id);
    if (!waiter) return;
    const message = `no answer from the checker within ${REQUEST_TIMEOUT / 1000} s`;
    pending.delete(id);
    waiter.reject(new Error(message));
    // A port that has heard nothing for the whole timeout is presumed dead: drop it, so the
    // next request opens a new one (and wakes or restarts the worker). disconnect() does not
    // fire our own onDisconnect, so fail what is still waiting on it here.
    if (port === p && performance.now() - lastHeard >= REQUEST_TIMEOUT) {
      try {
        p.disconnect();
      } catch {
        // Already closed.
      }
      failAll(p, message);
    }
  }

  /**
   * Sends a protocol message to the background over the port; resolves to its reply, rejects
   * on a closed port or after REQUEST_TIMEOUT.
   * @param {Record<string, any>} message
   */
  SO.request = (message) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      try {
        port ??= connect();
        const p = port;
        const timer = setTimeout(() => timedOut(id, p), REQUEST_TIMEOUT);
        pending.set(id, { resolve, reject, timer });
        p.postMessage({ ...message, id });
      } catch (e) {
        // The extension was reloaded or the port closed under us.
        clearTimeout(pending.get(id)?.timer);
        pending.delete(id);
        port = null;
        reject(e);
      }
    });
  SO.REQUEST_TIMEOUT = REQUEST_TIMEOUT;
})();
