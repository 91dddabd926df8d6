// @ts-check
// The options page under an organisation policy: a summary at the top, and every control the
// policy fixes shows the organisation's value, is disabled (or read-only) and says who set it.
// Saving keeps the doctor's own values for those fields (keepUserValues in shared/policy.js).

import { CATEGORIES, SITES } from '../shared/settings.js';
import { describePolicy, isManaged, setBy } from '../shared/policy.js';
import { CATEGORY_LABELS, SITE_LABELS } from '../popup/labels.js';

const $ = (id) => /** @type {any} */ (document.getElementById(id));

/** Controls locked by the last applyPolicy(), so a changed policy can unlock them. */
let locked = [];

/**
 * Marks one control as set by the organisation.
 * @param {HTMLElement & {disabled?: boolean, readOnly?: boolean}} control
 * @param {string} note  text of the note placed after the control's row
 * @param {{readOnly?: boolean}} [opts]  read-only instead of disabled (text stays selectable)
 */
function lock(control, note, opts = {}) {
  const id = `${control.id}-locked`;
  const span = document.createElement('span');
  span.className = 'locked-note';
  span.id = id;
  span.textContent = note;
  const row = control.closest('.site, .category-mode') ?? control;
  row.after(span);
  if (opts.readOnly) {
    /** @type {any} */ (control).readOnly = true;
    control.setAttribute('aria-readonly', 'true');
  } else /** @type {any} */ (control).disabled = true;
  const described = control.getAttribute('aria-describedby');
  control.dataset.describedBefore = described ?? '';
  control.setAttribute('aria-describedby', [described, id].filter(Boolean).join(' '));
  control.classList.add('locked');
  locked.push(control);
}

function unlockAll() {
  for (const control of locked) {
    /** @type {any} */ (control).disabled = false;
    /** @type {any} */ (control).readOnly = false;
    control.removeAttribute('aria-readonly');
    const before = control.dataset.describedBefore;
    if (before) control.setAttribute('aria-describedby', before);
    else control.removeAttribute('aria-describedby');
    delete control.dataset.describedBefore;
    control.classList.remove('locked');
  }
  locked = [];
  for (const note of document.querySelectorAll('.locked-note')) note.remove();
  $('suggest-declaration').disabled = false;
}

/**
 * Shows the policy and locks what it sets. Call after every fillForm(): the form holds the
 * doctor's values and this puts the organisation's on top, for display.
 * @param {import('../shared/policy.js').Policy} policy
 * @param {string[]} problems  what was wrong in the policy (shown, not fatal)
 */
export function applyPolicy(policy, problems) {
  unlockAll();
  const managed = isManaged(policy);
  const banner = $('policy-banner');
  banner.hidden = !managed && !problems.length;
  document.body.dataset.managed = String(managed);
  const who = policy.organisation_name ?? 'Your organisation';
  $('policy-intro').textContent = managed
    ? `${who} manages some of these settings. You can see them but not change them; “Post anyway” always posts.`
    : 'Your organisation has a policy for Second Opinion, but nothing in it could be used.';
  const items = describePolicy(policy, { sites: SITE_LABELS, categories: CATEGORY_LABELS });
  $('policy-list').replaceChildren(...items.map((t) => Object.assign(document.createElement('li'), { textContent: t })));
  $('policy-problems').replaceChildren(
    ...problems.map((t) => Object.assign(document.createElement('li'), { textContent: `Policy problem: ${t}` })),
  );
  const note = setBy(policy);

  for (const site of SITES) {
    if (!(site in policy.sites)) continue;
    const input = $(`site-${site}`);
    input.checked = policy.sites[site];
    lock(input, `${note}: always ${policy.sites[site] ? 'on' : 'off'}`);
  }
  for (const cat of CATEGORIES) {
    if (!policy.warn_categories.includes(cat)) continue;
    const select = $(`mode-${cat}`);
    select.value = 'warn';
    lock(select, `${note}: always warn`);
  }
  if (policy.standing_declaration !== null) {
    $('standing-declaration').value = policy.standing_declaration;
    lock($('standing-declaration'), note, { readOnly: true });
    $('suggest-declaration').disabled = true;
  }
  if (policy.guard_required) {
    $('guard').checked = true;
    lock($('guard'), `${note}: always on`);
  }
  const rulesHint = $('ignored-rules-hint');
  rulesHint.dataset.text ??= rulesHint.textContent;
  rulesHint.textContent = policy.warn_categories.length
    ? `${rulesHint.dataset.text} They do not apply to the categories your organisation always warns about.`
    : rulesHint.dataset.text;
  const orgTerms = $('org-terms');
  orgTerms.hidden = !policy.ignored_terms.length;
  $('org-terms-hint').textContent = `Also never flagged (${note.charAt(0).toLowerCase()}${note.slice(1)}; you cannot remove these):`;
  $('org-terms-list').replaceChildren(
    ...policy.ignored_terms.map((t) => Object.assign(document.createElement('li'), { textContent: t })),
  );
}
