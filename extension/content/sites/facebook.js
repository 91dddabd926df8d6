// Facebook composes with Lexical: div[contenteditable][role=textbox][data-lexical-editor] with an
// aria-label like "What's on your mind, Sam?" or "Write a comment…"; paragraphs are <p>. Submit:
// a role="button" "Post" in the composer dialog; comment and reply boxes submit on Enter.
'use strict';
(() => {
  /** Facebook comment and reply boxes submit on Enter; the post composer does not. */
  function isCommentBox(el) {
    const label = (el.getAttribute('aria-label') ?? '').toLowerCase();
    if (/comment|reply|answer/.test(label)) return true;
    if (/on your mind|create|post/.test(label)) return false;
    // No label to go by: a box outside any dialog with a Post button is a comment box.
    const dialog = el.closest('[role="dialog"]');
    return !dialog?.querySelector('[role="button"][aria-label="Post"]');
  }

  globalThis.SecondOpinion.sites.register({
    key: 'facebook',
    hosts: ['www.facebook.com', 'web.facebook.com'],
    composer: 'div[contenteditable="true"][role="textbox"][data-lexical-editor]',
    submit: '[role="button"][aria-label="Post"], button[aria-label="Post"]',
    isKeySubmit: (e, el) => e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.isComposing && isCommentBox(el),
    attributes: ['data-lexical-editor'],
  });
})();
