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
});
export type AppInfo = z.infer<typeof appInfoOutput>;
