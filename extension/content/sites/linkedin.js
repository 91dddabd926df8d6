// LinkedIn composes with Quill: the share box's .ql-editor inside
// .share-creation-state__text-editor, "Post" is button.share-actions__primary-action; comment
// boxes are a .ql-editor in .comments-comment-box__form with a submit button. Quill redraws its
// DOM from its own model, so fixes go through the input path (select, then insertText, which
// Quill's input module applies to its model); text is read from the DOM like any other editor
// (one <p> per line, <p><br></p> an empty line). Neither box submits on a key. Some accounts get
// a TipTap/ProseMirror share box instead (a .ProseMirror in the same wrapper).
'use strict';
globalThis.SecondOpinion.sites.register({
  key: 'linkedin',
  hosts: ['www.linkedin.com'],
  composer: [
    '.share-creation-state__text-editor .ql-editor[contenteditable="true"]',
    '.comments-comment-box__form .ql-editor[contenteditable="true"]',
    '.share-creation-state__text-editor .ProseMirror[contenteditable="true"]',
  ].join(', '),
  submit: 'button.share-actions__primary-action, button.comments-comment-box__submit-button',
  isKeySubmit: () => false,
  pasteAsParagraphs: (el) => el.matches('.ProseMirror'),
});
