// The composer badge (warnings / reminders) and the list it opens. One badge per composer,
// placed just below the composer's bottom-right corner (else below-left, above-right, above-left,
// or beside the submit control) wherever that covers none of the site's controls, and kept there
// on scroll and resize. Everything follows the page's theme (ui-styles.js syncTheme).
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;
  const { h } = SO.ui;

  /** What the badge, the list and the popup say when the checker is not working. */
  const CANT_CHECK = "Second Opinion can't check posts right now";
  /** @type {Map<any, HTMLButtonElement>} composer -> badge */
  const badges = new Map();
  /** @type {{el: HTMLElement, composer: any}|null} */
  let panel = null;
  let frame = 0;

  function closePanel({ refocus = false } = {}) {
    if (!panel) return;
    const { el, composer } = panel;
    panel = null;
    el.remove();
    if (refocus && !composer.el.contains(document.activeElement)) composer.focus();
  }

  /** Opens the list of a composer's findings beside its badge. */
  function openPanel(composer, { focus = true } = {}) {
    closePanel();
    const findings = composer.visibleFindings();
    const items = findings.map((f, i) =>
      h('li', {}, [
        h('button', {
          type: 'button',
          'data-index': i,
          text: `${f.severity === 'warning' ? '⚠' : 'ℹ'} ${SO.parts.quote(f)} — ${SO.ui.CATEGORY_LABELS[f.category] ?? f.category}`,
          onclick: () => {
            closePanel();
            composer.reveal(i, { openCard: true });
          },
        }),
      ]),
    );
    // A post that has not been checked must never read as "nothing to flag".
    const heading = composer.checkerError
      ? CANT_CHECK
      : composer.checkedText === null
        ? 'Second Opinion is checking this post…'
        : findings.length
          ? 'Second Opinion found'
          : 'Second Opinion found nothing to flag';
    const el = h('div', { class: 'panel', role: 'dialog', 'aria-label': 'Second Opinion: findings in this post' }, [
      h('h2', { text: heading }),
      findings.length ? h('ul', {}, items) : null,
      findings.length > 1
        ? h('button', {
            type: 'button',
            class: 'dismiss-all',
            'data-action': 'dismiss-all',
            text: 'Dismiss all for this post',
            onclick: () => {
              closePanel({ refocus: true });
              composer.dismissAll();
            },
          })
        : null,
      composer.checkerError ? h('p', { text: `This post has not been checked (${composer.checkerError}). Second Opinion keeps trying.` }) : null,
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close', text: '×', onclick: () => closePanel({ refocus: true }) }),
    ]);
    el.addEventListener(
      'keydown',
      SO.ui.trusted((e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          closePanel({ refocus: true });
        }
      }),
    );
    SO.ui.syncTheme(composer.el);
    SO.ui.layer().append(el);
    panel = { el, composer };
    const badge = badges.get(composer);
    SO.ui.placeBeside(el, (badge ?? composer.el).getBoundingClientRect());
    if (focus) el.querySelector('button')?.focus();
  }

  /** Creates or updates the badge of a composer. */
  function update(composer) {
    let badge = badges.get(composer);
    if (!badge) {
      badge = /** @type {HTMLButtonElement} */ (
        h('button', { type: 'button', class: 'badge', 'data-composer': composer.id, onclick: () => openPanel(composer) })
      );
      SO.ui.layer().append(badge);
      badges.set(composer, badge);
    }
    // Counted in findings (concerns), not in highlighted ranges: a finding's parts are one concern.
    const findings = composer.visibleFindings();
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const reminders = findings.length - warnings;
    const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
    let state;
    let text;
    let label;
    if (composer.checkerError) {
      state = 'error';
      text = '!';
      label = `${CANT_CHECK}: this post has not been checked`;
    } else if (composer.slow) {
      state = 'checking';
      text = '…';
      label = 'Second Opinion: checking this post…';
    } else if (warnings) {
      state = 'warning';
      text = reminders ? `⚠ ${warnings} · ℹ ${reminders}` : `⚠ ${warnings}`;
      label = `Second Opinion: ${plural(warnings, 'concern', 'concerns')}, ${plural(reminders, 'reminder', 'reminders')}`;
    } else if (reminders) {
      state = 'info';
      text = `ℹ ${reminders}`;
      label = `Second Opinion: ${plural(reminders, 'reminder', 'reminders')}`;
    } else {
      state = 'clean';
      text = '✓';
      label = 'Second Opinion: nothing to flag';
    }
    badge.dataset.state = state;
    badge.dataset.warnings = String(warnings);
    badge.dataset.reminders = String(reminders);
    badge.textContent = text;
    badge.setAttribute('aria-label', label);
    badge.hidden = !composer.enabled || (!composer.text && !composer.checkerError);
    if (!badge.hidden) SO.ui.syncTheme(composer.el);
    if (panel?.composer === composer) openPanel(composer, { focus: panel.el.contains(SO.ui.root().activeElement) });
    schedulePosition();
  }

  function remove(composer) {
    badges.get(composer)?.remove();
    badges.delete(composer);
    if (panel?.composer === composer) closePanel();
  }

  /** The client rect of the submit control nearest composer element `el`, or null. */
  function submitRect(el) {
    const site = SO.sites.siteKey();
    for (let n = el.parentElement; n; n = n.parentElement) {
      const button = SO.sites.submitButtonIn(n, site);
      if (button) return button.getBoundingClientRect();
    }
    return null;
  }

  /** What counts as a site control the badge must not cover. */
  const CONTROL =
    'button, a[href], input, select, textarea, [role="button"], [role="link"], [role="menuitem"], [role="tab"], [role="checkbox"], [role="switch"], [contenteditable="true"], [contenteditable=""]';

  /** The topmost page element at (x, y), looking through Second Opinion's own UI. */
  function pageElementAt(x, y) {
    for (const e of document.elementsFromPoint(x, y)) if (!SO.ui.owns(e)) return e;
    return null;
  }

  /** Would a badge box at (left, top) sit inside the viewport, clear of every site control? */
  function clear(composer, left, top, w, ht) {
    if (left < 2 || top < 2 || left + w > innerWidth - 2 || top + ht > innerHeight - 2) return false;
    const xs = [left + 1, left + w / 2, left + w - 1];
    const ys = [top + 1, top + ht / 2, top + ht - 1];
    for (const x of xs) {
      for (const y of ys) {
        const e = pageElementAt(x, y);
        if (!e) continue;
        if (composer.el.contains(e) || e.contains(composer.el)) {
          if (composer.el.contains(e)) return false; // over the text itself
          continue;
        }
        if (e.closest(CONTROL)) return false;
      }
    }
    return true;
  }

  /** Where a composer's badge goes: the first clear place of a few around the composer. */
  function badgePosition(composer, badge) {
    const r = composer.el.getBoundingClientRect();
    const w = badge.offsetWidth;
    const ht = badge.offsetHeight;
    const below = r.bottom + 2;
    const above = r.top - ht - 2;
    const right = r.right - w;
    const candidates = [
      [right, below],
      [r.left, below],
      [right, above],
      [r.left, above],
    ];
    const b = submitRect(composer.el);
    if (b) candidates.push([b.left - w - 4, b.top + (b.height - ht) / 2], [b.left - w - 4, below]);
    for (const [left, top] of candidates) if (clear(composer, left, top, w, ht)) return { left, top };
    // Nowhere clear (a crowded toolbar): below the box, off the submit control at least.
    const top = Math.min(below, innerHeight - 24);
    let left = Math.max(4, right);
    if (b && left < b.right && left + w > b.left && top < b.bottom && top + ht > b.top) left = Math.max(4, b.left - w - 4);
    return { left, top };
  }

  /** Re-places every badge and the open card in the next frame (scroll, resize, layout change). */
  function schedulePosition() {
    SO.mirror?.schedule();
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      for (const [composer, badge] of badges) {
        const r = composer.el.getBoundingClientRect();
        const hidden = r.width === 0 && r.height === 0;
        badge.style.visibility = hidden ? 'hidden' : '';
        if (hidden || badge.hidden) continue;
        // Measured away from where it was, so that it does not find itself in the way.
        badge.style.visibility = 'hidden';
        const { left, top } = badgePosition(composer, badge);
        badge.style.visibility = '';
        badge.style.top = `${top}px`;
        badge.style.left = `${left}px`;
      }
      SO.card.reposition();
    });
  }

  SO.overlay = {
    update,
    remove,
    openPanel,
    closePanel,
    schedulePosition,
    badgeFor: (c) => badges.get(c),
    get panelOpen() {
      return !!panel;
    },
  };
})();
