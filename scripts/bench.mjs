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
const run = spawnSync(process.execPath, ['--expose-gc', 'dist/bench/run.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
