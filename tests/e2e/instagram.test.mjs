// End-to-end flows on the Instagram fixture at https://www.instagram.com/: the comment box (a
// React-controlled <textarea>, highlighted through the mirror) and the create dialog's caption box
// (a Lexical contenteditable).
import { siteSuite } from './flows.mjs';

const PAGE = ['/', '/textarea.js', '/page.css', '/favicon.ico'];
const CREATE = ['/create/', ...PAGE.slice(1)];
const later = [
  {
    label: 'Second post',
    open: async (page) => {
      await page.locator('[data-fixture="open-post"]').click();
      return '[data-fixture="second"]';
    },
  },
];

siteSuite({
  name: 'Instagram comment (textarea)',
  url: 'https://www.instagram.com/',
  composer: 'article textarea[aria-label="Add a comment…"]',
  modelKey: 'main',
  submitButton: 'article [role="button"]:text-is("Post")',
  keySubmit: { key: 'Enter', modelKey: 'main' },
  later,
  pagePaths: PAGE,
});

siteSuite({
  name: 'Instagram caption (Lexical)',
  url: 'https://www.instagram.com/create/',
  composer: '[aria-label="Write a caption..."]',
  modelKey: 'caption',
  submitButton: '[role="dialog"] [role="button"]:text-is("Share")',
  keySubmit: null,
  later,
  pagePaths: CREATE,
});
