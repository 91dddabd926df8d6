// End-to-end flows on the Facebook fixture (Lexical) at https://www.facebook.com/.
import { siteSuite } from './flows.mjs';

const openComment = async (page) => {
  await page.locator('[data-fixture="open-comment"]').click();
  return '[data-fixture="comment-box"]';
};

siteSuite({
  name: 'Facebook (Lexical)',
  url: 'https://www.facebook.com/',
  composer: '[role="dialog"] [aria-label="What\'s on your mind, Sam?"]',
  modelKey: 'main',
  submitButton: '[role="button"][aria-label="Post"]',
  keySubmit: { key: 'Enter', open: openComment, modelKey: 'comment-0' },
  later: [{ label: 'Comment', open: openComment }],
  pagePaths: ['/', '/facebook.js', '/page.css', '/favicon.ico'],
});
