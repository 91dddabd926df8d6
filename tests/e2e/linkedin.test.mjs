// End-to-end flows on the LinkedIn fixture (Quill 2) at https://www.linkedin.com/feed/.
import { siteSuite } from './flows.mjs';

const POST = 'button.share-actions__primary-action';

siteSuite({
  name: 'LinkedIn (Quill)',
  url: 'https://www.linkedin.com/feed/',
  composer: '.share-creation-state__text-editor .ql-editor',
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
