// The composer badge (warnings / reminders) and the list it opens. One badge per composer,
// placed just below the composer's bottom-right corner and kept there on scroll and resize.
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
    if (refocus) composer.focus();
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
          text: `${f.severity === 'warning' ? '⚠' : 'ℹ'} “${f.text}” — ${SO.ui.CATEGORY_LABELS[f.category] ?? f.category}`,
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
    SO.ui.layer().append(el);
    panel = { el, composer };
    const badge = badges.get(composer);
    SO.ui.place(el, (badge ?? composer.el).getBoundingClientRect());
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
      label = `Second Opinion: ${plural(warnings, 'warning', 'warnings')}, ${plural(reminders, 'reminder', 'reminders')}`;
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

  /** Re-places every badge in the next frame (scroll, resize, layout change). */
  function schedulePosition() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      for (const [composer, badge] of badges) {
        const r = composer.el.getBoundingClientRect();
        const hidden = r.width === 0 && r.height === 0;
        badge.style.visibility = hidden ? 'hidden' : '';
        const top = Math.min(r.bottom + 2, innerHeight - 24);
        let left = Math.max(4, r.right - badge.offsetWidth);
        // Never over the site's own submit control (LinkedIn's "Post" sits right below the box).
        const b = submitRect(composer.el);
        if (b && left < b.right && left + badge.offsetWidth > b.left && top < b.bottom && top + badge.offsetHeight > b.top) {
          left = Math.max(4, b.left - badge.offsetWidth - 4);
        }
        badge.style.top = `${top}px`;
        badge.style.left = `${left}px`;
      }
      const card = SO.card.current;
      if (card) {
        const rect = card.composer.rangeFor(card.finding)?.getClientRects()[0];
        if (rect) SO.ui.place(card.el, rect);
      }
    });
  }

  SO.overlay = { update, remove, openPanel, closePanel, schedulePosition, badgeFor: (c) => badges.get(c) };
})();
