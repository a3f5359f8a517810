import { z } from 'zod';
import { recoverySchema } from './backups';

export const appInfoOutput = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  databasePath: z.string(),
  leadCount: z.number().int().min(0),
  /** The database was damaged at start and replaced from a backup: the UI says so. */
  recovery: recoverySchema.nullable().optional(),
  /** Where the database key is kept: the OS keychain, a plain-text fallback (Linux without a keyring), browser mode's key file. */
  keyProtection: z.enum(['os_keychain', 'plaintext_fallback', 'key_file', 'none']).optional(),
});
export type AppInfo = z.infer<typeof appInfoOutput>;
