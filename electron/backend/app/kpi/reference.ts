import { defaultReferenceValues } from '../../../../shared/contract/reference';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs, writeSetting } from '../../core/settingsStore';

/** The dashboard's reference values (参考値): the team's own if saved, else the published defaults. */
export const referenceHandlers: FeatureHandlers = {
  'reference.get': (_input, ctx) => ({ values: readSetting(ctx.db, settingSpecs.referenceValues), defaults: defaultReferenceValues }),

  'reference.save': (input, ctx) =>
    ctx.db.transaction(() => {
      writeSetting(ctx.db, settingSpecs.referenceValues, input.values, ctx.clock.now().toISOString());
      return { values: input.values, defaults: defaultReferenceValues };
    })(),
};
