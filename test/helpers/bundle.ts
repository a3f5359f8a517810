import { mkdirSync, mkdtempSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles a TypeScript entry (a process or worker script) to CommonJS that plain node (or a worker
 * thread) can run, as scripts/build-node.mjs does: everything inlined but the native SQLite driver,
 * which resolves from the repository's node_modules because the bundle is written under it.
 */
export async function bundleForNode(entry: string): Promise<string> {
  const cache = join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outfile = join(mkdtempSync(join(cache, 'koma-bundle-')), `${basename(entry, '.ts')}.cjs`);
  await build({
    entryPoints: [join(repoRoot, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3-multiple-ciphers'],
    logLevel: 'silent',
  });
  return outfile;
}
