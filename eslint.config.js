// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'worker_threads', 'stream', 'zlib'];
const io = [...nodeBuiltins.flatMap((m) => [m, `${m}/*`]), 'node:*', 'better-sqlite3-multiple-ciphers', 'electron'];

/** The layering of docs/architecture.md, as lint errors: each part lists what it may not import. */
const layers = [
  {
    name: 'shared/ is the contract and pure domain logic: no I/O, no UI, no processes',
    files: ['shared/**/*.ts'],
    forbid: [...io, 'react', 'react-dom', '**/electron/**', '**/renderer/**'],
  },
  {
    name: 'renderer/ is untrusted and knows only the contract',
    files: ['renderer/**/*.{ts,tsx}'],
    forbid: [...io, '**/electron/**'],
  },
  {
    name: 'the backend is plain Node: never electron, never the renderer',
    files: ['electron/backend/**/*.ts'],
    forbid: ['electron', '**/renderer/**', '**/adapters/**', '**/main', '**/preload', '**/security'],
  },
  {
    name: 'main, preload and adapters stay thin: no SQL, no renderer code',
    files: ['electron/*.ts', 'electron/adapters/**/*.ts'],
    forbid: ['better-sqlite3-multiple-ciphers', '**/renderer/**', '**/backend/db/**', '**/backend/app/**'],
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
        { patterns: [{ group: layer.forbid, message: `Layering: ${layer.name} (docs/architecture.md).` }] },
      ],
    },
  })),
);
