// @ts-check
// TEST ONLY — never part of the extension: fault-copies.mjs copies it into a temporary copy of
// the extension and makes it the worker's first import. It delays the background's answers to
// check requests by chrome.storage.local["test:checkDelayMs"] milliseconds (read per request),
// so tests can hold a check pending for as long as they need: a slow worker, a check stuck
// behind another. A release build has no such file, and pages cannot reach the worker anyway.
const ext = globalThis.chrome;
const KEY = 'test:checkDelayMs';

async function delayMs() {
  try {
    return Number((await ext.storage.local.get(KEY))[KEY]) || 0;
  } catch {
    return 0;
  }
}

const addListener = ext.runtime.onConnect.addListener.bind(ext.runtime.onConnect);
ext.runtime.onConnect.addListener = (listener) =>
  addListener((port) => {
    const post = port.postMessage.bind(port);
    /** @type {Set<number>} ids of check requests on this port */
    const checks = new Set();
    port.onMessage.addListener((msg) => {
      if (msg?.type === 'check') checks.add(msg.id);
    });
    port.postMessage = (reply) => {
      if (!checks.delete(reply?.id)) return post(reply);
      delayMs().then((ms) =>
        setTimeout(() => {
          try {
            post(reply);
          } catch {
            // The port closed meanwhile (the worker is being stopped or the tab went away).
          }
        }, ms),
      );
    };
    listener(port);
  });
