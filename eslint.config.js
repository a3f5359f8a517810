// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'worker_threads', 'stream', 'zlib'];
const io = [...nodeBuiltins.flatMap((m) => [m, `${m}/*`]), 'node:*', 'better-sqlite3-multiple-ciphers', 'electron'];

/** A rule of docs/architecture.md's layering: what one part may not import, and why. */
const rule = (name, forbid) => ({ name, forbid });

const backendIsNode = rule('the backend is plain Node: never electron, never the renderer', ['electron', '**/renderer/**', '**/adapters/**', '**/main', '**/preload', '**/security']);
const appNotSync = rule('app/ (the features) never imports sync/ (the CRM side): what both need is in core/', ['../sync', '../sync/**', '../../sync', '../../sync/**', '../../../sync/**']);
const syncNotApp = rule('sync/ (the CRM side) never imports app/ (the features): what both need is in core/', ['../app', '../app/**', '../../app', '../../app/**', '../../../app/**']);
const coreBelow = rule('core/ (context, handler registry, settings store, outbox, scores) is below both app/ and sync/', ['../app', '../app/**', '../sync', '../sync/**']);

/**
 * The layering of docs/architecture.md, as lint errors: each part lists the rules it is held to.
 * A file matched by several entries gets the last one's rules, so an entry repeats the broader
 * rules that still apply to it (app/ is also plain Node).
 */
const layers = [
  {
    files: ['shared/**/*.ts'],
    rules: [rule('shared/ is the contract and pure domain logic: no I/O, no UI, no processes', [...io, 'react', 'react-dom', '**/electron/**', '**/renderer/**'])],
  },
  { files: ['renderer/**/*.{ts,tsx}'], rules: [rule('renderer/ is untrusted and knows only the contract', [...io, '**/electron/**'])] },
  { files: ['electron/backend/**/*.ts'], rules: [backendIsNode] },
  { files: ['electron/backend/app/**/*.ts'], rules: [backendIsNode, appNotSync] },
  { files: ['electron/backend/sync/**/*.ts'], rules: [backendIsNode, syncNotApp] },
  { files: ['electron/backend/core/**/*.ts'], rules: [backendIsNode, coreBelow] },
  {
    files: ['electron/*.ts', 'electron/adapters/**/*.ts'],
    rules: [rule('main, preload and adapters stay thin: no SQL, no renderer code', ['better-sqlite3-multiple-ciphers', '**/renderer/**', '**/backend/db/**', '**/backend/app/**'])],
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...layers.map((layer) => ({
    files: layer.files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: layer.rules.map((r) => ({ group: r.forbid, message: `Layering: ${r.name} (docs/architecture.md).` })) },
      ],
    },
  })),
);
