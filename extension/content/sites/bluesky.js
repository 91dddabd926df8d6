// Bluesky (bsky.app) composes with TipTap on ProseMirror: a .ProseMirror contenteditable
// (paragraphs are <p>, an empty one holds a trailing <br>); "Publish post" / "Publish reply"
// buttons, and Ctrl/Cmd+Enter publishes. ProseMirror turns select + insertText into its own
// transaction, so fixes go through the editor's input path as on the other sites.
// The shortcut is ProseMirror's "Mod-Enter": Cmd+Enter on Apple platforms, Ctrl+Enter elsewhere.
'use strict';
(() => {
  const apple = /Mac|iPhone|iPad|iPod/.test(navigator.platform);
  globalThis.SecondOpinion.sites.register({
    key: 'bluesky',
    hosts: ['bsky.app'],
    composer: '.ProseMirror[contenteditable="true"]',
    submit: [
      'button[aria-label="Publish post"]',
      'button[aria-label="Publish reply"]',
      '[role="button"][aria-label="Publish post"]',
      '[role="button"][aria-label="Publish reply"]',
      '[data-testid="composerPublishBtn"]',
    ].join(', '),
    isKeySubmit: (e) => e.key === 'Enter' && (apple ? e.metaKey : e.ctrlKey) && !e.isComposing,
    pasteAsParagraphs: () => true,
  });
})();
