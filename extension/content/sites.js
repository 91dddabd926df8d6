// The site registry: each site's adapter (extension/content/sites/<key>.js) registers its hosts,
// how to find its composer roots and read their text, its submit controls and its submit keys
// (DESIGN.md §5). Everything else asks the registry; anything editable that no adapter claims
// falls back to the generic contenteditable/textarea adapter.
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;

  /**
   * @typedef {{
   *   key: string,                 // as in settings.sites and extension/shared/sites.js
   *   hosts: string[],             // exact hostnames, as in the manifest's match patterns
   *   composer: string,            // selector of the site's composer roots
   *   submit: string,              // selector of the site's submit controls ('' for none)
   *   isKeySubmit: (e: KeyboardEvent, composerEl: Element) => boolean,
   *   keySubmitsAll?: boolean,     // a key submit posts every composer sharing the submit control (X threads)
   *   attributes?: string[],       // attributes whose change can make an element a composer
   *   read?: (el: Element) => import('./text.js').TextModel,
   *   submitName?: RegExp,         // only submit controls whose accessible name (label or text) matches
   *   pasteAsParagraphs?: (el: Element) => boolean, // multi-line fixes into `el` paste HTML paragraphs too (ProseMirror)
   *   runtime?: boolean,           // no fixed hosts: runs where the doctor enabled it (popup, optional host permission)
   * }} Adapter
   */

  /** @type {Map<string, Adapter>} */
  const registry = new Map();

  const GENERIC_COMPOSER = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea';

  /** @type {Adapter} */
  const generic = { key: 'generic', hosts: [], composer: GENERIC_COMPOSER, submit: '', isKeySubmit: () => false };

  /** @param {Adapter} adapter */
  function register(adapter) {
    registry.set(adapter.key, adapter);
  }

  /** @returns {string|null} the key of the site `hostname` belongs to */
  function siteKey(hostname = location.hostname) {
    for (const a of registry.values()) if (a.hosts.includes(hostname)) return a.key;
    // The content scripts run elsewhere only on an origin the doctor enabled from the popup
    // (background.js registers them there): Mastodon's, whose instances have no fixed hosts.
    // Not in an extension page (Check a draft), which is no site.
    if (location.protocol === 'https:') for (const a of registry.values()) if (a.runtime) return a.key;
    return null;
  }

  /** The adapters to try on site `site`: its own first, then the rest. */
  function ordered(site) {
    const own = site ? registry.get(site) : undefined;
    return own ? [own, ...[...registry.values()].filter((a) => a !== own)] : [...registry.values()];
  }

  /** The adapter for a composer element. */
  function adapterFor(el, site = siteKey()) {
    return ordered(site).find((a) => el.matches(a.composer)) ?? generic;
  }

  /** Is `el` a composer root (not an editable nested inside another)? */
  function isComposerRoot(el, site) {
    const own = site ? registry.get(site) : undefined;
    if (own && el.matches(own.composer)) return true;
    if (!el.matches(GENERIC_COMPOSER)) return false;
    if (el.tagName === 'TEXTAREA') return !el.readOnly && !el.disabled;
    // The outermost editable only.
    return !el.parentElement?.closest('[contenteditable]:not([contenteditable="false"])');
  }

  /** Composer roots of site `site` in a subtree (including `node` itself). */
  function findComposers(node, site) {
    const own = site ? registry.get(site) : undefined;
    if (!own || node.nodeType !== 1) return [];
    const el = /** @type {Element} */ (node);
    const out = el.matches(own.composer) ? [el] : [];
    out.push(...el.querySelectorAll(own.composer));
    return out;
  }

  /** Does `el` have the name the adapter's submit controls have (when it names one)? */
  const named = (/** @type {Adapter} */ a, /** @type {Element} */ el) =>
    !a.submitName || a.submitName.test((el.getAttribute('aria-label') || el.textContent || '').trim());

  /** The first submit control of the site inside `node`, or null. */
  function submitButtonIn(node, site) {
    const own = site ? registry.get(site) : undefined;
    if (!own?.submit) return null;
    if (!own.submitName) return node.querySelector(own.submit);
    for (const el of node.querySelectorAll(own.submit)) if (named(own, el)) return el;
    return null;
  }

  /** The submit control of the site that `target` is (or is inside), or null. */
  function submitButtonFor(target, site) {
    if (!(target instanceof Element)) return null;
    const own = site ? registry.get(site) : undefined;
    const el = own?.submit ? target.closest(own.submit) : null;
    return el && named(own, el) ? el : null;
  }

  /** Attributes the discovery observer watches: those any adapter's composer selector depends on. */
  const attributes = () => [...new Set(['contenteditable', ...[...registry.values()].flatMap((a) => a.attributes ?? [])])];

  SO.sites = {
    register,
    get: (key) => registry.get(key) ?? null,
    all: () => [...registry.values()],
    siteKey,
    adapterFor,
    isComposerRoot,
    findComposers,
    submitButtonFor,
    submitButtonIn,
    attributes,
    GENERIC_COMPOSER,
  };
})();
