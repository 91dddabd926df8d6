// ESLint for the extension, the e2e tests and the Node scripts.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: ['pkg/**', 'target/**', 'node_modules/**', 'dist/**', 'demo/**', 'icons/generated/**', 'tests/e2e/.build/**', '.venv-model/**'],
  },
  js.configs.recommended,
  {
    files: ['extension/**/*.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.webextensions },
    },
  },
  {
    // Content scripts are classic scripts sharing globalThis.SecondOpinion.
    files: ['extension/content/**/*.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    files: ['tests/**/*.{js,mjs,jsx}', 'scripts/**/*.{js,mjs}', 'benches/**/*.{js,mjs}', 'eslint.config.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.node },
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  },
  {
    // Fixtures run in the page; tests and scripts pass callbacks to page.evaluate.
    files: [
      'tests/e2e/fixtures/**/*.{js,jsx}',
      'tests/e2e/{flows,harness,server,build-fixtures,x.test,facebook.test}.mjs',
      'scripts/measure-latency.mjs',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
];
