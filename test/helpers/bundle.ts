import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles a TypeScript entry (a process or worker script) to CommonJS that plain node can run,
 * packages left external and found through the repository's node_modules. Returns its path.
 */
export async function bundleForNode(entry: string): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'koma-bundle-')), `${basename(entry, '.ts')}.cjs`);
  await build({
    entryPoints: [join(repoRoot, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    nodePaths: [join(repoRoot, 'node_modules')],
  });
  return outfile;
}
