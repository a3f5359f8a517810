import type { BusinessCalendar } from '../../contract/calendar';
import type { QueueRules } from '../../contract/queueRules';
import { isOpenAt, type OpenRules } from '../calendar/openTime';

/** A lead's open time: the team's calling hours in the lead's zone, on the company's calendar. */
export function openRulesFor(timeZone: string, rules: Pick<QueueRules, 'callingHours'>, calendar: BusinessCalendar): OpenRules {
  return { timeZone, hours: rules.callingHours, calendar };
}

/** Calling hours are open: a working day the calendar does not close, between start and end. */
export function isWithinCallingHours(now: Date, timeZone: string, rules: Pick<QueueRules, 'callingHours'>, calendar: BusinessCalendar): boolean {
  return isOpenAt(now, openRulesFor(timeZone, rules, calendar));
}
