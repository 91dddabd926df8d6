// Second Opinion content scripts share one namespace object in the isolated world. These are
// classic scripts loaded in order by the manifest (namespace, text, sites, highlights, ui-styles,
// card, overlay, guard, composer, main); each adds its part to globalThis.SecondOpinion.
'use strict';
globalThis.SecondOpinion = globalThis.SecondOpinion ?? {
  /** @type {typeof globalThis.chrome} the extension API (Firefox's `browser` or `chrome`) */
  ext: globalThis.browser ?? globalThis.chrome,
  /** Isolated-world counters read by tests and scripts/measure-latency.mjs over CDP. */
  stats: { checks: 0, applied: 0, latencies: [], frameLatencies: [], errors: [] },
};

// Checks go over one long-lived port: a runtime.sendMessage opens a new channel per message,
// which costs a few milliseconds per keystroke. The port closes when the worker is stopped; the
// next request opens a new one (which wakes the worker). Requests pending on a closed port fail
// with a "port disconnected" error, and the caller asks again.
(() => {
  const SO = globalThis.SecondOpinion;
  /** @type {any} */
  let port = null;
  let nextId = 1;
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
  const pending = new Map();

  function connect() {
    const p = SO.ext.runtime.connect({ name: 'second-opinion' });
    p.onMessage.addListener((msg) => {
      const waiter = pending.get(msg?.id);
      if (!waiter) return;
      pending.delete(msg.id);
      waiter.resolve(msg.reply);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      for (const [id, waiter] of pending) {
        pending.delete(id);
        waiter.reject(new Error('port disconnected'));
      }
    });
    return p;
  }

  /**
   * Sends a protocol message to the background over the port; resolves to its reply.
   * @param {Record<string, any>} message
   */
  SO.request = (message) =>
    new Promise((resolve, reject) => {
      try {
        port ??= connect();
        const id = nextId++;
        pending.set(id, { resolve, reject });
        port.postMessage({ ...message, id });
      } catch (e) {
        port = null;
        reject(e);
      }
    });
})();
