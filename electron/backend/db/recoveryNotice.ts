import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recoverySchema } from '../../../shared/contract/backups';
import type { BackendContext } from '../core/context';

export type Recovery = NonNullable<BackendContext['recovery']>;

export const recoveryNoticeFileName = 'recovery-notice.json';

/**
 * The notice that the store was damaged and what Koma did, kept beside the store (not in it: the
 * store is what was replaced) until the rep has read it and dismissed it — a restart, or a second
 * restart, must not make it vanish before anyone saw it.
 */
export function saveRecoveryNotice(dataDir: string, recovery: Recovery): void {
  const path = join(dataDir, recoveryNoticeFileName);
  writeFileSync(`${path}.partial`, JSON.stringify(recovery));
  renameSync(`${path}.partial`, path);
}

export function readRecoveryNotice(dataDir: string): Recovery | null {
  const path = join(dataDir, recoveryNoticeFileName);
  if (!existsSync(path)) return null;
  try {
    const parsed = recoverySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function dismissRecoveryNotice(dataDir: string): boolean {
  const path = join(dataDir, recoveryNoticeFileName);
  if (!existsSync(path)) return false;
  rmSync(path, { force: true });
  return true;
}
