import type { BantItem, Hearing } from '../../contract/hearing';

const filled = (text: string) => text.trim().length > 0;

/**
 * What was heard for each BANT item, at the least: a confirmed item must say something
 * (「導入時期 確認済み 不明」 tells field sales nothing). Notes alone count; an "unknown" choice does not.
 */
const contentOf: { [K in BantItem]: (value: Hearing[K]) => boolean } = {
  budget: (b) => b.status !== 'unknown' || b.amount !== null || filled(b.fiscalTiming) || filled(b.notes),
  authority: (a) => a.contactRole !== 'unknown' || filled(a.decisionMakerName) || filled(a.approvalProcess) || filled(a.signer) || filled(a.notes),
  need: (n) => n.pains.length > 0 || filled(n.painNotes) || filled(n.requirements),
  timeline: (t) => t.targetDate !== null || t.targetQuarter !== null || filled(t.drivingEvent) || t.urgency !== 'unknown' || filled(t.notes),
};

export function hasBantContent<K extends BantItem>(item: K, value: Hearing[K]): boolean {
  return contentOf[item](value);
}

