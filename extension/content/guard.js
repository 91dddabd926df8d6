// The guard on submit. A submit attempt (click, Enter or Space on the Post button, Ctrl/Cmd+Enter,
// Enter in a comment box) is stopped in the capture phase, before the page sees it, unless every
// composer it would publish has been checked, as it reads now, and is clean. Otherwise the post is
// held by one role="alertdialog":
//   - checking: "Checking…" while an answer is awaited (shown after a moment, so a check that is
//     only milliseconds late does not flash a dialog); the answer releases a clean post by itself;
//   - warning: "Review post" or "Post anyway";
//   - unchecked: no answer within GUARD_WAIT_MS, or the checker is broken: the dialog says plainly
//     that the post has not been checked and offers the same two choices; a late answer updates it.
// "Post anyway" replays the original action exactly once; "Review post" publishes nothing. So a
// post is never blocked for good and never goes out silently unchecked.
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;
  const { h } = SO.ui;

  /** How long a held post waits for its check before the doctor is asked (ms). */
  const GUARD_WAIT_MS = 4000;
  /** A hold shorter than this shows nothing (ms). */
  const SHOW_CHECKING_AFTER_MS = 250;

  /** While true, the replayed event passes the guard. */
  let replaying = false;
  /** @type {Hold|null} the one held submit attempt */
  let hold = null;

  /** Shows a short message at the bottom of the page. */
  function notice(text) {
    const el = h('div', { class: 'notice', role: 'status', text });
    SO.ui.layer().append(el);
    setTimeout(() => el.remove(), 6000);
  }

  class Hold {
    /**
     * @param {() => any[]|null} resolve  the composers this submit publishes, as they are now
     *   (null: the post box has gone)
     * @param {() => boolean} replay  carries out the original action again; false if it cannot
     */
    constructor(resolve, replay) {
      this.resolve = resolve;
      this.replay = replay;
      /** @type {'waiting'|'checking'|'warning'|'unchecked'|'checked'} */
      this.phase = 'waiting';
      this.expired = false;
      /** @type {Set<any>} composers asked to retry after an error (once per hold) */
      this.retried = new Set();
      /** @type {HTMLElement|null} */
      this.scrim = null;
      /** @type {any[]} */
      this.composers = [];
      this.timers = [
        setTimeout(() => this.phase === 'waiting' && this.show('checking'), SHOW_CHECKING_AFTER_MS),
        setTimeout(() => {
          this.expired = true;
          this.evaluate();
        }, GUARD_WAIT_MS),
      ];
    }

    /** Decides again from the composers' current states (after each answer, removal, timeout). */
    evaluate() {
      if (hold !== this) return;
      const composers = this.resolve();
      if (!composers?.length) {
        this.end();
        notice('The post box was closed, so nothing was posted.');
        return;
      }
      this.composers = composers;
      let states = composers.map((c) => c.submitState());
      // A composer in error gets one fresh attempt: a stopped worker restarts on it.
      composers.forEach((c, i) => {
        if (states[i] === 'unchecked' && !this.retried.has(c)) {
          this.retried.add(c);
          c.retryNow();
        }
      });
      // The retry is waited for like any check (within the bound): after a worker restart it
      // usually answers at once, and a checker that cannot load answers with its error at once.
      states = composers.map((c) => c.submitState());
      const pending = states.includes('pending');
      if (pending && !this.expired) {
        if (this.phase !== 'waiting') this.show('checking');
      } else if (states.includes('warning')) {
        this.show('warning');
      } else if (pending || states.includes('unchecked')) {
        this.show('unchecked');
      } else if (this.phase === 'waiting' || this.phase === 'checking') {
        // Checked and clean: the answer releases the post.
        this.postAnyway();
      } else {
        this.show('checked');
      }
    }

    /** Closes the dialog and forgets the hold. */
    end() {
      for (const t of this.timers) clearTimeout(t);
      this.scrim?.remove();
      this.scrim = null;
      if (hold === this) hold = null;
    }

    postAnyway() {
      this.end();
      // A card left open (from "Review post") would cover the composer once the post is out.
      SO.card.close();
      SO.overlay.closePanel();
      replaying = true;
      let done;
      try {
        done = this.replay();
      } finally {
        replaying = false;
      }
      if (!done) notice('The post box changed while Second Opinion was checking it, so nothing was posted. Press Post again.');
    }

    review() {
      this.end();
      const warnings = this.warnings();
      const [composer, finding] = warnings[0] ?? [this.composers.find((c) => c.el.isConnected), null];
      if (finding) composer.reveal(composer.visibleFindings().indexOf(finding), { openCard: true });
      else composer?.focus();
    }

    warnings() {
      return this.composers.flatMap((c) => c.visibleFindings().filter((f) => f.severity === 'warning').map((f) => [c, f]));
    }

    /** Shows (or replaces) the dialog for `phase`; keeps it as it is if the phase is unchanged. */
    show(phase) {
      if (this.phase === phase && this.scrim) return;
      this.phase = phase;
      SO.stats.guard[phase] = (SO.stats.guard[phase] ?? 0) + 1;
      const review = h('button', { type: 'button', class: 'primary', text: 'Review post', onclick: () => this.review() });
      const post = h('button', { type: 'button', text: phase === 'checked' ? 'Post' : 'Post anyway', onclick: () => this.postAnyway() });
      const content = this.content(phase);
      const box = h(
        'div',
        {
          class: 'guard',
          role: 'alertdialog',
          'aria-modal': 'true',
          'aria-busy': phase === 'checking' ? 'true' : 'false',
          'aria-labelledby': 'so-guard-title',
          'aria-describedby': 'so-guard-desc',
          'data-phase': phase,
        },
        [...content, h('div', { class: 'actions' }, phase === 'checking' ? [review] : [post, review])],
      );
      const scrim = h('div', { class: 'scrim' }, [box]);
      const buttons = [...box.querySelectorAll('button')];
      scrim.addEventListener(
        'keydown',
        SO.ui.trusted((e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            this.review();
          } else if (e.key === 'Tab') {
            // Keep focus inside the dialog.
            e.preventDefault();
            const i = buttons.indexOf(/** @type {any} */ (SO.ui.root().activeElement));
            buttons[(i + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length].focus();
          }
          e.stopPropagation();
        }),
      );
      this.scrim?.remove();
      // The dialog is modal: no card or list stays open behind it.
      SO.card.close();
      SO.overlay.closePanel();
      SO.ui.layer().append(scrim);
      this.scrim = scrim;
      review.focus();
    }

    /** Title, description and details for a phase. */
    content(phase) {
      const title = (text) => h('h2', { id: 'so-guard-title', text });
      const desc = (text, cls = null) => h('p', { id: 'so-guard-desc', class: cls, text });
      if (phase === 'checking') {
        return [title('Checking…'), desc('Second Opinion is checking this post before it is published.')];
      }
      if (phase === 'checked') {
        return [title('Checked: nothing to flag'), desc('Second Opinion has now checked this post and found nothing to flag.')];
      }
      const unchecked = this.composers.filter((c) => c.checkerError || !['clean', 'warning'].includes(c.submitState()));
      const why = unchecked.find((c) => c.checkerError)?.checkerError;
      const notChecked = why
        ? `Second Opinion can't check posts right now (${why}), so this post has not been checked for patient details or undeclared interests.`
        : `Second Opinion's checker did not answer within ${GUARD_WAIT_MS / 1000} seconds, so this post has not been checked for patient details or undeclared interests.`;
      if (phase === 'unchecked') return [title('This post has not been checked'), desc(notChecked, 'unchecked')];
      const warnings = this.warnings();
      return [
        title('Post this? Second Opinion has concerns'),
        desc(
          // One line per finding: a concern highlighted in several places is still one concern.
          warnings.length === 1
            ? 'This post has 1 concern you may want to review before it is published:'
            : `This post has ${warnings.length} concerns you may want to review before it is published:`,
        ),
        h('ul', {}, warnings.map(([, f]) => h('li', {}, [h('strong', { text: SO.parts.quote(f) }), ` — ${f.message}`]))),
        unchecked.length ? h('p', { class: 'unchecked', text: `Part of it has not been checked: ${notChecked}` }) : null,
      ];
    }
  }

  /**
   * Decides about a submit attempt; returns true if the event was stopped.
   * @param {Event} event
   * @param {() => any[]|null} resolve  the composers this submit publishes, looked up afresh
   * @param {() => boolean} replay  carries out the original action again
   */
  function intercept(event, resolve, replay) {
    if (replaying) return false;
    const composers = resolve();
    if (!composers?.length) return false;
    if (hold) {
      // Already held (e.g. Post pressed twice): one dialog, one decision.
      event.preventDefault();
      event.stopImmediatePropagation();
      return true;
    }
    if (composers.every((c) => c.submitState() === 'clean')) return false;
    event.preventDefault();
    event.stopImmediatePropagation();
    hold = new Hold(resolve, replay);
    hold.evaluate();
    return true;
  }

  /** Re-evaluates the held post, if any (a check answered, a composer went away). */
  function reevaluate() {
    hold?.evaluate();
  }

  /** Replays a click on `button` (the page's own handler then runs once). */
  const replayClick = (button) => () => {
    if (!button.isConnected) return false;
    button.click();
    return true;
  };

  /**
   * Replays a key press on `target` with the same key and modifiers: keydown, then keyup (a
   * role="button" may act on either; native buttons are replayed with replayClick instead,
   * because a synthetic key press does not activate them).
   */
  const replayKey = (target, e) => () => {
    if (!target.isConnected) return false;
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
    target.dispatchEvent(new KeyboardEvent('keyup', init));
    return true;
  };

  SO.guard = {
    intercept,
    reevaluate,
    replayClick,
    replayKey,
    notice,
    GUARD_WAIT_MS,
    closeDialog: () => hold?.end(),
    get open() {
      return !!hold;
    },
    get phase() {
      return hold?.phase ?? null;
    },
  };
})();
