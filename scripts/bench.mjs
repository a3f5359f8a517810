// `npm run bench [-- --quick] [-- --json]`: bundles the benchmark (TypeScript, the real backend
// modules) with esbuild and runs it in plain Node, the way the backend itself runs.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

await build({
  entryPoints: ['test/bench/run.ts'],
  outfile: 'dist/bench/run.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3-multiple-ciphers', 'playwright-core'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
// The memory probe: a process holding only the backend (the bench's own process holds far more);
// the bare start baseline: a process holding only the driver and the list's query.
await build({
  entryPoints: { 'rss-probe': 'test/bench/rssProbe.ts', 'bare-first-rows': 'test/bench/bareFirstRows.ts' },
  outdir: 'dist/bench',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3-multiple-ciphers'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
// The store's worker threads, as the app starts them (startThreadedBackend): the figures of a call
// logged during an import or a backup, and memory, are read from the threaded backend.
await build({
  entryPoints: { 'store-worker': 'electron/backend/threads/storeWorker.ts' },
  outdir: 'dist/bench',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', 'dist/bench/run.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
