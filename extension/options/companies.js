// Company names for the declared-interest autocomplete, from the checker's own lexicon.
// The WASM build exposes them as `companyNames()` on the Checker (static or instance); older
// builds lack it, and then the list is simply empty.

/**
 * @returns {Promise<string[]>} sorted, de-duplicated company names; [] when unavailable
 */
export async function companyNames() {
  try {
    const mod = await import('../../pkg/second_opinion.js');
    await mod.default();
    const { Checker } = mod;
    let names = null;
    if (typeof Checker?.companyNames === 'function') names = Checker.companyNames();
    else if (typeof Checker?.prototype?.companyNames === 'function') {
      const checker = new Checker(null);
      try {
        names = checker.companyNames();
      } finally {
        checker.free?.();
      }
    } else if (typeof mod.companyNames === 'function') names = mod.companyNames();
    if (!Array.isArray(names)) return [];
    const strings = names.filter((n) => typeof n === 'string' && n.trim());
    return [...new Set(strings)].sort((a, b) => a.localeCompare(b));
  } catch (e) {
    console.info('Second Opinion: company names unavailable for autocomplete.', e);
    return [];
  }
}
