import { instantOf } from '../queue/localTime';

/**
 * The values phone systems write, as the instants and seconds Koma stores. Exports and Task
 * comments spell times as "2026/12/07 10:03:12", "2026-12-07 10:03", "2026年12月7日 10:03:12" or
 * ISO 8601 with a zone; a time without a zone is the account's local time, read in `timeZone`.
 */
const localDateTime = /^(\d{4})[/\-年.](\d{1,2})[/\-月.](\d{1,2})日?[ T\u3000]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/u;
const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function parseCallTime(text: string, timeZone: string): string | null {
  const value = text.normalize('NFKC').trim();
  if (value === '') return null;
  if (zoned.test(value)) {
    const at = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(at) ? null : new Date(at).toISOString();
  }
  const m = localDateTime.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const at = instantOf({ year, month, day, minutes: hour * 60 + minute }, timeZone);
  // instantOf keeps whole minutes; a day that does not exist (2月30日) rolls over, which is refused.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return null;
  return new Date(at.getTime() + second * 1000).toISOString();
}

/** Seconds from "205", "3:25", "00:03:25", "3分25秒", "1時間2分"; null when empty or unreadable. */
export function parseDuration(text: string): number | null | 'invalid' {
  const value = text.normalize('NFKC').trim();
  if (value === '') return null;
  if (/^\d+$/.test(value)) return Number(value);
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(value);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const words = /^(?:(\d+)時間)?(?:(\d+)分)?(?:(\d+)秒)?$/u.exec(value);
  if (words && (words[1] ?? words[2] ?? words[3]) !== undefined) return Number(words[1] ?? 0) * 3600 + Number(words[2] ?? 0) * 60 + Number(words[3] ?? 0);
  return 'invalid';
}

/** The first http(s) URL in a text (a Task comment, a CSV cell), without trailing punctuation. */
export function firstUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = /https?:\/\/[^\s"'<>（）「」、。]+/u.exec(text);
  return m ? m[0].replace(/[),.;]+$/, '') : null;
}
