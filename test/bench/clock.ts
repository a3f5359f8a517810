/**
 * The bench's instant: Tuesday 2026-11-24 10:00 in Tokyo, inside calling hours on a business day
 * (Monday the 23rd is 勤労感謝の日, closed), so the queue is callable; and the month the dashboard
 * figure reads.
 */
export const benchNow = new Date('2026-11-24T01:00:00.000Z');
export const benchMonth = { from: '2026-10-01T00:00:00.000+09:00', to: '2026-11-01T00:00:00.000+09:00' };
