// The one closed shadow root that holds everything Second Opinion draws on the page (badges,
// cards, the guard dialog, notices). Its host sits at the end of <html>, outside every composer,
// so the editors never see it. Styles are a constructed stylesheet (not subject to page CSP).
// Closed, and every handler added through h() ignores events the page synthesised
// (isTrusted false): cards can name the doctor's declared interests, and their buttons apply
// fixes, store "Ignore rule" and release the guard, so the page may neither read nor press them.
// Tests reach this UI as a person does (real input, the accessibility tree) or from the
// isolated world through SecondOpinion.ui.root().
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;

  const CSS_TEXT = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483646;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f1f1f; }
button { font: inherit; cursor: pointer; }
button:focus-visible, a:focus-visible { outline: 2px solid #005eb8; outline-offset: 2px; }
.badge { position: fixed; display: inline-flex; align-items: center; gap: 4px; padding: 1px 7px;
  border-radius: 10px; border: 1px solid #c4c7c5; background: #fff; font-size: 12px; line-height: 18px;
  box-shadow: 0 1px 3px rgba(0,0,0,.15); white-space: nowrap; }
.badge[data-state="warning"] { border-color: #c5221f; color: #8c1d18; }
.badge[data-state="info"] { border-color: #b25e00; color: #7a4100; }
.badge[data-state="clean"] { color: #146c2e; }
.badge[data-state="error"] { color: #5f6368; }
.panel, .card { position: fixed; width: min(380px, calc(100vw - 16px)); max-height: min(70vh, 520px);
  overflow: auto; background: #fff; border: 1px solid #c4c7c5; border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0,0,0,.2); padding: 12px 14px; }
.card h2, .panel h2, .guard h2 { font-size: 15px; margin: 0 0 6px; }
.card .kind { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #5f6368; margin: 0 0 4px; }
.card .kind[data-severity="warning"] { color: #8c1d18; }
.card .quote { font-family: ui-monospace, monospace; background: #f1f3f4; padding: 0 4px; border-radius: 4px; }
.card p { margin: 0 0 8px; }
.card h3 { font-size: 13px; margin: 8px 0 4px; }
.card ul, .panel ul, .guard ul { margin: 0 0 8px; padding-left: 18px; }
.card .guidance li { margin-bottom: 4px; }
.card a { color: #0b57d0; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.actions button, .panel li button { border: 1px solid #c4c7c5; background: #f8f9fa; border-radius: 6px; padding: 4px 10px; }
.actions button.primary { background: #005eb8; border-color: #005eb8; color: #fff; }
.close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px; line-height: 1; padding: 2px 6px; }
.panel li { list-style: none; margin: 0 0 4px -18px; }
.panel li button { width: 100%; text-align: left; background: #fff; }
.scrim { position: fixed; inset: 0; width: 100vw; height: 100vh; background: rgba(0,0,0,.35);
  display: flex; align-items: center; justify-content: center; }
.guard { background: #fff; border-radius: 12px; padding: 18px 20px; width: min(460px, calc(100vw - 24px));
  max-height: 80vh; overflow: auto; box-shadow: 0 10px 40px rgba(0,0,0,.3); }
.guard .actions { justify-content: flex-end; }
.guard[aria-busy="true"] h2::after { content: ""; display: inline-block; width: 10px; height: 10px; margin-left: 8px;
  border: 2px solid #005eb8; border-right-color: transparent; border-radius: 50%; animation: so-spin .8s linear infinite; }
@keyframes so-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .guard[aria-busy="true"] h2::after { animation: none; } }
.guard .unchecked { color: #8c1d18; font-weight: 600; }
.badge[data-state="checking"] { color: #5f6368; }
.notice { position: fixed; bottom: 16px; left: 50%; transform: translateX(-50%); background: #303030; color: #fff;
  padding: 8px 14px; border-radius: 8px; font-size: 13px; box-shadow: 0 2px 10px rgba(0,0,0,.3); }
[hidden] { display: none !important; }
/* Phones (Firefox for Android) and touch screens: finger-sized targets (44 px, WCAG 2.5.5), the
   guard's two choices side by side across the dialog, the close button clear of the title. */
@media (max-width: 480px), (pointer: coarse) {
  .actions button, .panel li button { min-height: 44px; padding: 8px 14px; }
  .close { min-width: 44px; min-height: 44px; top: 2px; right: 2px; }
  .card .kind, .card h2, .panel h2 { padding-right: 40px; }
  .guard { padding: 16px; }
  .guard .actions button { flex: 1 1 40%; }
}
`;

  /** @type {ShadowRoot|null} */
  let shadow = null;
  /** @type {HTMLElement|null} */
  let host = null;

  /** The shadow root (created on first use). */
  function root() {
    if (shadow && host?.isConnected) return shadow;
    if (!host) {
      host = document.createElement('second-opinion-ui');
      shadow = host.attachShadow({ mode: 'closed' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS_TEXT);
      shadow.adoptedStyleSheets = [sheet];
      const layer = document.createElement('div');
      layer.className = 'layer';
      shadow.append(layer);
    }
    document.documentElement.append(host);
    return /** @type {ShadowRoot} */ (shadow);
  }

  /** The element UI parts are appended to. */
  const layer = () => /** @type {HTMLElement} */ (root().querySelector('.layer'));

  /** Is the node part of Second Opinion's UI? */
  const owns = (node) => !!host && (node === host || host.contains(node) || shadow?.contains(node));

  /**
   * Wraps a UI event handler so that it runs only for events the browser made from real input.
   * @template {Event} E
   * @param {(e: E) => void} handler
   * @returns {(e: E) => void}
   */
  const trusted = (handler) => (e) => {
    if (e.isTrusted) handler(e);
  };

  /**
   * Creates an element with attributes and children; `on*` handlers only see trusted events.
   * @param {string} tag
   * @param {Record<string, any>} [attrs]
   * @param {(Node|string|null|undefined)[]} [children]
   */
  function h(tag, attrs = {}, children = []) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), trusted(v));
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) el.append(c);
    return el;
  }

  /** Places a fixed-position box next to an anchor rectangle, inside the viewport. */
  function place(el, rect, gap = 6) {
    const w = el.offsetWidth;
    const ht = el.offsetHeight;
    let top = rect.bottom + gap;
    if (top + ht > innerHeight - 8 && rect.top - gap - ht > 8) top = rect.top - gap - ht;
    const left = Math.max(8, Math.min(rect.left, innerWidth - w - 8));
    el.style.top = `${Math.max(8, top)}px`;
    el.style.left = `${left}px`;
  }

  const CATEGORY_LABELS = {
    confidentiality: 'Patient confidentiality',
    conflict_of_interest: 'Conflict of interest',
    boundaries: 'Professional boundaries',
    respect: 'Respect for patients and colleagues',
  };

  SO.ui = { root, layer, owns, h, place, trusted, CATEGORY_LABELS };
})();
