// End-to-end flows on the LinkedIn fixture at https://www.linkedin.com/feed/: the Quill 2 share
// box, and the TipTap/ProseMirror variant LinkedIn also serves (?editor=tiptap).
import { siteSuite } from './flows.mjs';

const POST = 'button.share-actions__primary-action';
const variants = [
  { name: 'LinkedIn (Quill)', query: '', editor: '.ql-editor' },
  { name: 'LinkedIn (TipTap/ProseMirror)', query: '?editor=tiptap', editor: '.ProseMirror' },
];

for (const v of variants) {
  siteSuite({
    name: v.name,
    url: `https://www.linkedin.com/feed/${v.query}`,
    composer: `.share-creation-state__text-editor ${v.editor}`,
    modelKey: 'main',
    submitButton: POST,
    // Neither LinkedIn box submits on a key: keyboard users Tab to "Post" and press Enter.
    keySubmit: {
      key: 'Enter on Post',
      press: async (page) => {
        await page.locator(POST).focus();
        await page.keyboard.press('Enter');
      },
      modelKey: 'main',
    },
    later: [
      {
        label: 'Comment',
        open: async (page) => {
          await page.locator('[data-fixture="open-comment"]').click();
          return '[data-fixture="comment-box"]';
        },
      },
    ],
    pagePaths: ['/feed/', '/linkedin.js', '/quill.core.css', '/page.css', '/favicon.ico'],
  });
}
