// The card for one finding, kept small: what is wrong in one sentence, the fix buttons, then one
// line of guidance ("GMC social media guidance, para 20 ↗") that expands on demand (the rest of
// the message and every guidance entry). Opened by hover, click or the keyboard (Alt+Enter in a
// composer; see main.js).
//
// Placement: below the flagged line, or above it, never over it; clamped to the viewport, and
// re-placed with its highlight on scroll and resize (reposition(), from overlay.js). It closes
// when the highlight leaves view, on Escape from anywhere (main.js), when focus moves out of it,
// and when Tab or Shift+Tab walks off either end; focus then returns to the caret.
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

  /** Identifier rules: "Always ignore this term" is never offered for them. */
  const IDENTIFIERS = new Set([
    'nhs-number', 'chi-number', 'hospital-number', 'date-of-birth', 'postcode', 'phone-number',
    'email-address', 'ni-number', 'patient-reference', 'patient-image',
  ]);
  /** Conflict-of-interest warnings a declaration answers ("Add a declaration…" when no fix does). */
  const DECLARABLE = new Set(['undeclared-promotion', 'sponsored-event', 'service-promotion', 'product-promotion']);
  /** The learned scorer's findings are sentences, not terms. */
  const SCORER = new Set(['patient-story', 'product-promotion', 'blurred-boundary', 'disrespectful-tone']);
  /** Longest text offered as a term (settings accept 100 characters, shared/settings.js). */
  const TERM_MAX = 60;

  /**
   * @type {{el: HTMLElement, composer: any, finding: any, byHover: boolean, fixing?: AbortController,
   *   busy?: boolean}|null}
   */
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
    // Back to the caret, unless focus is already in the editor (a card opened by a click).
    if (refocus && !composer.el.contains(document.activeElement)) composer.focus();
  }

  /** "GMC social media guidance", "GMC Good medical practice", … for a guidance document. */
  function shortDocument(g) {
    const d = g.document;
    if (/social media/i.test(d)) return 'GMC social media guidance';
    if (/boundaries/i.test(d)) return 'GMC boundaries guidance';
    if (/conflicts of interest/i.test(d)) return 'GMC conflicts of interest guidance';
    if (/^confidentiality/i.test(d)) return 'GMC confidentiality guidance';
    if (/recordings/i.test(d)) return 'GMC recordings guidance';
    return `GMC ${d.replace(/\s*\(\d{4}\)$/, '')}`;
  }

  /** The one-line reference for a guidance entry: "GMC social media guidance, para 20". */
  function guidanceRef(g) {
    return g.paragraph ? `${shortDocument(g)}, para ${g.paragraph}` : `${shortDocument(g)}: ${g.heading}`;
  }

  /** One entry of the expanded guidance. */
  function guidanceItem(g) {
    const where = g.paragraph ? `, paragraph ${g.paragraph}` : '';
    const title = `${g.document}: ${g.heading}${where}`;
    return h('li', { 'data-guidance': g.id }, [
      g.url ? h('a', { href: g.url, target: '_blank', rel: 'noopener noreferrer', text: title }) : title,
      g.summary ? h('div', { text: g.summary }) : null,
    ]);
  }

  /** The message split into its first sentence and the rest. */
  function firstSentence(message) {
    const parts = String(message ?? '').split(/(?<=[.!?])\s+(?=[A-Z“"(])/);
    return [parts[0] ?? '', parts.slice(1).join(' ')];
  }

  /** Focusable controls of the card, in order. */
  const focusables = (el) =>
    [...el.querySelectorAll('button, a[href], input')].filter(
      (b) => !(/** @type {any} */ (b).disabled) && !b.closest('[hidden]') && b.getClientRects().length,
    );

  /**
   * Opens the card for `finding` in `composer`.
   * @param {any} composer
   * @param {any} finding
   * @param {{focus?: boolean, byHover?: boolean, rect?: DOMRect}} [opts]
   */
  async function open(composer, finding, opts = {}) {
    if (current && current.finding === finding && current.composer === composer) {
      if (!opts.byHover) current.byHover = false;
      if (opts.focus) /** @type {HTMLElement|null} */ (current.el.querySelector('button'))?.focus({ preventScroll: true });
      return;
    }
    close();
    const id = `so-card-${Math.random().toString(36).slice(2)}`;
    const severity = finding.severity === 'warning' ? 'Warning' : 'Reminder';
    const label = SO.ui.CATEGORY_LABELS[finding.category] ?? finding.category;
    const [sentence, rest] = firstSentence(finding.message);
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
    /** @type {HTMLButtonElement[]} every button that changes the post, disabled while one works */
    const changers = /** @type {any[]} */ ([...fixes]);
    /** Applies a fix; the card closes when it is in, or says why not. */
    const applyFix = async (fix, after = null) => {
      for (const b of changers) b.disabled = true;
      status.dataset.fixStatus = 'applying';
      const fixing = new AbortController();
      if (current?.el === el) current.fixing = fixing;
      const result = await composer.applyFix(finding, fix, base, fixing.signal);
      if (current?.el !== el) return;
      current.fixing = undefined;
      if (result === 'applied') {
        after?.();
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

    // "Add a declaration…": a warning a declaration would answer, with no declaration fix (no
    // standing declaration set, no declared interest to write one from).
    const hasDeclaration = (finding.fixes ?? []).some((f) => /declaration/i.test(f.label));
    const declarable = finding.severity === 'warning' && DECLARABLE.has(finding.rule) && !hasDeclaration;
    /** @type {HTMLElement|null} */
    let declareForm = null;
    if (declarable) {
      const input = /** @type {HTMLInputElement} */ (
        h('input', { type: 'text', id: `${id}-decl`, maxlength: 600, placeholder: 'Disclosure: I have received speaker fees from …', autocomplete: 'off' })
      );
      const save = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: `${id}-save`, checked: true }));
      const insert = /** @type {HTMLButtonElement} */ (
        h('button', {
          type: 'button',
          class: 'primary',
          'data-action': 'insert-declaration',
          text: 'Insert',
          onclick: () => submitDeclaration(),
        })
      );
      changers.push(insert);
      const submitDeclaration = () => {
        const line = input.value.replace(/\s+/g, ' ').trim();
        if (!line) {
          input.focus();
          return;
        }
        const end = base.length;
        const keep = save.checked;
        applyFix({ label: 'Add a declaration', replacement: `\n\n${line}`, start: end, end }, () => {
          if (keep) SO.ext.runtime.sendMessage({ type: 'set-declaration', text: line }).catch(() => {});
        });
      };
      input.addEventListener(
        'keydown',
        SO.ui.trusted((e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submitDeclaration();
          }
        }),
      );
      declareForm = h('div', { class: 'declare', hidden: true }, [
        h('label', { for: input.id, text: 'Your declaration (added at the end of the post)' }),
        input,
        h('div', { class: 'save' }, [save, h('label', { for: save.id, text: 'Also save it as my standing declaration' })]),
        h('div', { class: 'actions' }, [insert]),
      ]);
    }

    const more = h('div', { class: 'guidance-more', id: `${id}-more`, hidden: true }, [
      rest ? h('p', { text: rest }) : null,
    ]);
    const moreList = h('ul');
    more.append(moreList);
    const toggle = h('button', {
      type: 'button',
      class: 'more',
      'aria-expanded': 'false',
      'aria-controls': more.id,
      text: finding.guidance?.length ? 'GMC guidance' : 'More about this',
      onclick: () => {
        const open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', String(open));
        more.hidden = !open;
        reposition();
      },
    });
    const link = h('a', { target: '_blank', rel: 'noopener noreferrer', text: '↗', hidden: true });
    const guidanceLine = h('div', { class: 'guidance-line' }, [toggle, link]);

    const term = String(finding.text ?? '').trim();
    const canIgnoreTerm =
      !finding.enforced && !IDENTIFIERS.has(finding.rule) && !SCORER.has(finding.rule) && term.length > 0 && term.length <= TERM_MAX && term.split(/\s+/).length <= 5;
    const others = composer.visibleFindings().length > 1;
    const el = h('div', { class: 'card', role: 'dialog', tabindex: '-1', 'aria-labelledby': `${id}-t`, 'aria-describedby': `${id}-m`, 'data-rule': finding.rule }, [
      h('p', { class: 'kind', 'data-severity': finding.severity, text: `${label} · ${severity}` }),
      h('h2', { id: `${id}-t` }, ['“', h('span', { class: 'quote', text: finding.text }), '”']),
      h('p', { class: 'message', id: `${id}-m`, text: sentence }),
      status,
      fixes.length || declarable
        ? h('div', { class: 'actions' }, [
            ...fixes,
            declarable
              ? h('button', {
                  type: 'button',
                  class: fixes.length ? null : 'primary',
                  'data-action': 'add-declaration',
                  'aria-expanded': 'false',
                  text: 'Add a declaration…',
                  onclick: (e) => {
                    const form = /** @type {HTMLElement} */ (declareForm);
                    form.hidden = !form.hidden;
                    /** @type {HTMLElement} */ (e.currentTarget).setAttribute('aria-expanded', String(!form.hidden));
                    reposition();
                    if (!form.hidden) /** @type {HTMLElement} */ (form.querySelector('input')).focus({ preventScroll: true });
                  },
                })
              : null,
          ])
        : null,
      declareForm,
      h('div', { class: 'actions secondary' }, [
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
        // A category the organisation always warns about cannot be ignored as a rule or a term.
        finding.enforced
          ? null
          : h('button', {
              type: 'button',
              'data-action': 'ignore-rule',
              text: 'Ignore rule',
              title: 'Never show this kind of warning again (undo in Settings)',
              onclick: () => {
                close({ refocus: true });
                composer.ignoreRule(finding.rule);
              },
            }),
        canIgnoreTerm
          ? h('button', {
              type: 'button',
              'data-action': 'ignore-term',
              text: 'Always ignore this term',
              title: `Never flag “${term}” again (added to Ignored terms in Settings)`,
              onclick: () => {
                close({ refocus: true });
                composer.ignoreTerm(term);
              },
            })
          : null,
        others
          ? h('button', {
              type: 'button',
              'data-action': 'dismiss-all',
              text: 'Dismiss all for this post',
              onclick: () => {
                close({ refocus: true });
                composer.dismissAll();
              },
            })
          : null,
      ]),
      guidanceLine,
      more,
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close', text: '×', onclick: () => close({ refocus: true }) }),
    ]);
    // Like every UI handler (see ui-styles.js), these ignore events the page synthesised.
    el.addEventListener(
      'keydown',
      SO.ui.trusted((e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close({ refocus: true });
        } else if (e.key === 'Tab') {
          // Walking off either end leaves the card: it closes and the caret comes back.
          const list = focusables(el);
          const at = list.indexOf(/** @type {any} */ (SO.ui.root().activeElement));
          if ((e.shiftKey && at <= 0) || (!e.shiftKey && at === list.length - 1)) {
            e.preventDefault();
            close({ refocus: true });
          }
        }
        // Typing in the declaration field is the card's, not the site's keyboard shortcuts'.
        e.stopPropagation();
      }),
    );
    el.addEventListener(
      'focusout',
      SO.ui.trusted((e) => {
        const to = /** @type {Node|null} */ (e.relatedTarget);
        // Focus moved to something else (a null target is the window losing focus: stay open).
        if (!to || current?.el !== el || current.fixing || el.contains(to)) return;
        close();
      }),
    );
    el.addEventListener('mouseenter', SO.ui.trusted(() => clearTimeout(hoverTimer)));
    el.addEventListener(
      'mouseleave',
      SO.ui.trusted(() => {
        if (current?.byHover) scheduleHoverClose();
      }),
    );
    const theme = SO.ui.syncTheme(composer.el);
    SO.ui.layer().append(el);
    current = { el, composer, finding, byHover: !!opts.byHover };
    SO.highlights.focus(composer.rangesFor(finding), theme);
    reposition(opts.rect);
    if (opts.focus) /** @type {HTMLElement|undefined} */ (fixes[0] ?? el.querySelector('button'))?.focus({ preventScroll: true });
    const map = await guidance();
    if (current?.el !== el) return;
    const entries = (finding.guidance ?? []).map((gid) => map.get(gid)).filter(Boolean);
    if (entries.length) {
      toggle.textContent = entries.length > 1 ? `${guidanceRef(entries[0])} (+${entries.length - 1})` : guidanceRef(entries[0]);
      toggle.setAttribute('aria-label', `GMC guidance: ${entries.map(guidanceRef).join('; ')}. Show more`);
      if (entries[0].url) {
        link.setAttribute('href', entries[0].url);
        link.setAttribute('aria-label', `Open ${entries[0].document} on the GMC website`);
        link.hidden = false;
      }
      moreList.append(...entries.map(guidanceItem));
    } else if (!rest) guidanceLine.hidden = true;
    reposition(opts.rect);
  }

  /** The current client rects of the open card's finding (found again after edits), or null. */
  function anchorRect() {
    if (!current) return null;
    const { composer, finding } = current;
    let range = composer.rangeFor(finding);
    if (!range) {
      // The findings were moved over an edit (new objects): the same rule and text, nearest.
      let best = null;
      for (const f of composer.visibleFindings()) {
        if (f.rule !== finding.rule || f.text !== finding.text) continue;
        if (!best || Math.abs(f.start - finding.start) < Math.abs(best.start - finding.start)) best = f;
      }
      range = best && composer.rangeFor(best);
    }
    if (!range) return null;
    const rects = [...range.getClientRects()].filter((r) => r.width || r.height);
    if (!rects.length) return null;
    return {
      top: Math.min(...rects.map((r) => r.top)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
      left: Math.min(...rects.map((r) => r.left)),
      right: Math.max(...rects.map((r) => r.right)),
    };
  }

  /**
   * Places the open card beside its highlight; closes it when the highlight has left view (the
   * window or the composer's own scrolling box). `fallback` is used when the text has no rects.
   */
  function reposition(fallback = null) {
    if (!current) return;
    const { el, composer } = current;
    const anchor = anchorRect() ?? fallback;
    if (!anchor) {
      if (!composer.el.isConnected) close();
      return;
    }
    const box = composer.el.getBoundingClientRect();
    const outOfView =
      anchor.bottom <= 0 ||
      anchor.top >= innerHeight ||
      anchor.right <= 0 ||
      anchor.left >= innerWidth ||
      (box.height > 0 && (anchor.bottom <= box.top || anchor.top >= box.bottom));
    if (outOfView) {
      close({ refocus: el.contains(SO.ui.root().activeElement) });
      return;
    }
    SO.ui.placeBeside(el, anchor);
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
    reposition,
    scheduleHoverClose,
    cancelHoverClose: () => clearTimeout(hoverTimer),
    get current() {
      return current;
    },
  };
})();
