// X composes with Draft.js: the contenteditable carries data-testid="tweetTextarea_0" (_1… in a
// thread) and class public-DraftEditor-content; each line is its own block. Submit: the
// tweetButtonInline (timeline, replies) and tweetButton (modal) buttons, and Ctrl/Cmd+Enter, which
// posts the whole thread.
'use strict';
globalThis.SecondOpinion.sites.register({
  key: 'x',
  hosts: ['x.com', 'twitter.com'],
  composer: '[data-testid^="tweetTextarea_"][contenteditable="true"], .public-DraftEditor-content[contenteditable="true"]',
  submit: '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]',
  isKeySubmit: (e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey),
  keySubmitsAll: true,
  attributes: ['data-testid'],
});
