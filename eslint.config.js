// ESLint for the extension, the e2e tests and the Node scripts.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: ['pkg/**', 'target/**', 'node_modules/**', 'dist/**', 'demo/**', 'icons/generated/**', 'tests/e2e/.build/**'],
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
    files: ['tests/**/*.{js,mjs,jsx}', 'scripts/**/*.{js,mjs}', 'eslint.config.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.node },
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  },
  {
    files: ['tests/e2e/fixtures/**/*.{js,jsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
];
