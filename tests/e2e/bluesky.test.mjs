// End-to-end flows on the Bluesky fixture (TipTap/ProseMirror) at https://bsky.app/.
import { siteSuite } from './flows.mjs';

siteSuite({
  name: 'Bluesky (TipTap/ProseMirror)',
  url: 'https://bsky.app/',
  composer: '[data-testid="composePostView"] .ProseMirror',
  modelKey: 'main',
  submitButton: '[data-testid="composePostView"] button[aria-label="Publish post"]',
  keySubmit: { key: 'Control+Enter', modelKey: 'main' },
  later: [
    {
      label: 'Reply',
      open: async (page) => {
        await page.locator('[data-testid="replyBtn"]').click();
        return '[data-fixture="reply-box"]';
      },
    },
  ],
  pagePaths: ['/', '/bluesky.js', '/page.css', '/favicon.ico'],
});
