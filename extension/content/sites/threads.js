// Threads (www.threads.com, www.threads.net) composes with Lexical, like Facebook:
// div[contenteditable][role=textbox][data-lexical-editor] with <p> paragraphs. Its "Post" is a
// div[role=button] named only by its text (in replies too), so the adapter picks buttons by that
// name (not "Reply", which names the icon that opens a reply box). Ctrl/Cmd+Enter posts.
'use strict';
globalThis.SecondOpinion.sites.register({
  key: 'threads',
  hosts: ['www.threads.com', 'www.threads.net'],
  composer: 'div[contenteditable="true"][role="textbox"][data-lexical-editor]',
  submit: '[role="button"], button',
  submitName: /^Post$/,
  isKeySubmit: (e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing,
  attributes: ['data-lexical-editor'],
});
