import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** What `npm run build` produces and the e2e tests run: the bundle and the renderer beside it. */
export const browserModeEntry = join(repoRoot, 'dist', 'backend', 'browser-mode.cjs');
export const builtRendererIndex = join(repoRoot, 'dist', 'renderer', 'index.html');
