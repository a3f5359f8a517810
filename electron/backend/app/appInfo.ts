import { readRecoveryNotice } from '../db/recoveryNotice';
import type { FeatureHandlers } from '../core/registry';

export const appInfoHandlers: FeatureHandlers = {
  'app.info': (_input, ctx) => ({
    version: ctx.version,
    mode: ctx.mode,
    dataDir: ctx.dataDir,
    databasePath: ctx.databasePath,
    leadCount: (ctx.db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n,
    // Read each time: the notice stays until the rep dismisses it, across restarts.
    recovery: readRecoveryNotice(ctx.dataDir),
    keyProtection: ctx.keyProtection,
  }),
};
