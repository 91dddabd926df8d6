// End-to-end flows on the X fixture (Draft.js) at https://x.com/home.
import { siteSuite } from './flows.mjs';

siteSuite({
  name: 'X (Draft.js)',
  url: 'https://x.com/home',
  composer: '[data-fixture="main"] [data-testid="tweetTextarea_0"]',
  modelKey: 'main-0',
  submitButton: '[data-testid="tweetButtonInline"]',
  keySubmit: { key: 'Control+Enter', modelKey: 'main-0' },
  later: [
    {
      label: 'Second post in the thread',
      open: async (page) => {
        await page.locator('[data-fixture="add-tweet"]').click();
        return '[data-fixture="main"] [data-testid="tweetTextarea_1"]';
      },
    },
    {
      label: 'Reply',
      open: async (page) => {
        await page.locator('[data-testid="reply"]').click();
        return '[data-fixture="reply"] [data-testid="tweetTextarea_0"]';
      },
    },
  ],
  pagePaths: ['/home', '/x.js', '/draft.css', '/page.css', '/favicon.ico'],
});
