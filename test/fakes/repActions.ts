import fc from 'fast-check';
import type { HearingInput } from '../../shared/contract/hearing';
import { callOutcomes, excludeReasons, recycleReasons, type CallOutcome, type ExcludeReason, type RecycleReason } from '../../shared/contract/calls';
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

/** The rep's work the sync property tests draw at random (each CRM's test adds its own faults). */
export type RepAction =
  | { kind: 'call'; lead: number; outcome: CallOutcome; notes: string }
  | { kind: 'recycle'; lead: number; reason: RecycleReason; days: number }
  | { kind: 'exclude'; lead: number; reason: ExcludeReason }
  | { kind: 'restore'; lead: number }
  | { kind: 'hearing'; lead: number; confirmed: boolean; amount: number }
  | { kind: 'handoff'; lead: number; summary: string }
  | { kind: 'correct'; pick: number; summary: string };

/**
 * The weighted draws of the rep's work on `leadCount` seeded leads (seedSyncLeads), in a fixed
 * order so a reported seed replays the same script; `hearing` adds hearing saves (Salesforce's
 * test), `correctWeight` how often a handoff is corrected.
 */
export function repActionArbitraries(leadCount: number, options: { hearing?: boolean; correctWeight?: number } = {}): fc.WeightedArbitrary<RepAction>[] {
  const lead = fc.nat({ max: leadCount - 1 });
  const text = fc.string({ maxLength: 12 });
  return [
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('call' as const), lead, outcome: fc.constantFrom(...callOutcomes), notes: text }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('recycle' as const), lead, reason: fc.constantFrom(...recycleReasons), days: fc.integer({ min: 1, max: 180 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('exclude' as const), lead, reason: fc.constantFrom(...excludeReasons) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), lead }) },
    ...(options.hearing ? [{ weight: 2, arbitrary: fc.record({ kind: fc.constant('hearing' as const), lead, confirmed: fc.boolean(), amount: fc.nat({ max: 10_000_000 }) }) }] : []),
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('handoff' as const), lead, summary: text.map((t) => `要約 ${t}`) }) },
    { weight: options.correctWeight ?? 1, arbitrary: fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(), summary: text.map((t) => `訂正 ${t}`) }) },
  ];
}

const repActionKinds = new Set<string>(['call', 'recycle', 'exclude', 'restore', 'hearing', 'handoff', 'correct']);

export function isRepAction(a: { kind: string }): a is RepAction {
  return repActionKinds.has(a.kind);
}

/**
 * Does one of the rep's actions through the real dispatcher, on lead-0000…, at the harness's time.
 * Refusals (a call on an excluded lead, a second handoff) are part of the game; a crash is not.
 */
export async function performRepAction(h: Pick<SyncHarness, 'backend' | 'clock'>, a: RepAction, fieldRepId: string): Promise<void> {
  const now = h.clock.now().getTime();
  const leadId = (n: number) => `lead-${String(n).padStart(4, '0')}`;
  let result;
  switch (a.kind) {
    case 'call':
      result = await h.backend.dispatch('calls.log', {
        leadId: leadId(a.lead),
        startedAt: new Date(now - 2 * minute).toISOString(),
        endedAt: new Date(now).toISOString(),
        outcome: a.outcome,
        notes: a.notes,
        callbackAt: a.outcome === 'callback_requested' ? new Date(now + 24 * 60 * minute).toISOString() : null,
      });
      break;
    case 'recycle':
      result = await h.backend.dispatch('lead.recycle', { leadId: leadId(a.lead), reason: a.reason, until: new Date(now + a.days * 24 * 60 * minute).toISOString() });
      break;
    case 'exclude':
      result = await h.backend.dispatch('lead.exclude', { leadId: leadId(a.lead), reason: a.reason });
      break;
    case 'restore':
      result = await h.backend.dispatch('lead.restore', { leadId: leadId(a.lead) });
      break;
    case 'hearing':
      result = await h.backend.dispatch('hearing.save', {
        leadId: leadId(a.lead),
        hearing: { budget: { status: 'planned', amount: a.amount, confirmed: a.confirmed }, authority: { confirmed: a.confirmed }, need: { confirmed: true }, timeline: {} },
      });
      break;
    case 'handoff':
      result = await h.backend.dispatch('handoff.create', {
        leadId: leadId(a.lead),
        fieldRepId,
        appointmentAt: new Date(now + 2 * 24 * 60 * minute).toISOString(),
        appointmentEnd: new Date(now + 2 * 24 * 60 * minute + 60 * minute).toISOString(),
        summary: a.summary,
        overrideReason: '検証',
      });
      break;
    case 'correct': {
      const ids = (h.backend.context.db.prepare('SELECT id FROM handoffs ORDER BY id').all() as { id: string }[]).map((r) => r.id);
      if (ids.length === 0) return;
      result = await h.backend.dispatch('handoff.update', { handoffId: ids[a.pick % ids.length]!, summary: a.summary });
      break;
    }
  }
  if (!result.ok && !['conflict', 'invalid_input'].includes(result.error.code)) throw new Error(`${a.kind}: ${result.error.code} ${result.error.message}`);
}
