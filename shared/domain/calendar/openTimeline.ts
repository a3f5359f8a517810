import type { BusinessCalendar } from '../../contract/calendar';
import { addDays } from '../slots/grid';
import { horizonDays, openWindow, type OpenRules } from './openWindows';

/**
 * The open windows of a stretch of days as sorted instants, so open time after an instant is a
 * binary search and a few steps instead of a walk over local dates (each a time-zone conversion
 * through Intl). A clock jump re-classifies tens of thousands of new leads at once, each asking for
 * its speed-to-lead deadline: the walk cost ~15 µs a lead, most of the re-placing's own work.
 *
 * Timelines are cut into eras of `eraDays` by the instant asked about, so any instant finds the
 * one timeline built for its era, and holds every window the walk could reach from it: from two
 * days before the era (a local date is at most a day before the UTC one) to the walk's horizon
 * past its end.
 */
const day = 86_400_000;
const eraDays = 256;

interface Timeline {
  /** Open and close instants of each open day, in date order. */
  open: Float64Array;
  close: Float64Array;
}

// Per calendar (rules objects are cached per stored text by the settings store, so they key a
// WeakMap well), then per zone, hours and era.
const timelines = new WeakMap<BusinessCalendar, Map<string, Timeline>>();

function timelineFor(era: number, rules: OpenRules): Timeline {
  let byKey = timelines.get(rules.calendar);
  if (!byKey) timelines.set(rules.calendar, (byKey = new Map()));
  const { start, end, days } = rules.hours;
  const key = `${rules.timeZone} ${start} ${end} ${days.join('')} ${era}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  const first = new Date(era * eraDays * day - 2 * day).toISOString().slice(0, 10);
  const open: number[] = [];
  const close: number[] = [];
  for (let offset = 0; offset <= eraDays + horizonDays + 4; offset++) {
    const window = openWindow(addDays(first, offset), rules);
    if (window) {
      open.push(window.open);
      close.push(window.close);
    }
  }
  const timeline = { open: Float64Array.from(open), close: Float64Array.from(close) };
  if (byKey.size > 64) byKey.clear();
  byKey.set(key, timeline);
  return timeline;
}

/** The first window closing after `t`. */
function firstClosingAfter(close: Float64Array, t: number): number {
  let lo = 0;
  let hi = close.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (close[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What the walk over local dates answers (openTime.ts, `walkOpenMinutes`), or null when the answer
 * lies near the walk's horizon (a calendar closed for most of a year): the walk then decides, so
 * the two never disagree.
 */
export function addOpenMinutesOnTimeline(from: Date, minutes: number, rules: OpenRules): Date | null {
  let t = from.getTime();
  if (!Number.isFinite(t)) return null;
  const { open, close } = timelineFor(Math.floor(t / (eraDays * day)), rules);
  // Windows opening within the horizon less a day are certainly within the walk's reach.
  const reach = t + (horizonDays - 1) * day;
  let left = minutes * 60_000;
  for (let i = firstClosingAfter(close, t); i < close.length && open[i]! <= reach; i++) {
    const start = Math.max(open[i]!, t);
    if (left <= close[i]! - start) return new Date(start + left);
    left -= close[i]! - start;
    t = close[i]!;
  }
  return null;
}
