// Entry point of the content script: finds composers as the single-page app adds and removes
// them (one MutationObserver for the document plus focus events; no polling), routes hover,
// click and keyboard to cards, guards submits, and answers the popup.
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;
  if (SO.started) return;
  SO.started = true;

  const site = SO.sites.siteKey();
  /** @type {Map<Element, any>} editable root -> Composer */
  const composers = new Map();
  /** @type {any} the focused or last-used composer */
  let lastComposer = null;

  function track(el) {
    let c = composers.get(el);
    if (!c) {
      c = new SO.Composer(el, site);
      composers.set(el, c);
    }
    return c;
  }

  function forget(el) {
    const c = composers.get(el);
    if (!c) return;
    composers.delete(el);
    c.destroy();
    if (lastComposer === c) lastComposer = null;
    // A post held by the guard may have lost its composer (or gained a replacement).
    SO.guard.reevaluate();
  }

  /** The tracked composer that contains `node`, or null. */
  function composerOf(node) {
    for (let n = node; n; n = n.parentNode) {
      const c = composers.get(/** @type {Element} */ (n));
      if (c) return c;
    }
    return null;
  }

  function scan(node) {
    for (const el of SO.sites.findComposers(node, site)) track(el);
  }

  const discovery = new MutationObserver((records) => {
    let removed = false;
    for (const r of records) {
      for (const n of r.addedNodes) if (n.nodeType === 1) scan(n);
      if (r.removedNodes.length) removed = true;
      if (r.type === 'attributes' && r.target.nodeType === 1) scan(r.target);
    }
    if (removed) for (const el of [...composers.keys()]) if (!el.isConnected) forget(el);
    SO.overlay.schedulePosition();
  });
  discovery.observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: SO.sites.attributes(),
  });
  if (document.body) scan(document.body);

  // Focus: track anything editable the site adapters did not find (the generic fallback).
  document.addEventListener(
    'focusin',
    (e) => {
      const target = /** @type {Element} */ (e.target);
      if (!(target instanceof Element) || SO.ui.owns(target)) return;
      let c = composerOf(target);
      if (!c) {
        const el = target.closest(SO.sites.GENERIC_COMPOSER);
        let root = el;
        while (root?.parentElement?.closest('[contenteditable]:not([contenteditable="false"])')) {
          root = root.parentElement.closest('[contenteditable]:not([contenteditable="false"])');
        }
        if (root && SO.sites.isComposerRoot(root, site)) c = track(root);
      }
      if (c) {
        lastComposer = c;
        c.lastUsed = performance.now();
        // Wake the worker now, so it is built and warmed up before the first keystroke arrives.
        SO.request({ type: 'status' }).catch(() => {});
        c.update();
      }
    },
    true,
  );

  /** Tracked composers submitted by a button: those in the smallest ancestor holding any. */
  function composersForButton(button) {
    for (let n = button.parentElement; n; n = n.parentElement) {
      const inside = [...composers.values()].filter((c) => n.contains(c.el));
      if (inside.length) return inside;
    }
    return [];
  }

  /** What a submit by `button` publishes, looked up afresh each time (null once it is gone). */
  const forButton = (button) => () => (button.isConnected ? composersForButton(button) : null);

  /**
   * What a key submit in composer element `el` publishes: where the adapter says so (X's
   * Ctrl/Cmd+Enter posts the whole thread), every composer sharing its Post button; elsewhere the
   * composer itself.
   */
  const forKey = (el) => () => {
    const c = composers.get(el);
    if (!c) return null;
    if (SO.sites.get(site)?.keySubmitsAll) {
      for (let n = el.parentElement; n; n = n.parentElement) {
        const button = SO.sites.submitButtonIn(n, site);
        if (button) return composersForButton(button).filter((o) => n.contains(o.el));
      }
    }
    return [c];
  };

  /** A real button: a synthetic key press does not activate it, so it is replayed as a click. */
  const isNativeButton = (el) =>
    el instanceof HTMLButtonElement || (el instanceof HTMLInputElement && ['submit', 'button'].includes(el.type));

  // The guard: capture phase on window, before any page listener. It also stops submits the page
  // synthesised itself (only our own replay passes), so no path around it depends on trust.
  window.addEventListener(
    'click',
    (e) => {
      const button = SO.sites.submitButtonFor(e.target, site);
      if (!button) return;
      if (button.getAttribute('aria-disabled') === 'true' || button.disabled) return;
      SO.guard.intercept(e, forButton(button), SO.guard.replayClick(button));
    },
    true,
  );

  window.addEventListener(
    'keydown',
    (e) => {
      // Escape closes an open card or list from anywhere: in it, in the composer while typing,
      // elsewhere on the page (the guard's modal dialog has its own Escape).
      if (e.key === 'Escape' && e.isTrusted && !e.isComposing && !SO.guard.open && (SO.card.current || SO.overlay.panelOpen)) {
        e.preventDefault();
        e.stopImmediatePropagation();
        if (SO.card.current) SO.card.close({ refocus: true });
        else SO.overlay.closePanel({ refocus: true });
        return;
      }
      if (!(e.target instanceof Element) || SO.ui.owns(e.target)) return;
      // Enter or Space on a focused submit button.
      if ((e.key === 'Enter' || e.key === ' ') && !e.isComposing) {
        const button = SO.sites.submitButtonFor(e.target, site);
        if (button) {
          if (button.getAttribute('aria-disabled') === 'true' || /** @type {any} */ (button).disabled) return;
          const replay = isNativeButton(button) ? SO.guard.replayClick(button) : SO.guard.replayKey(e.target, e);
          SO.guard.intercept(e, forButton(button), replay);
          return;
        }
      }
      const c = composerOf(e.target);
      if (!c) return;
      if (e.key === 'Enter' && e.altKey && !e.ctrlKey && !e.metaKey && e.isTrusted) {
        // Alt+Enter: the card for the finding at (or after) the caret, else the list.
        e.preventDefault();
        e.stopImmediatePropagation();
        c.update();
        const offset = c.caretOffset() ?? 0;
        const f = c.findingAt(offset, { after: true });
        if (f) SO.card.open(c, f, { focus: true });
        else SO.overlay.openPanel(c);
        return;
      }
      if (c.adapter.isKeySubmit(e, c.el)) {
        SO.guard.intercept(e, forKey(c.el), SO.guard.replayKey(e.target, e));
      }
    },
    true,
  );

  // Hover: hit-test the findings' client rects under the pointer.
  let pointer = null;
  let hoverFrame = 0;
  document.addEventListener(
    'pointermove',
    (e) => {
      // Cards open for the doctor's pointer only, never for events the page made up.
      if (!e.isTrusted) return;
      pointer = { x: e.clientX, y: e.clientY, target: e.target };
      if (hoverFrame) return;
      hoverFrame = requestAnimationFrame(() => {
        hoverFrame = 0;
        if (!pointer || SO.ui.owns(pointer.target)) return;
        const c = composerOf(pointer.target);
        const f = c && hitTest(c, pointer.x, pointer.y);
        if (f) {
          SO.card.cancelHoverClose();
          if (!SO.card.current || SO.card.current.finding !== f) SO.card.open(c, f, { byHover: true });
        } else if (SO.card.current?.byHover) {
          SO.card.scheduleHoverClose();
        }
      });
    },
    { passive: true },
  );

  function hitTest(c, x, y) {
    for (const f of c.visibleFindings()) {
      for (const r of c.rangesFor(f)) {
        for (const rect of r.getClientRects()) {
          if (x >= rect.left && x <= rect.right && y >= rect.top - 2 && y <= rect.bottom + 2) return f;
        }
      }
    }
    return null;
  }

  // Click: in a composer, on a finding, opens its card (focus stays in the editor);
  // anywhere else closes cards and lists.
  document.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || SO.ui.owns(/** @type {Node} */ (e.target))) return;
      const c = composerOf(e.target);
      const f = c && hitTest(c, e.clientX, e.clientY);
      if (f) SO.card.open(c, f, { focus: false });
      else {
        SO.card.close();
        SO.overlay.closePanel();
      }
    },
    true,
  );

  addEventListener('scroll', () => SO.overlay.schedulePosition(), { capture: true, passive: true });
  addEventListener('resize', () => SO.overlay.schedulePosition(), { passive: true });

  // Settings changed (e.g. "Ignore rule", options page): check everything again.
  SO.ext.storage?.onChanged.addListener((changes, area) => {
    if (!(area === 'sync' && 'settings' in changes) && area !== 'managed') return;
    for (const c of composers.values()) {
      c.checkedText = null;
      c.requestCheck();
    }
  });

  /** Tells an open popup that findings changed (and the background, for the toolbar count). */
  SO.notifyChanged = (c) => {
    SO.guard.reevaluate();
    const warnings = c.visibleFindings().filter((f) => f.severity === 'warning').length;
    const error = !!c.checkerError;
    SO.ext.runtime.sendMessage({ type: 'findings-changed', site, warnings, error }).catch(() => {});
  };

  /** The focused composer, else the last used one still on the page. */
  function activeComposer() {
    const focused = composerOf(document.activeElement);
    if (focused) return focused;
    if (lastComposer?.el.isConnected) return lastComposer;
    let best = null;
    for (const c of composers.values()) if (c.text && (!best || c.lastUsed > best.lastUsed)) best = c;
    return best;
  }

  SO.ext.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    if (msg?.type === 'popup:state') {
      const c = activeComposer();
      sendResponse({
        site,
        enabled: c ? c.enabled : true,
        checkerOk: !c?.checkerError,
        composer: c ? { text: c.text, findings: c.visibleFindings() } : null,
      });
      return false;
    }
    if (msg?.type === 'popup:reveal') {
      const c = activeComposer();
      if (!c) {
        sendResponse({ ok: false });
        return false;
      }
      c.reveal(Number(msg.index)).then((ok) => sendResponse({ ok }));
      return true;
    }
    if (msg?.type === 'popup:fix') {
      // A fix pressed in the popup: the same finding (by index and text) and the same fix path
      // as a card's button (fixes.js).
      const c = activeComposer();
      const f = c?.visibleFindings()[Number(msg.index)];
      const fix = f?.fixes?.[Number(msg.fix)];
      if (!c || !f || !fix || (typeof msg.text === 'string' && f.text !== msg.text)) {
        sendResponse({ ok: false, result: 'changed' });
        return false;
      }
      if (SO.card.current?.composer === c) SO.card.close();
      c.applyFix(f, fix).then(
        (result) => sendResponse({ ok: result === 'applied', result }),
        () => sendResponse({ ok: false, result: 'failed' }),
      );
      return true;
    }
    return false;
  });

  // For tests and scripts/measure-latency.mjs (isolated world only; the page cannot see it).
  SO.composers = () => [...composers.values()];
  /** Checks `el` as a composer from now on (the extension's own "Check a draft" page). */
  SO.watch = (el) => {
    lastComposer = track(el);
    return lastComposer;
  };
})();
