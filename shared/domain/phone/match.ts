/**
 * Which Koma call a phone system's record of a call is. The phone system (MiiTel, Zoom Phone,
 * Dialpad…) knows when the call really started and how long it lasted; Koma knows when the rep
 * pressed S (or, for a call logged without the timer, when the rep logged it — after the call).
 * So a phone call matches a Koma call of the same lead when their spans come within the window
 * of each other: the gap between [phone start, phone end] and [Koma start, Koma end] is at most
 * `matchWindowMs` (0 when they overlap). Five minutes covers the PC's clock against the phone
 * system's, the seconds between S and the dial, and a few minutes of notes before an untimed call
 * is logged, while two different calls to one person are rarely that close (a busy line redialled
 * at once is, and is told apart by the nearest start — see below).
 *
 * Every pair within the window is ranked by gap, then by the distance between the two starts, and
 * taken greedily: no Koma call gets two phone calls, no phone call two Koma calls, and two calls
 * to one lead two minutes apart each find their own.
 */
export const matchWindowMs = 5 * 60_000;

export interface PhoneCallToMatch {
  key: string;
  /** The Koma leads the call may belong to: one for a CRM Task, all the leads with the number for a CSV row. */
  leadIds: readonly string[];
  startedAt: string;
  durationSec: number | null;
}

export interface KomaCallCandidate {
  id: string;
  leadId: string;
  startedAt: string;
  endedAt: string;
}

interface Pair {
  phone: string;
  call: string;
  gap: number;
  startDistance: number;
}

/** The gap between two spans in ms (0 when they overlap), and how far apart they start. */
export function spanGap(phone: { startedAt: string; durationSec: number | null }, koma: { startedAt: string; endedAt: string }): { gap: number; startDistance: number } {
  const ps = Date.parse(phone.startedAt);
  const pe = ps + Math.max(0, phone.durationSec ?? 0) * 1000;
  const ks = Date.parse(koma.startedAt);
  const ke = Math.max(ks, Date.parse(koma.endedAt));
  return { gap: Math.max(0, ps - ke, ks - pe), startDistance: Math.abs(ps - ks) };
}

/** phone key → Koma call id, for the phone calls that match one. */
export function matchPhoneCalls(phones: readonly PhoneCallToMatch[], calls: readonly KomaCallCandidate[], windowMs: number = matchWindowMs): Map<string, string> {
  const byLead = new Map<string, KomaCallCandidate[]>();
  for (const call of calls) {
    const list = byLead.get(call.leadId);
    if (list) list.push(call);
    else byLead.set(call.leadId, [call]);
  }
  const pairs: Pair[] = [];
  for (const phone of phones) {
    if (Number.isNaN(Date.parse(phone.startedAt))) continue;
    for (const leadId of new Set(phone.leadIds)) {
      for (const call of byLead.get(leadId) ?? []) {
        const { gap, startDistance } = spanGap(phone, call);
        if (gap <= windowMs) pairs.push({ phone: phone.key, call: call.id, gap, startDistance });
      }
    }
  }
  pairs.sort((a, b) => a.gap - b.gap || a.startDistance - b.startDistance || (a.phone < b.phone ? -1 : a.phone > b.phone ? 1 : a.call < b.call ? -1 : a.call > b.call ? 1 : 0));
  const matched = new Map<string, string>();
  const taken = new Set<string>();
  for (const pair of pairs) {
    if (matched.has(pair.phone) || taken.has(pair.call)) continue;
    matched.set(pair.phone, pair.call);
    taken.add(pair.call);
  }
  return matched;
}
