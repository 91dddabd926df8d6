// @ts-check
// The practice pages' composers and every way each submits, for the guard tests
// (submit-paths.test.mjs, faults.test.mjs, hostile.test.mjs), plus the waits they share. The
// submit-path tests run on every site here; the fault and hostile tests on X and Facebook.
// Every wait is on a condition; no sleeps, no retries.
/* global window -- used inside functions evaluated in the page */
import { WAIT } from './harness.mjs';
import { enableFromPopup } from './runtime-site.mjs';

export const NHS = '943 476 5919';
export const RISKY = `Please call re NHS ${NHS} today`;
export const CLEAN = 'What a lovely sunny day for a walk by the sea.';

const X_COMPOSER = '[data-fixture="main"] [data-testid="tweetTextarea_0"]';
const X_POST = '[data-testid="tweetButtonInline"]';
const FB_COMPOSER = '[role="dialog"] [aria-label="What\'s on your mind, Sam?"]';
const FB_POST = '[role="dialog"] [role="button"][aria-label="Post"]';
const FB_COMMENT = '[data-fixture="comment-box"]';

/**
 * @typedef {import('./harness.mjs').Tab} Tab
 * @typedef {{name: string, composer: string, prepare?: (tab: Tab) => Promise<void>,
 *   submit: (tab: Tab) => Promise<void>}} SubmitPath
 * @typedef {{name: string, url: string, composer: string, post: string, modelKey: string,
 *   paths: SubmitPath[], copy?: import('./fault-copies.mjs').Fault,
 *   setup?: (session: import('./harness.mjs').Session) => Promise<void>}} GuardSite
 * `copy` and `setup`: a site enabled at run time (Mastodon) runs on the copy of the extension
 * with its permission granted, and is enabled from the popup first (runtime-site.mjs).
 */

/** Focuses the Post button as keyboard users reach it, then presses `key` for real. */
const keyOnButton = (selector, key) => async (/** @type {Tab} */ tab) => {
  await tab.page.locator(selector).focus();
  await tab.page.keyboard.press(key);
};

/** @type {GuardSite} */
export const X = {
  name: 'X (Draft.js)',
  url: 'https://x.com/home',
  composer: X_COMPOSER,
  post: X_POST,
  modelKey: 'main-0',
  paths: [
    { name: 'a click on Post', composer: X_COMPOSER, submit: (tab) => tab.page.locator(X_POST).click() },
    { name: 'Enter on the Post button', composer: X_COMPOSER, submit: keyOnButton(X_POST, 'Enter') },
    { name: 'Space on the Post button', composer: X_COMPOSER, submit: keyOnButton(X_POST, ' ') },
    { name: 'Ctrl+Enter in the composer', composer: X_COMPOSER, submit: (tab) => tab.page.keyboard.press('Control+Enter') },
    { name: 'Cmd+Enter in the composer', composer: X_COMPOSER, submit: (tab) => tab.page.keyboard.press('Meta+Enter') },
  ],
};

/** @type {GuardSite} */
export const FACEBOOK = {
  name: 'Facebook (Lexical)',
  url: 'https://www.facebook.com/',
  composer: FB_COMPOSER,
  post: FB_POST,
  modelKey: 'main',
  paths: [
    { name: 'a click on Post', composer: FB_COMPOSER, submit: (tab) => tab.page.locator(FB_POST).click() },
    { name: 'Enter on the Post button', composer: FB_COMPOSER, submit: keyOnButton(FB_POST, 'Enter') },
    { name: 'Space on the Post button', composer: FB_COMPOSER, submit: keyOnButton(FB_POST, ' ') },
    {
      name: 'Enter in a comment box',
      composer: FB_COMMENT,
      prepare: async (tab) => {
        if (!(await tab.page.locator(FB_COMMENT).count())) await tab.page.locator('[data-fixture="open-comment"]').click();
      },
      submit: (tab) => tab.page.keyboard.press('Enter'),
    },
  ],
};

const LI_COMPOSER = '.share-creation-state__text-editor .ql-editor';
const LI_POST = 'button.share-actions__primary-action';
const LI_COMMENT = '[data-fixture="comment-box"]';

/** @type {GuardSite} */
export const LINKEDIN = {
  name: 'LinkedIn (Quill)',
  url: 'https://www.linkedin.com/feed/',
  composer: LI_COMPOSER,
  post: LI_POST,
  modelKey: 'main',
  paths: [
    { name: 'a click on Post', composer: LI_COMPOSER, submit: (tab) => tab.page.locator(LI_POST).click() },
    { name: 'Enter on the Post button', composer: LI_COMPOSER, submit: keyOnButton(LI_POST, 'Enter') },
    { name: 'Space on the Post button', composer: LI_COMPOSER, submit: keyOnButton(LI_POST, ' ') },
    {
      name: 'a click on Comment',
      composer: LI_COMMENT,
      prepare: async (tab) => {
        if (!(await tab.page.locator(LI_COMMENT).count())) await tab.page.locator('[data-fixture="open-comment"]').click();
      },
      submit: (tab) => tab.page.locator('button.comments-comment-box__submit-button').click(),
    },
  ],
};

const BS_COMPOSER = '[data-testid="composePostView"] .ProseMirror';
const BS_POST = '[data-testid="composePostView"] button[aria-label="Publish post"]';

/** @type {GuardSite} */
export const BLUESKY = {
  name: 'Bluesky (TipTap)',
  url: 'https://bsky.app/',
  composer: BS_COMPOSER,
  post: BS_POST,
  modelKey: 'main',
  paths: [
    { name: 'a click on Publish post', composer: BS_COMPOSER, submit: (tab) => tab.page.locator(BS_POST).click() },
    { name: 'Enter on the Publish button', composer: BS_COMPOSER, submit: keyOnButton(BS_POST, 'Enter') },
    { name: 'Space on the Publish button', composer: BS_COMPOSER, submit: keyOnButton(BS_POST, ' ') },
    // ProseMirror's Mod-Enter: Ctrl+Enter here (Linux); Cmd+Enter only on Apple platforms.
    { name: 'Ctrl+Enter in the composer', composer: BS_COMPOSER, submit: (tab) => tab.page.keyboard.press('Control+Enter') },
  ],
};

const TH_COMPOSER = '[role="dialog"] [role="textbox"]';
const TH_POST = '[role="dialog"] .toolbar [role="button"]';

/** @type {GuardSite} */
export const THREADS = {
  name: 'Threads (Lexical)',
  url: 'https://www.threads.com/',
  composer: TH_COMPOSER,
  post: TH_POST,
  modelKey: 'main',
  paths: [
    { name: 'a click on Post', composer: TH_COMPOSER, submit: (tab) => tab.page.locator(TH_POST).click() },
    { name: 'Enter on the Post button', composer: TH_COMPOSER, submit: keyOnButton(TH_POST, 'Enter') },
    { name: 'Space on the Post button', composer: TH_COMPOSER, submit: keyOnButton(TH_POST, ' ') },
    { name: 'Ctrl+Enter in the composer', composer: TH_COMPOSER, submit: (tab) => tab.page.keyboard.press('Control+Enter') },
    { name: 'Cmd+Enter in the composer', composer: TH_COMPOSER, submit: (tab) => tab.page.keyboard.press('Meta+Enter') },
  ],
};

const IG_COMMENT = 'article textarea[aria-label="Add a comment…"]';
const IG_POST = 'article [role="button"]:text-is("Post")';

/** @type {GuardSite} */
export const INSTAGRAM = {
  name: 'Instagram (comment textarea)',
  url: 'https://www.instagram.com/',
  composer: IG_COMMENT,
  post: IG_POST,
  modelKey: 'main',
  paths: [
    { name: 'a click on Post', composer: IG_COMMENT, submit: (tab) => tab.page.locator(IG_POST).click() },
    { name: 'Enter on the Post button', composer: IG_COMMENT, submit: keyOnButton(IG_POST, 'Enter') },
    { name: 'Space on the Post button', composer: IG_COMMENT, submit: keyOnButton(IG_POST, ' ') },
    { name: 'Enter in the comment box', composer: IG_COMMENT, submit: (tab) => tab.page.keyboard.press('Enter') },
  ],
};

const IG_CAPTION = '[aria-label="Write a caption..."]';
const IG_SHARE = '[role="dialog"] [role="button"]:text-is("Share")';

/** @type {GuardSite} */
export const INSTAGRAM_CAPTION = {
  name: 'Instagram (caption, Lexical)',
  url: 'https://www.instagram.com/create/',
  composer: IG_CAPTION,
  post: IG_SHARE,
  modelKey: 'caption',
  paths: [
    { name: 'a click on Share', composer: IG_CAPTION, submit: (tab) => tab.page.locator(IG_SHARE).click() },
    { name: 'Enter on the Share button', composer: IG_CAPTION, submit: keyOnButton(IG_SHARE, 'Enter') },
    { name: 'Space on the Share button', composer: IG_CAPTION, submit: keyOnButton(IG_SHARE, ' ') },
  ],
};

const MA_COMPOSER = '.drawer .compose-form textarea.autosuggest-textarea__textarea';
const MA_POST = '.drawer .compose-form__publish button[type="submit"]';

/** @type {GuardSite} */
export const MASTODON = {
  name: 'Mastodon (React textarea)',
  url: 'https://mastodon.social/',
  composer: MA_COMPOSER,
  post: MA_POST,
  modelKey: 'main',
  paths: [
    { name: 'a click on Post', composer: MA_COMPOSER, submit: (tab) => tab.page.locator(MA_POST).click() },
    { name: 'Enter on the Post button', composer: MA_COMPOSER, submit: keyOnButton(MA_POST, 'Enter') },
    { name: 'Space on the Post button', composer: MA_COMPOSER, submit: keyOnButton(MA_POST, ' ') },
    { name: 'Ctrl+Enter in the composer', composer: MA_COMPOSER, submit: (tab) => tab.page.keyboard.press('Control+Enter') },
    { name: 'Cmd+Enter in the composer', composer: MA_COMPOSER, submit: (tab) => tab.page.keyboard.press('Meta+Enter') },
  ],
  copy: 'mastodon-granted',
  setup: async (session) => {
    const { page, popup } = await enableFromPopup(session, 'https://mastodon.social/');
    await popup.close();
    await page.close();
  },
};

export const SITES = [X, FACEBOOK, LINKEDIN, BLUESKY, THREADS, INSTAGRAM, INSTAGRAM_CAPTION, MASTODON];

/** What the page's own submit handlers recorded. */
export const submissions = (/** @type {Tab} */ tab) => tab.main(() => window.__fixture.submissions);

/** Waits until the page has recorded `n` submissions; returns them. */
export async function waitSubmissions(/** @type {Tab} */ tab, n, timeout = WAIT) {
  await tab.page.waitForFunction((k) => window.__fixture.submissions.length >= k, n, { timeout });
  return submissions(tab);
}

/** Waits until the composer at `selector` shows `text` and that text has been checked. */
export function checked(/** @type {Tab} */ tab, selector, text, timeout = WAIT) {
  return tab.waitIsolated(
    `(() => { const el = document.querySelector(${JSON.stringify(selector)});
      const c = SecondOpinion.composers().find((c) => c.el === el);
      return !!c && c.read().text === ${JSON.stringify(text)} && !c.inFlight && c.checkedText === c.text; })()`,
    timeout,
    `composer ${selector} checked with text ${JSON.stringify(text)}`,
  );
}

/** Waits until the composer at `selector` shows `text` (checked or not). */
export function shows(/** @type {Tab} */ tab, selector, text, timeout = WAIT) {
  return tab.waitIsolated(
    `(() => { const el = document.querySelector(${JSON.stringify(selector)});
      const c = SecondOpinion.composers().find((c) => c.el === el);
      return !!c && c.read().text === ${JSON.stringify(text)}; })()`,
    timeout,
    `composer ${selector} shows ${JSON.stringify(text)}`,
  );
}

/** Brings the tab to the front, clicks into the composer of `path` (preparing it first) and types `text` for real. */
export async function typeInto(/** @type {Tab} */ tab, /** @type {SubmitPath} */ path, text) {
  // A background tab runs no animation frames, and the isolated-world waits poll on them.
  await tab.page.bringToFront();
  await path.prepare?.(tab);
  await tab.page.locator(path.composer).click();
  await tab.page.keyboard.type(text);
}
