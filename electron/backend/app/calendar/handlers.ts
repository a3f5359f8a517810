import { closedReason } from '../../../../shared/domain/calendar/closedDays';
import { holidaysKnownUntil } from '../../../../shared/domain/calendar/holidays';
import { addDays } from '../../../../shared/domain/slots/grid';
import { localDate } from '../../../../shared/domain/queue/localTime';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs, writeSetting } from '../../core/settingsStore';
import { requeueAll } from '../queue/requeue';

export const calendarHandlers: FeatureHandlers = {
  /** The calendar, and the closed working days of the next twelve months (so a typo shows). */
  'calendar.get': (_input, ctx) => {
    const calendar = readSetting(ctx.db, settingSpecs.calendar);
    const week = readSetting(ctx.db, settingSpecs.workWeek);
    const today = localDate(ctx.clock.now(), week.timeZone);
    const upcoming = [];
    for (let offset = 0; offset < 366; offset++) {
      const date = addDays(today, offset);
      const reason = closedReason(date, calendar, week.days);
      if (reason && reason.kind !== 'day_off') upcoming.push({ date, reason });
    }
    return { calendar, upcoming, holidaysUntil: holidaysKnownUntil };
  },

  /** A new calendar moves speed-to-lead deadlines: every lead is re-placed in the same transaction. */
  'calendar.save': (input, ctx) =>
    ctx.db.transaction(() => {
      const now = ctx.clock.now();
      writeSetting(ctx.db, settingSpecs.calendar, input.calendar, now.toISOString());
      return { requeued: requeueAll(ctx.db, readSetting(ctx.db, settingSpecs.queueRules), now) };
    })(),
};
