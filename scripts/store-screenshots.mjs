// @ts-check
// The store screenshots, made from the demo's own (scripts/demo.mjs --listing DIR): the X post
// with its highlights, the card, the popup shown over the X page as the toolbar button opens it,
// the guard on Facebook and the options page, each 1280×800 and without an alpha channel (the
// Chrome Web Store takes 1280×800 or 640×400, JPEG or 24-bit PNG).
/* global document -- used inside a function evaluated in the browser */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const WIDTH = 1280;
const HEIGHT = 800;

/** @param {string} file @returns {{width: number, height: number, colourType: number}} from the PNG header */
function pngHeader(file) {
  const b = readFileSync(file);
  if (b.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), colourType: b[25] };
}

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} demoDir  where the demo saved its screenshots
 * @param {string} outDir
 * @returns {Promise<string[]>} the files written
 */
export async function storeScreenshots(context, demoDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  const from = (name) => join(demoDir, `${name}.png`);
  const written = [];
  for (const [name, source] of [
    ['1-x-highlights', 'x-highlights'],
    ['2-x-card', 'x-card'],
    ['4-facebook-guard', 'facebook-guard'],
    ['5-options', 'options'],
  ]) {
    copyFileSync(from(source), join(outDir, `${name}.png`));
    written.push(join(outDir, `${name}.png`));
  }
  // The popup (400 px wide) over the page it belongs to, where the toolbar button would open it.
  const data = (name) => `data:image/png;base64,${readFileSync(from(name)).toString('base64')}`;
  const page = await context.newPage();
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  await page.setContent(`<!doctype html><body style="margin:0;overflow:hidden">
    <img src="${data('x-highlights')}" style="position:absolute;inset:0;width:${WIDTH}px;height:${HEIGHT}px;filter:brightness(.92)">
    <img src="${data('x-popup')}" style="position:absolute;top:12px;right:24px;width:400px;border:1px solid #c4c7c5;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.35)">
  </body>`);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  const popup = join(outDir, '3-x-popup.png');
  await page.screenshot({ path: popup });
  await page.close();
  written.push(popup);
  written.sort();
  for (const file of written) {
    const h = pngHeader(file);
    if (h.width !== WIDTH || h.height !== HEIGHT || h.colourType !== 2) {
      throw new Error(`${file}: ${h.width}×${h.height}, PNG colour type ${h.colourType}; the stores want ${WIDTH}×${HEIGHT} RGB`);
    }
  }
  return written;
}
