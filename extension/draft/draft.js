// @ts-check
// "Check a draft": a plain editable box checked by the same content-script modules as the sites'
// composers (loaded by draft.html in the manifest's order), with the same highlights, cards,
// fixes, badge and list, in the same closed shadow root with the same trusted-event rules.
//
// The draft is kept in chrome.storage.session (the browser's memory, never written to disk or
// synced) under `draft:<id>`, where <id> is in the page's address (?id=…): a reload finds it
// again; closing the browser forgets it. The context-menu item "Check with Second Opinion"
// (background.js) stores {text, notice} under a new id and opens this page with it.
// The page makes no network requests.

const ext = /** @type {any} */ (globalThis).browser ?? globalThis.chrome;
const SO = /** @type {any} */ (globalThis).SecondOpinion;
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

const box = $('draft');
const notice = $('notice');

/** This page's key in chrome.storage.session; a new one is put in the address. */
function draftKey() {
  const url = new URL(location.href);
  let id = url.searchParams.get('id');
  if (!id || !/^[\w-]{1,64}$/.test(id)) {
    id = crypto.randomUUID();
    url.searchParams.set('id', id);
    history.replaceState(null, '', url);
  }
  return `draft:${id}`;
}
const key = draftKey();

/** The text as the checker sees it (the same reader as on the sites). */
const currentText = () => SO.text.read(box).text;

/** @param {string|null} message */
function showNotice(message) {
  notice.textContent = message ?? '';
  notice.hidden = !message;
}

/** @type {string|null} */
let storedNotice = null;

function save() {
  ext.storage.session.set({ [key]: { text: currentText(), notice: storedNotice } }).catch(() => {});
}

async function restore() {
  /** @type {{text?: string, notice?: string|null}|undefined} */
  let saved;
  try {
    saved = (await ext.storage.session.get(key))[key];
  } catch {
    saved = undefined;
  }
  if (typeof saved?.text === 'string') box.textContent = saved.text;
  storedNotice = typeof saved?.notice === 'string' ? saved.notice : null;
  showNotice(storedNotice);
}

box.addEventListener('input', () => {
  // The message about a field that could not be read goes once the doctor writes here.
  if (storedNotice) {
    storedNotice = null;
    showNotice(null);
  }
  save();
});

$('copy').addEventListener('click', async () => {
  const status = $('copy-status');
  try {
    await navigator.clipboard.writeText(currentText());
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Could not copy: select the text and press Ctrl+C (Cmd+C on a Mac).';
  }
});

await restore();
SO.watch(box);
box.focus();
// Put the caret at the end of a restored or handed-over draft.
const selection = document.getSelection();
if (selection && box.lastChild) {
  selection.selectAllChildren(box);
  selection.collapseToEnd();
}
document.body.dataset.ready = 'true';
