// The card for one finding: what was found, why (the GMC guidance behind it), the fixes,
// "Ignore" (this occurrence) and "Ignore rule". Opened by hover, click or the keyboard
// (Alt+Enter in a composer; see main.js).
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;
  const { h } = SO.ui;

  /** @type {Promise<Map<string, any>>|null} */
  let catalogue = null;

  /** The guidance catalogue from the background, fetched once per page. */
  function guidance() {
    if (!catalogue) {
      catalogue = SO.ext.runtime
        .sendMessage({ type: 'guidance' })
        .then((reply) => new Map((reply?.ok ? reply.guidance : []).map((g) => [g.id, g])))
        .catch(() => {
          catalogue = null;
          return new Map();
        });
    }
    return catalogue;
  }

  /** @type {{el: HTMLElement, composer: any, finding: any, byHover: boolean, fixing?: AbortController}|null} */
  let current = null;
  let hoverTimer = 0;

  function close({ refocus = false } = {}) {
    clearTimeout(hoverTimer);
    if (!current) return;
    const { el, composer } = current;
    current.fixing?.abort(); // a fix still waiting on the editor must not land after the card is gone
    current = null;
    el.remove();
    SO.highlights.focus(null);
    if (refocus) composer.focus();
  }

  /** Lines for one guidance entry. */
  function guidanceItem(g) {
    const where = g.paragraph ? `, paragraph ${g.paragraph}` : '';
    const title = `${g.document}: ${g.heading}${where}`;
    return h('li', {}, [
      g.url ? h('a', { href: g.url, target: '_blank', rel: 'noopener noreferrer', text: title }) : title,
      g.summary ? h('div', { text: g.summary }) : null,
    ]);
  }

  /**
   * Opens the card for `finding` in `composer`.
   * @param {any} composer
   * @param {any} finding
   * @param {{focus?: boolean, byHover?: boolean, rect?: DOMRect}} [opts]
   */
  async function open(composer, finding, opts = {}) {
    if (current && current.finding === finding && current.composer === composer) {
      if (!opts.byHover) current.byHover = false;
      if (opts.focus) current.el.querySelector('button')?.focus();
      return;
    }
    close();
    const id = `so-card-${Math.random().toString(36).slice(2)}`;
    const severity = finding.severity === 'warning' ? 'Warning' : 'Reminder';
    const label = SO.ui.CATEGORY_LABELS[finding.category] ?? finding.category;
    const list = h('ul', { class: 'guidance' });
    // The text the finding's offsets refer to: a fix pressed later is moved over any edit since.
    const base = composer.text;
    const status = h('p', { class: 'fix-status', role: 'status', 'data-fix-status': '', hidden: true });
    const fixes = (finding.fixes ?? []).map((fix, i) =>
      h('button', {
        type: 'button',
        class: i === 0 ? 'primary' : null,
        'data-fix': i,
        text: fix.label,
        onclick: () => applyFix(fix),
      }),
    );
    /** Applies a fix; the card closes when it is in, or says why not. */
    const applyFix = async (fix) => {
      for (const b of fixes) /** @type {HTMLButtonElement} */ (b).disabled = true;
      status.dataset.fixStatus = 'applying';
      const fixing = new AbortController();
      if (current?.el === el) current.fixing = fixing;
      const result = await composer.applyFix(finding, fix, base, fixing.signal);
      if (current?.el !== el) return;
      current.fixing = undefined;
      if (result === 'applied') {
        close();
        return;
      }
      status.dataset.fixStatus = result;
      status.textContent =
        result === 'changed'
          ? 'The text has changed — check again.'
          : 'This fix could not be applied cleanly. Check the text (Ctrl+Z undoes the change).';
      status.hidden = false;
      status.scrollIntoView({ block: 'nearest' });
      if (!composer.el.contains(document.activeElement)) /** @type {HTMLElement|null} */ (el.querySelector('.close'))?.focus();
    };
    const el = h('div', { class: 'card', role: 'dialog', 'aria-labelledby': `${id}-t`, 'aria-describedby': `${id}-m` }, [
      h('p', { class: 'kind', 'data-severity': finding.severity, text: `${label} · ${severity}` }),
      h('h2', { id: `${id}-t` }, ['“', h('span', { class: 'quote', text: finding.text }), '”']),
      h('p', { id: `${id}-m`, text: finding.message }),
      finding.guidance?.length ? h('h3', { text: 'GMC guidance' }) : null,
      list,
      status,
      h('div', { class: 'actions' }, [
        ...fixes,
        h('button', {
          type: 'button',
          'data-action': 'ignore',
          text: 'Ignore',
          title: 'Ignore this occurrence in this post',
          onclick: () => {
            close({ refocus: true });
            composer.ignoreOccurrence(finding);
          },
        }),
        // A category the organisation always warns about cannot be ignored as a rule.
        finding.enforced ? null : h('button', {
          type: 'button',
          'data-action': 'ignore-rule',
          text: 'Ignore rule',
          title: 'Never show this kind of warning again (undo in Settings)',
          onclick: () => {
            close({ refocus: true });
            composer.ignoreRule(finding.rule);
          },
        }),
      ]),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close', text: '×', onclick: () => close({ refocus: true }) }),
    ]);
    // Like every UI handler (see ui-styles.js), these ignore events the page synthesised.
    el.addEventListener(
      'keydown',
      SO.ui.trusted((e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close({ refocus: true });
        }
      }),
    );
    el.addEventListener('mouseenter', SO.ui.trusted(() => clearTimeout(hoverTimer)));
    el.addEventListener(
      'mouseleave',
      SO.ui.trusted(() => {
        if (current?.byHover) scheduleHoverClose();
      }),
    );
    SO.ui.layer().append(el);
    current = { el, composer, finding, byHover: !!opts.byHover };
    const range = composer.rangeFor(finding);
    SO.highlights.focus(range);
    const rect = opts.rect ?? range?.getClientRects()[0] ?? composer.el.getBoundingClientRect();
    SO.ui.place(el, rect);
    if (opts.focus) (fixes[0] ?? el.querySelector('button'))?.focus();
    const map = await guidance();
    for (const gid of finding.guidance ?? []) {
      const g = map.get(gid);
      if (g) list.append(guidanceItem(g));
    }
    if (current?.el === el) SO.ui.place(el, rect);
  }

  function scheduleHoverClose() {
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(() => {
      if (current?.byHover) close();
    }, 400);
  }

  SO.card = {
    open,
    close,
    guidance,
    scheduleHoverClose,
    cancelHoverClose: () => clearTimeout(hoverTimer),
    get current() {
      return current;
    },
  };
})();
