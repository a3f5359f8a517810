// Bundles the Node-side entry points with esbuild (Vite builds the renderer). One bundle per
// process, CommonJS, with better-sqlite3-multiple-ciphers and electron left external: the former is a native
// addon loaded from node_modules (unpacked from asar when packaged), the latter is the runtime.
// Everything else is bundled, which is why the SQLite driver is the only runtime dependency.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  logLevel: 'warning',
};

await Promise.all([
  // The preload carries the contract's schemas (for the command names): minified, it loads faster in every window.
  build({ ...common, minify: true, entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } }),
  build({
    ...common,
    entryPoints: {
      'utility-process': 'electron/backend/entry/utilityProcess.ts',
      'browser-mode': 'electron/backend/entry/browserMode.ts',
      // The store's worker threads (writer, readers, backup), started by both entries.
      'store-worker': 'electron/backend/threads/storeWorker.ts',
    },
    outdir: 'dist/backend',
    outExtension: { '.js': '.cjs' },
  }),
]);
