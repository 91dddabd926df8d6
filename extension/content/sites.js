// Site adapters: where composers are, which buttons and keys submit them.
// X composes with Draft.js, Facebook with Lexical (DESIGN.md §5); anything else editable on those
// sites falls back to a generic contenteditable/textarea adapter.
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;

  /** @typedef {'x'|'facebook'} SiteKey */

  /** @returns {SiteKey|null} */
  function siteKey(hostname = location.hostname) {
    if (hostname === 'x.com' || hostname === 'twitter.com' || hostname.endsWith('.x.com') || hostname.endsWith('.twitter.com')) return 'x';
    if (hostname === 'www.facebook.com' || hostname === 'web.facebook.com' || hostname.endsWith('.facebook.com')) return 'facebook';
    return null;
  }

  const X_COMPOSER = '[data-testid^="tweetTextarea_"][contenteditable="true"], .public-DraftEditor-content[contenteditable="true"]';
  const FB_COMPOSER = 'div[contenteditable="true"][role="textbox"][data-lexical-editor]';
  const GENERIC_COMPOSER = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea';

  /**
   * @typedef {{
   *   name: string,
   *   selector: string,
   *   submitButton: (el: Element) => Element|null,
   *   isKeySubmit: (e: KeyboardEvent, composerEl: Element) => boolean,
   * }} Adapter
   */

  /** @type {Adapter} */
  const x = {
    name: 'x',
    selector: X_COMPOSER,
    submitButton: (el) => el.closest('[data-testid="tweetButtonInline"], [data-testid="tweetButton"]'),
    isKeySubmit: (e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey),
  };

  /** Facebook comment and reply boxes submit on Enter; the post composer does not. */
  function isFacebookCommentBox(el) {
    const label = (el.getAttribute('aria-label') ?? '').toLowerCase();
    if (/comment|reply|answer/.test(label)) return true;
    if (/on your mind|create|post/.test(label)) return false;
    // No label to go by: a box outside any dialog with a Post button is a comment box.
    const dialog = el.closest('[role="dialog"]');
    return !dialog?.querySelector('[role="button"][aria-label="Post"]');
  }

  /** @type {Adapter} */
  const facebook = {
    name: 'facebook',
    selector: FB_COMPOSER,
    submitButton: (el) => el.closest('[role="button"][aria-label="Post"], button[aria-label="Post"]'),
    isKeySubmit: (e, composerEl) =>
      e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.isComposing && isFacebookCommentBox(composerEl),
  };

  /** @type {Adapter} */
  const generic = {
    name: 'generic',
    selector: GENERIC_COMPOSER,
    submitButton: () => null,
    isKeySubmit: () => false,
  };

  /** The adapter for a composer element. */
  function adapterFor(el) {
    if (el.matches(X_COMPOSER)) return x;
    if (el.matches(FB_COMPOSER)) return facebook;
    return generic;
  }

  /** Is `el` a composer root (not an editable nested inside another)? */
  function isComposerRoot(el, site) {
    if (site === 'x' && el.matches(X_COMPOSER)) return true;
    if (site === 'facebook' && el.matches(FB_COMPOSER)) return true;
    if (!el.matches(GENERIC_COMPOSER)) return false;
    if (el.tagName === 'TEXTAREA') return !el.readOnly && !el.disabled;
    // The outermost editable only.
    return !el.parentElement?.closest('[contenteditable]:not([contenteditable="false"])');
  }

  /** Composer roots in a subtree (including `node` itself). */
  function findComposers(node, site) {
    if (node.nodeType !== 1) return [];
    const el = /** @type {Element} */ (node);
    const sel = [site === 'x' ? X_COMPOSER : site === 'facebook' ? FB_COMPOSER : null]
      .filter(Boolean)
      .join(',');
    const out = [];
    if (sel && el.matches(sel)) out.push(el);
    if (sel) out.push(...el.querySelectorAll(sel));
    return out;
  }

  /** The first submit button of the site inside `node`, or null. */
  function submitButtonIn(node, site) {
    if (site === 'x') return node.querySelector('[data-testid="tweetButtonInline"], [data-testid="tweetButton"]');
    if (site === 'facebook') return node.querySelector('[role="button"][aria-label="Post"], button[aria-label="Post"]');
    return null;
  }

  /** The submit button for the site that `target` is (or is inside), or null. */
  function submitButtonFor(target, site) {
    if (!(target instanceof Element)) return null;
    if (site === 'x') return x.submitButton(target);
    if (site === 'facebook') return facebook.submitButton(target);
    return null;
  }

  SO.sites = { siteKey, adapterFor, isComposerRoot, findComposers, submitButtonFor, submitButtonIn, GENERIC_COMPOSER };
})();
