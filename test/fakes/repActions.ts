import type { HearingInput } from '../../shared/contract/hearing';
import type { CallOutcome } from '../../shared/contract/calls';
import { seedLeads, type LeadSeed } from '../helpers/seedLeads';
import type { SyncHarness } from './syncHarness';

/** What the rep does, through the real dispatcher, for the sync tests. */
export const minute = 60_000;

export function seedSyncLeads(h: SyncHarness, count: number, extra: Partial<LeadSeed> = {}): string[] {
  const companies = ['株式会社サクラテック', '北斗物流株式会社', '青葉商事株式会社', '株式会社みなと製作所'];
  return seedLeads(
    h.backend,
    Array.from({ length: count }, (_, i) => ({
      id: `lead-${String(i).padStart(4, '0')}`,
      company: companies[i % companies.length]!,
      name: `山田 太郎${i}`,
      phone: `03-0000-${String(i).padStart(4, '0')}`,
      title: '情報システム部 部長',
      score: 50,
      ...extra,
    })),
  );
}

export async function addFieldRep(h: SyncHarness, crmUserId: string | null = null): Promise<string> {
  const { reps } = await h.call('fieldReps.save', { reps: [{ id: null, name: '営業 一郎', email: 'ichiro@example.co.jp', crmUserId, active: true }] });
  return reps[0]!.id;
}

export function logCall(h: SyncHarness, leadId: string, outcome: CallOutcome = 'no_answer', notes = '不在', extra: Record<string, unknown> = {}) {
  const now = h.clock.now();
  return h.call('calls.log', {
    leadId,
    startedAt: new Date(now.getTime() - 3 * minute).toISOString(),
    endedAt: now.toISOString(),
    outcome,
    notes,
    ...(outcome === 'callback_requested' ? { callbackAt: new Date(now.getTime() + 24 * 60 * minute).toISOString() } : {}),
    ...extra,
  });
}

export const qualifiedHearing: HearingInput = {
  budget: { status: 'approved', amount: 5_000_000, confirmed: true },
  authority: { contactRole: 'decision_maker', decisionMakerName: '山田 太郎', approvalProcess: '部長決裁→稟議', confirmed: true },
  need: { pains: ['属人化の解消'], requirements: 'クラウド, SSO', confirmed: true },
  timeline: { targetQuarter: '2025-Q3', drivingEvent: '期初', confirmed: true },
};

export async function handOff(h: SyncHarness, leadId: string, repId: string, summary = '基幹システム刷新の検討。予算承認済み。') {
  const now = h.clock.now().getTime();
  return h.call('handoff.create', {
    leadId,
    fieldRepId: repId,
    appointmentAt: new Date(now + 3 * 24 * 60 * minute).toISOString(),
    appointmentEnd: new Date(now + 3 * 24 * 60 * minute + 60 * minute).toISOString(),
    place: '本社 5F 会議室',
    meetingUrl: null,
    summary,
    overrideReason: 'テスト',
  });
}

/** The fake's records of a type by Koma's external id; fails on a duplicate. */
export function byKomaId(h: SyncHarness, sobject: string): Map<string, Record<string, unknown>> {
  const map = new Map<string, Record<string, unknown>>();
  for (const r of h.fake.records(sobject)) {
    const key = String(r.Koma_Id__c);
    if (map.has(key)) throw new Error(`duplicate ${sobject} for ${key}`);
    map.set(key, r);
  }
  return map;
}
