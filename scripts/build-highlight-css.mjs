// Writes extension/generated/highlights.css (git-ignored; `make build` runs this): the
// ::highlight() rules the pages need, taken from extension/content/highlights.js, where they are
// defined once (the textarea mirror's shadow root uses the same rules from there, ui-styles.js).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = 'extension/content/highlights.js';
const out = join(root, 'extension', 'generated', 'highlights.css');

// The content script as the browser runs it, in a context without the Highlight API.
const context = vm.createContext({ SecondOpinion: {} });
vm.runInContext(readFileSync(join(root, source), 'utf8'), context, { filename: source });
const rules = context.SecondOpinion.highlights.CSS_RULES;
if (!rules?.includes('::highlight(')) throw new Error(`${source} defined no ::highlight rules`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `/* Generated from ${source} by scripts/build-highlight-css.mjs: edit the rules there. */\n${rules}\n`);
console.log(`highlights: wrote extension/generated/highlights.css from ${source}`);
