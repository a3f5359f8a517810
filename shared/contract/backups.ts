import { z } from 'zod';

export const backupInfoSchema = z.object({ name: z.string(), createdAt: z.string(), sizeBytes: z.number().int().min(0) });

export const recoverySchema = z.object({
  /** The backup that replaced a damaged database at start, or null when none was good. */
  restoredFrom: z.string().nullable(),
  damagedFileKeptAt: z.string(),
  problem: z.string(),
  /** When the found damage happened: the work saved from `missingFrom` (the backup's time; null: from the start) to `missingUntil` (the damaged file's last write) is not in the store. */
  detectedAt: z.string().optional(),
  missingFrom: z.string().nullable().optional(),
  missingUntil: z.string().optional(),
});

export const backupNameSchema = z.string().regex(/^koma-\d{8}-\d{6}(-[a-z]+)?\.sqlite3$/, 'not a Koma backup name');

export const backupCommands = {
  list: z.object({ backups: z.array(backupInfoSchema), recovery: recoverySchema.nullable() }),
  restoreInput: z
    .object({
      name: backupNameSchema,
      /** The UI asks before a restore replaces everything since the backup; the request must say it asked. */
      confirmed: z.literal(true),
    })
    .strict(),
  restoreOutput: z.object({ restoredFrom: z.string(), safetyBackup: backupInfoSchema }),
  dismissRecoveryOutput: z.object({ dismissed: z.boolean() }),
};
