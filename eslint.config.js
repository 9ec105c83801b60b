import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** What lib/ and server/ may not import (issue 13): the browser API, Dexie, WXT, the UI and the extension's runtime. */
export const PURE_FORBIDDEN = [
  'wxt', 'wxt/*', 'webextension-polyfill', 'dexie', 'dexie-*', 'react', 'react-dom', 'react-dom/*',
  '@/components/*', '@/extension/*', '@/entrypoints/*', '**/components/**', '**/extension/**', '**/entrypoints/**',
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test/fixtures/**', 'bench/tmp/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Data never renders as HTML (README, security).
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render data as HTML.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never render data as HTML; build nodes instead.' },
      ],
    },
  },
  {
    // docs/architecture.md: the content script runs in the CRM's origin. It never opens
    // IndexedDB, never holds the token, never uses window.postMessage for data.
    files: ['entrypoints/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['dexie', 'dexie-*', '**/extension/db', '**/extension/db/**', '@/extension/db', '@/extension/db/*'], message: 'The content script must not open IndexedDB.' }] },
      ],
      'no-restricted-properties': ['error', { object: 'window', property: 'postMessage', message: 'Use extension messaging.' }],
    },
  },
  {
    // lib/ is pure shared rules: it runs on the server, in the extension and in
    // tests, so it never reaches the browser API, Dexie, WXT, the UI or the
    // extension's runtime code (issue 13). server/ likewise stays out of them.
    files: ['lib/**/*.{ts,tsx}', 'server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // '#imports' is WXT's auto-import module; a '#' starts a comment in a pattern, so it is a path.
          paths: [{ name: '#imports', message: 'lib/ and server/ are pure: no WXT.' }],
          patterns: [{ group: PURE_FORBIDDEN, message: 'lib/ and server/ are pure: no browser API, Dexie, WXT, components or extension runtime code.' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'browser', message: 'lib/ and server/ never use the browser API.' }, { name: 'chrome', message: 'lib/ and server/ never use the browser API.' }, { name: 'indexedDB', message: 'lib/ and server/ never open IndexedDB.' }],
    },
  },
  {
    // No function in product code over 120 lines (issue 13), no exceptions.
    files: ['lib/**/*.{ts,tsx}', 'server/**/*.ts', 'extension/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 120 }] },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // scripts/check-node.cjs: plain CommonJS, so an old Node can run it and say it is too old
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
