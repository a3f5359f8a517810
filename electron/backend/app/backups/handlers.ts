import { KomaError } from '../../../../shared/contract';
import { createBackup, listBackups, restoreBackup } from '../../db/backups';
import { migrate } from '../../db/migrate';
import { dismissRecoveryNotice, readRecoveryNotice } from '../../db/recoveryNotice';
import type { FeatureHandlers } from '../../core/registry';

export const backupHandlers: FeatureHandlers = {
  'backup.list': (_input, ctx) => ({ backups: listBackups(ctx.dataDir), recovery: readRecoveryNotice(ctx.dataDir) }),

  /** The rep has read the recovery notice: it stops showing (until the next damage). */
  'recovery.dismiss': (_input, ctx) => ({ dismissed: dismissRecoveryNotice(ctx.dataDir) }),

  'backup.create': (_input, ctx) => createBackup(ctx.db, ctx.dataDir, ctx.clock.now(), ctx.databaseKey),

  'backup.restore': (input, ctx) => {
    try {
      const { safetyBackup } = restoreBackup(ctx.db, ctx.dataDir, input.name, ctx.clock.now(), ctx.databaseKey);
      // A backup from an older Koma is brought up to this version's schema.
      migrate(ctx.db);
      return { restoredFrom: input.name, safetyBackup };
    } catch (error) {
      throw new KomaError('conflict', error instanceof Error ? error.message : String(error));
    }
  },
};
