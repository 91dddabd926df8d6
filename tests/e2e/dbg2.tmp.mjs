import { launch } from './harness.mjs';
import { extensionCopy } from './fault-copies.mjs';
const fault = process.argv[2];
const copy = extensionCopy(fault);
const s = await launch({ extensionDir: copy.dir, expectWorker: fault !== 'broken-worker' });
try {
  const tab = await s.open('https://x.com/home');
  if (fault === 'delayed') await tab.isolated(`SecondOpinion.ext.storage.local.set({'test:checkDelayMs': 1500})`);
  await tab.page.locator('[data-fixture="main"] [data-testid="tweetTextarea_0"]').click();
  const t0 = Date.now();
  await tab.page.keyboard.type('Update NHS 943 476 5919 done');
  for (let i = 0; i < 6; i++) {
    console.log(Date.now() - t0, await tab.isolated(`(() => { const c = SecondOpinion.composers()[0]; return {err: c.checkerError, inFlight: c.inFlight, checked: c.checkedText, f: c.failures, n: c.findings.length, badge: SecondOpinion.overlay.badgeFor(c)?.getAttribute('aria-label')}; })()`));
    await tab.page.waitForTimeout(700);
  }
} finally { await s.close(); copy.remove(); }
