// End-to-end flows on the Threads fixture (Lexical) at https://www.threads.com/.
import { siteSuite } from './flows.mjs';

siteSuite({
  name: 'Threads (Lexical)',
  url: 'https://www.threads.com/',
  composer: '[role="dialog"] [role="textbox"]',
  modelKey: 'main',
  submitButton: '[role="dialog"] [role="button"]:has-text("Post")',
  keySubmit: { key: 'Control+Enter', modelKey: 'main' },
  later: [
    {
      label: 'Reply',
      open: async (page) => {
        await page.locator('[data-fixture="open-reply"]').click();
        return '[data-fixture="reply-box"]';
      },
    },
  ],
  pagePaths: ['/', '/threads.js', '/page.css', '/favicon.ico'],
  // The reply icon is a role=button named "Reply": not a submit control.
  notSubmit: { click: '[data-fixture="open-reply"]', opens: '[data-fixture="reply-box"]' },
});
