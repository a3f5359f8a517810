import type { FeatureHandlers } from './registry';

export const appInfoHandlers: FeatureHandlers = {
  'app.info': (_input, ctx) => ({
    version: ctx.version,
    mode: ctx.mode,
    dataDir: ctx.dataDir,
    databasePath: ctx.databasePath,
    leadCount: (ctx.db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n,
    recovery: ctx.recovery,
    keyProtection: ctx.keyProtection,
  }),
};
