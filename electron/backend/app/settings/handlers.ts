import { requeueAll, requeueDue } from '../queue/requeue';
import type { FeatureHandlers } from '../../core/registry';
import { rescoreAll } from '../../core/rescore';
import { readSetting, settingSpecs, writeSetting } from '../../core/settingsStore';

export const settingsHandlers: FeatureHandlers = {
  'settings.get': (_input, ctx) => ({
    queueRules: readSetting(ctx.db, settingSpecs.queueRules),
    scoringRules: readSetting(ctx.db, settingSpecs.scoringRules),
    qualificationCriteria: readSetting(ctx.db, settingSpecs.qualificationCriteria),
    profile: readSetting(ctx.db, settingSpecs.profile),
    calendar: readSetting(ctx.db, settingSpecs.calendar),
  }),

  'settings.saveQualificationCriteria': (input, ctx) => {
    ctx.db.transaction(() => writeSetting(ctx.db, settingSpecs.qualificationCriteria, input.criteria, ctx.clock.now().toISOString()))();
    return {};
  },

  'settings.saveProfile': (input, ctx) => {
    ctx.db.transaction(() => writeSetting(ctx.db, settingSpecs.profile, input.profile, ctx.clock.now().toISOString()))();
    return {};
  },

  /** New queue rules re-place every lead at once, in the same transaction as the save. */
  'settings.saveQueueRules': (input, ctx) =>
    ctx.db.transaction(() => {
      const now = ctx.clock.now();
      writeSetting(ctx.db, settingSpecs.queueRules, input.rules, now.toISOString());
      return { requeued: requeueAll(ctx.db, input.rules, now) };
    })(),

  /** New scoring rules apply to all leads on save: re-scored, then re-placed in the queue. */
  'settings.saveScoringRules': (input, ctx) =>
    ctx.db.transaction(() => {
      const now = ctx.clock.now();
      writeSetting(ctx.db, settingSpecs.scoringRules, input.rules, now.toISOString());
      const rescored = rescoreAll(ctx.db, input.rules, now);
      requeueDue(ctx.db, readSetting(ctx.db, settingSpecs.queueRules), now);
      return { rescored };
    })(),
};
