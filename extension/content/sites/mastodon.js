// Mastodon (any instance; mastodon.social is the practice host): the composer is a React-
// controlled <textarea class="autosuggest-textarea__textarea"> inside form.compose-form,
// highlighted through a mirror (mirror.js); "Post" ("Publish" on older versions, "Reply" in a
// reply) is the submit button in .compose-form__publish, and Ctrl/Cmd+Enter submits. Mastodon
// has thousands of instances, so it has no fixed hosts: the doctor enables an instance from the
// popup, which asks for that origin (optional host permission) and registers these scripts there.
'use strict';
globalThis.SecondOpinion.sites.register({
  key: 'mastodon',
  hosts: [],
  runtime: true,
  composer: '.compose-form textarea.autosuggest-textarea__textarea',
  submit: '.compose-form__publish button[type="submit"], .compose-form button[type="submit"]',
  isKeySubmit: (e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing,
});
