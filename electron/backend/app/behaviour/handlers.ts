import { KomaError } from '../../../../shared/contract';
import type { EventRowContext } from '../../../../shared/domain/behaviour/eventRow';
import { ImportFailure } from '../imports/failure';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import { readEvents, type ReadEvents } from './readEvents';
import { writeEvents } from './writeEvents';

async function readOrRefuse(contentBase64: string, context: EventRowContext): Promise<ReadEvents> {
  try {
    return await readEvents(Buffer.from(contentBase64, 'base64'), context);
  } catch (error) {
    if (error instanceof ImportFailure) throw new KomaError('invalid_input', error.message);
    throw error;
  }
}

export const behaviourHandlers: FeatureHandlers = {
  /** Events files are small next to call lists, so the import answers directly instead of running as a job. */
  'behaviour.import': async (input, ctx) => {
    const now = ctx.clock.now();
    const timeZone = readSetting(ctx.db, settingSpecs.queueRules).defaultTimeZone;
    const read = await readOrRefuse(input.contentBase64, { timeZone, now });
    // Rules are read after the file, right before the synchronous write, so a save that landed
    // while the file was being read is the one applied.
    return writeEvents(ctx.db, {
      ...read,
      now,
      ids: ctx.ids,
      scoringRules: readSetting(ctx.db, settingSpecs.scoringRules),
      queueRules: readSetting(ctx.db, settingSpecs.queueRules),
    });
  },
};
