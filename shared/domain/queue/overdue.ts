/** A callback this late counts as missed rather than "due now" (the rep promised a time). */
const graceMs = 60 * 60_000;

export type Lateness = { unit: 'days' | 'hours'; count: number } | null;

/**
 * How late a promised callback is: null while it is due (up to an hour past its time), then whole
 * hours, then whole days — so a list can flag 「期限切れ 5日」 where a time alone reads like a future one.
 */
export function callbackLateness(atIso: string, now: Date): Lateness {
  const late = now.getTime() - Date.parse(atIso);
  if (!(late >= graceMs)) return null;
  const days = Math.floor(late / 86_400_000);
  return days >= 1 ? { unit: 'days', count: days } : { unit: 'hours', count: Math.floor(late / 3_600_000) };
}
