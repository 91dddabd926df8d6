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
/* Colours are variables so that one attribute switches the whole UI to the page's theme
   (data-theme="dark" on the layer; see syncTheme below). */
.layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483646;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  --bg: #fff; --fg: #1f1f1f; --muted: #5f6368; --border: #c4c7c5; --button: #f8f9fa; --quote: #f1f3f4;
  --accent: #005eb8; --accent-fg: #fff; --link: #0b57d0; --warn: #8c1d18; --warn-border: #c5221f;
  --info: #7a4100; --info-border: #b25e00; --ok: #146c2e; --shadow: rgba(0,0,0,.2); --scrim: rgba(0,0,0,.35);
  color: var(--fg); color-scheme: light; }
.layer[data-theme="dark"] {
  --bg: #202124; --fg: #e8eaed; --muted: #9aa0a6; --border: #5f6368; --button: #303134; --quote: #303134;
  --accent: #8ab4f8; --accent-fg: #08204a; --link: #8ab4f8; --warn: #f28b82; --warn-border: #f28b82;
  --info: #fdd663; --info-border: #fdd663; --ok: #81c995; --shadow: rgba(0,0,0,.6); --scrim: rgba(0,0,0,.6);
  color-scheme: dark; }
button { font: inherit; cursor: pointer; color: inherit; }
/* Textarea mirrors (mirror.js): laid over a textarea, transparent ink, the findings painted by
   the ::highlight rules defined in highlights.js (the pages get the same rules, generated). */
.mirror { position: absolute; margin: 0; overflow: hidden; color: transparent; background: transparent;
  border-color: transparent; pointer-events: none; user-select: none; z-index: 0; }
${SO.highlights.CSS_RULES}
input, textarea { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 6px; }
button:focus-visible, a:focus-visible, input:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.badge { position: fixed; display: inline-flex; align-items: center; gap: 4px; padding: 1px 7px;
  border-radius: 10px; border: 1px solid var(--border); background: var(--bg); color: var(--fg); font-size: 12px; line-height: 18px;
  box-shadow: 0 1px 3px var(--shadow); white-space: nowrap; }
.badge[data-state="warning"] { border-color: var(--warn-border); color: var(--warn); }
.badge[data-state="info"] { border-color: var(--info-border); color: var(--info); }
.badge[data-state="clean"] { color: var(--ok); }
.badge[data-state="error"], .badge[data-state="checking"] { color: var(--muted); }
.panel, .card { position: fixed; width: min(360px, calc(100vw - 16px)); max-height: min(70vh, 520px);
  overflow: auto; background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 10px;
  box-shadow: 0 6px 24px var(--shadow); padding: 10px 12px; }
.card:focus { outline: none; }
.card h2, .panel h2, .guard h2 { font-size: 15px; margin: 0 0 6px; }
.card .kind { font-size: 12px; color: var(--muted); margin: 0 28px 4px 0; }
.card .kind[data-severity="warning"] { color: var(--warn); }
.card .quote { font-family: ui-monospace, monospace; background: var(--quote); padding: 0 4px; border-radius: 4px; }
.card p { margin: 0 0 6px; }
.card .message { margin: 0 0 4px; }
.card a, .panel a, .guard a { color: var(--link); }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.actions button, .panel li button, .panel .dismiss-all { border: 1px solid var(--border); background: var(--button); border-radius: 6px; padding: 4px 10px; }
.actions button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
.actions button:disabled { opacity: .6; cursor: default; }
.secondary { display: flex; flex-wrap: wrap; gap: 2px 10px; margin-top: 6px; font-size: 12px; }
.secondary button { border: 0; background: none; padding: 2px 0; color: var(--link); text-decoration: underline; }
.guidance-line { display: flex; align-items: baseline; gap: 6px; margin-top: 8px; padding-top: 6px; border-top: 1px solid var(--border); font-size: 12px; color: var(--muted); }
.guidance-line .more { border: 0; background: none; padding: 0; text-align: left; color: var(--muted); }
.guidance-line .more::before { content: "▸ "; }
.guidance-line .more[aria-expanded="true"]::before { content: "▾ "; }
.guidance-line a { text-decoration: none; }
.guidance-more { font-size: 12px; margin-top: 4px; }
.guidance-more ul { margin: 4px 0 0; padding-left: 16px; }
.guidance-more li { margin-bottom: 4px; }
.declare { margin-top: 6px; display: grid; gap: 4px; font-size: 13px; }
.declare input[type="text"] { width: 100%; padding: 4px 6px; }
.declare .save { display: flex; gap: 6px; align-items: center; font-size: 12px; }
.close { position: absolute; top: 4px; right: 6px; border: 0; background: none; font-size: 18px; line-height: 1; padding: 2px 6px; color: var(--muted); }
.card ul, .panel ul, .guard ul { margin: 0 0 8px; padding-left: 18px; }
.panel li { list-style: none; margin: 0 0 4px -18px; }
.panel li button { width: 100%; text-align: left; background: var(--bg); }
.scrim { position: fixed; inset: 0; width: 100vw; height: 100vh; background: var(--scrim);
  display: flex; align-items: center; justify-content: center; }
.guard { background: var(--bg); color: var(--fg); border-radius: 12px; padding: 18px 20px; width: min(460px, calc(100vw - 24px));
  max-height: 80vh; overflow: auto; box-shadow: 0 10px 40px var(--shadow); display: flex; flex-direction: column; }
.guard ul { overflow: auto; min-height: 2em; }
.guard .actions { justify-content: flex-end; flex: none; }
.guard[aria-busy="true"] h2::after { content: ""; display: inline-block; width: 10px; height: 10px; margin-left: 8px;
  border: 2px solid var(--accent); border-right-color: transparent; border-radius: 50%; animation: so-spin .8s linear infinite; }
@keyframes so-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .guard[aria-busy="true"] h2::after { animation: none; } }
.guard .unchecked { color: var(--warn); font-weight: 600; }
.notice { position: fixed; bottom: 16px; left: 50%; transform: translateX(-50%); background: #303030; color: #fff;
  padding: 8px 14px; border-radius: 8px; font-size: 13px; box-shadow: 0 2px 10px rgba(0,0,0,.3); }
[hidden] { display: none !important; }
/* Phones (Firefox for Android) and touch screens: finger-sized targets (44 px, WCAG 2.5.5), the
   guard's two choices side by side across the dialog, the close button clear of the title. */
@media (max-width: 480px), (pointer: coarse) {
  .actions button, .panel li button, .panel .dismiss-all, .secondary button, .guidance-line .more, .guidance-line a,
  .declare button { min-height: 44px; min-width: 44px; padding: 8px 14px; }
  .guidance-line a { display: inline-flex; align-items: center; justify-content: center; }
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

  /**
   * Places a fixed-position box below or above `anchor` (the flagged line), never over it: below
   * when it fits, else above when it fits, else on the roomier side with its height capped to
   * that side (it then scrolls inside). Clamped to the viewport horizontally. Sets data-side.
   * @param {HTMLElement} el
   * @param {{top: number, bottom: number, left: number, right: number}} anchor
   */
  function placeBeside(el, anchor, gap = 6, margin = 8) {
    el.style.maxHeight = '';
    const natural = el.offsetHeight;
    const below = innerHeight - margin - (anchor.bottom + gap);
    const above = anchor.top - gap - margin;
    let top;
    let side = 'below';
    if (natural <= below) top = anchor.bottom + gap;
    else if (natural <= above) {
      top = anchor.top - gap - natural;
      side = 'above';
    } else if (below >= above) {
      el.style.maxHeight = `${Math.max(0, below)}px`;
      top = anchor.bottom + gap;
    } else {
      el.style.maxHeight = `${Math.max(0, above)}px`;
      top = anchor.top - gap - el.offsetHeight;
      side = 'above';
    }
    const w = el.offsetWidth;
    const left = Math.max(margin, Math.min(anchor.left, innerWidth - w - margin));
    el.style.top = `${top}px`;
    el.style.left = `${left}px`;
    el.dataset.side = side;
  }

  /** Relative luminance (0–1) of a CSS rgb()/rgba() colour, or null when mostly transparent. */
  function luminance(color) {
    const m = /rgba?\(([^)]+)\)/.exec(color);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    if (a < 0.5) return null;
    const lin = (c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  }

  const prefersDark = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

  /**
   * Is the page dark where `from` sits? The first opaque background from `from` up to <html>
   * decides (the site's own theme); a page with none follows prefers-color-scheme.
   * @param {Element|null} from
   */
  function pageIsDark(from) {
    for (let n = from ?? document.body; n; n = n.parentElement) {
      const l = luminance(getComputedStyle(n).backgroundColor);
      if (l !== null) return l < 0.2;
    }
    return !!prefersDark?.matches;
  }

  /** Sets the UI's theme (light or dark) from the page around `from`. */
  function syncTheme(from) {
    const theme = pageIsDark(from) ? 'dark' : 'light';
    const l = layer();
    if (l.dataset.theme !== theme) l.dataset.theme = theme;
    return theme;
  }
  // The device theme changed: the UI and every composer's highlights follow it.
  prefersDark?.addEventListener?.('change', () => {
    syncTheme(document.activeElement);
    for (const c of SO.composers?.() ?? []) c.render();
  });

  const CATEGORY_LABELS = {
    confidentiality: 'Patient confidentiality',
    conflict_of_interest: 'Conflict of interest',
    boundaries: 'Professional boundaries',
    respect: 'Respect for patients and colleagues',
  };

  SO.ui = { root, layer, owns, h, place, placeBeside, syncTheme, pageIsDark, trusted, CATEGORY_LABELS };
})();
