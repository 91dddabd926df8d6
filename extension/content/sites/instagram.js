// Instagram on the web (www.instagram.com): the comment box under a post is a plain <textarea>
// (aria-label "Add a comment…", inside a <form>, "Post" submits and so does Enter; Shift+Enter is
// a new line), highlighted through a mirror (mirror.js); the caption box of the "Create new post"
// dialog is a Lexical contenteditable (aria-label "Write a caption...", "Share" submits, Enter is
// a new line). Both submit controls are named only by their text (a <button> or a
// div[role=button]), so the adapter picks them by that name.
'use strict';
globalThis.SecondOpinion.sites.register({
  key: 'instagram',
  hosts: ['www.instagram.com'],
  composer: 'form textarea[aria-label^="Add a comment"], div[aria-label="Write a caption..."][contenteditable="true"]',
  submit: 'button, [role="button"]',
  submitName: /^(Post|Share)$/,
  isKeySubmit: (e, el) => el.tagName === 'TEXTAREA' && e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.isComposing,
});
