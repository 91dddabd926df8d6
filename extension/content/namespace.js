// Second Opinion content scripts share one namespace object in the isolated world. These are
// classic scripts loaded in order by the manifest (namespace, text, sites, highlights, ui-styles,
// card, overlay, guard, composer, main); each adds its part to globalThis.SecondOpinion.
'use strict';
globalThis.SecondOpinion = globalThis.SecondOpinion ?? {
  /** @type {typeof globalThis.chrome} the extension API (Firefox's `browser` or `chrome`) */
  ext: globalThis.browser ?? globalThis.chrome,
  /** Isolated-world counters read by tests and scripts/measure-latency.mjs over CDP. */
  stats: { checks: 0, applied: 0, latencies: [], errors: [] },
};
