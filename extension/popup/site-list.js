// @ts-check
// The popup's list of every site with its switch (the same switches as the options page); a
// site the organisation's policy fixes is shown locked.
import { loadSettings, saveSettings } from '../shared/settings.js';
import { setBy } from '../shared/policy.js';
import { SITE_INFO } from '../shared/sites.js';

/**
 * (Re)draws the list into #site-list.
 * @param {import('../shared/settings.js').Settings} settings  the effective settings
 * @param {import('../shared/policy.js').Policy} policy
 */
export function renderSiteList(settings, policy) {
  const list = /** @type {HTMLElement} */ (document.getElementById('site-list'));
  const items = SITE_INFO.map((s) => {
    const li = document.createElement('li');
    const label = document.createElement('label');
    label.className = 'switch';
    const input = Object.assign(document.createElement('input'), { type: 'checkbox', id: `site-list-${s.key}` });
    input.setAttribute('role', 'switch');
    input.checked = settings.sites[s.key] !== false;
    const fixed = s.key in policy.sites;
    input.disabled = fixed;
    const name = Object.assign(document.createElement('span'), { textContent: s.label });
    const hosts = Object.assign(document.createElement('span'), { className: 'muted', textContent: ` ${s.runtime ? 'servers you enable with "Enable on this site"' : s.hosts.join(', ')}` });
    label.append(input, name, hosts);
    li.append(label);
    if (fixed) {
      const note = Object.assign(document.createElement('span'), {
        className: 'locked-note',
        id: `site-list-${s.key}-locked`,
        textContent: setBy(policy),
      });
      input.setAttribute('aria-describedby', note.id);
      li.append(note);
    }
    input.addEventListener('change', async () => {
      if (input.disabled) return;
      const stored = await loadSettings();
      stored.sites[s.key] = input.checked;
      await saveSettings(stored);
    });
    return li;
  });
  list.replaceChildren(...items);
}
