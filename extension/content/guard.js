// The guard on submit: a post with warnings (or with a check still pending) is stopped in the
// capture phase before the page sees the click or key, and a role="alertdialog" asks "Review
// post" or "Post anyway" (which replays the original action exactly once). Clean posts and posts
// with only reminders pass untouched. If the checker is broken the post is never blocked; a
// notice says it was not checked.
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;
  const { h } = SO.ui;

  /** While true, the replayed event passes the guard. */
  let replaying = false;
  /** @type {HTMLElement|null} */
  let dialog = null;
  /** How long a submit waits for a pending check before deciding (ms). */
  const PENDING_WAIT = 2000;

  /** Shows a short message at the bottom of the page. */
  function notice(text) {
    const el = h('div', { class: 'notice', role: 'status', text });
    SO.ui.layer().append(el);
    setTimeout(() => el.remove(), 6000);
  }

  function closeDialog() {
    dialog?.remove();
    dialog = null;
  }

  /**
   * Opens the guard dialog.
   * @param {any[]} composers
   * @param {() => void} postAnyway
   */
  function openDialog(composers, postAnyway) {
    closeDialog();
    const warnings = composers.flatMap((c) => c.visibleFindings().filter((f) => f.severity === 'warning').map((f) => [c, f]));
    const review = h('button', {
      type: 'button',
      class: 'primary',
      text: 'Review post',
      onclick: () => {
        closeDialog();
        const [composer, finding] = warnings[0] ?? [composers[0], null];
        if (finding) composer.reveal(composer.visibleFindings().indexOf(finding), { openCard: true });
        else composer.focus();
      },
    });
    const anyway = h('button', {
      type: 'button',
      text: 'Post anyway',
      onclick: () => {
        closeDialog();
        postAnyway();
      },
    });
    const box = h('div', { class: 'guard', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'so-guard-title', 'aria-describedby': 'so-guard-desc' }, [
      h('h2', { id: 'so-guard-title', text: 'Post this? Second Opinion has concerns' }),
      h('p', {
        id: 'so-guard-desc',
        text:
          warnings.length === 1
            ? 'This post has a warning you may want to review before it is published:'
            : `This post has ${warnings.length} warnings you may want to review before it is published:`,
      }),
      h('ul', {}, warnings.map(([, f]) => h('li', {}, [h('strong', { text: `“${f.text}”` }), ` — ${f.message}`]))),
      h('div', { class: 'actions' }, [anyway, review]),
    ]);
    const scrim = h('div', { class: 'scrim' }, [box]);
    scrim.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        review.click();
      } else if (e.key === 'Tab') {
        // Keep focus inside the dialog.
        e.preventDefault();
        (SO.ui.root().activeElement === review ? anyway : review).focus();
      }
      e.stopPropagation();
    });
    SO.ui.layer().append(scrim);
    dialog = scrim;
    review.focus();
  }

  /**
   * Decides about a submit attempt; returns true if the event was stopped.
   * @param {Event} event
   * @param {any[]} composers
   * @param {() => void} replay  carries out the original action again
   */
  function intercept(event, composers, replay) {
    if (replaying || !composers.length) return false;
    const states = composers.map((c) => c.submitState());
    if (states.every((s) => s === 'clean' || s === 'unchecked')) {
      if (states.includes('unchecked')) notice('Second Opinion could not check this post: the checker is not available.');
      return false;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    const postAnyway = () => {
      replaying = true;
      try {
        replay();
      } finally {
        replaying = false;
      }
    };
    if (states.includes('pending')) {
      Promise.all(composers.map((c) => c.settled(PENDING_WAIT))).then(() => {
        const after = composers.map((c) => c.submitState());
        if (after.includes('warning')) openDialog(composers, postAnyway);
        else {
          if (after.some((s) => s !== 'clean')) notice('Second Opinion could not check this post in time.');
          postAnyway();
        }
      });
    } else {
      openDialog(composers, postAnyway);
    }
    return true;
  }

  /** Replays a click on `button` (the page's own handler then runs once). */
  const replayClick = (button) => () => button.click();

  /** Replays a keydown on `target` with the same key and modifiers. */
  const replayKey = (target, e) => () => {
    const init = {
      key: e.key,
      code: e.code,
      keyCode: e.keyCode,
      which: e.which,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      shiftKey: e.shiftKey,
      altKey: e.altKey,
      bubbles: true,
      cancelable: true,
      composed: true,
    };
    target.dispatchEvent(new KeyboardEvent('keydown', init));
  };

  SO.guard = {
    intercept,
    replayClick,
    replayKey,
    notice,
    closeDialog,
    get open() {
      return !!dialog;
    },
  };
})();
