import { describe, expect, it } from 'vitest';
import { defaultQualificationCriteria, emptyHearing, hearingSchema, type Hearing, type QualificationCriteria } from '../../shared/contract/hearing';
import { evaluateQualification } from '../../shared/domain/qualification/evaluate';

/** Each item marked as asked, with something heard in it (a 確認済み needs content). */
const confirmed = (items: Partial<Record<'budget' | 'authority' | 'need' | 'timeline', boolean>>, patch: Partial<Hearing> = {}): Hearing => ({
  ...emptyHearing,
  ...patch,
  budget: { ...emptyHearing.budget, status: 'approved', ...patch.budget, confirmed: items.budget ?? false },
  authority: { ...emptyHearing.authority, contactRole: 'decision_maker', confirmed: items.authority ?? false },
  need: { ...emptyHearing.need, pains: ['属人化の解消'], confirmed: items.need ?? false },
  timeline: { ...emptyHearing.timeline, targetQuarter: '2025-Q3', confirmed: items.timeline ?? false },
});
const markedOnly: Hearing = {
  ...emptyHearing,
  budget: { ...emptyHearing.budget, confirmed: true },
  authority: { ...emptyHearing.authority, confirmed: true },
  need: { ...emptyHearing.need, confirmed: true },
  timeline: { ...emptyHearing.timeline, confirmed: true },
};
const all = { budget: true, authority: true, need: true, timeline: true };
const criteria = (patch: Partial<QualificationCriteria>): QualificationCriteria => ({ ...defaultQualificationCriteria, ...patch });

describe('evaluateQualification', () => {
  it.each<[string, Hearing, number, QualificationCriteria, boolean, string[]]>([
    ['default: nothing heard', emptyHearing, 50, defaultQualificationCriteria, false, ['budget_confirmed', 'authority_confirmed', 'need_confirmed', 'timeline_confirmed']],
    ['default: three of four', confirmed({ budget: true, authority: true, need: true }), 50, defaultQualificationCriteria, false, ['timeline_confirmed']],
    ['default: all four confirmed', confirmed(all), 0, defaultQualificationCriteria, true, []],
    ['all four marked 確認済み with nothing heard', markedOnly, 0, defaultQualificationCriteria, false, ['budget_confirmed', 'authority_confirmed', 'need_confirmed', 'timeline_confirmed']],
    ['notes alone are something heard', { ...markedOnly, budget: { ...markedOnly.budget, notes: '来期予算で検討' } }, 0, criteria({ requireConfirmed: { budget: true, authority: false, need: false, timeline: false } }), true, []],
    ['team requires need and timeline only', confirmed({ need: true, timeline: true }), 0, criteria({ requireConfirmed: { budget: false, authority: false, need: true, timeline: true } }), true, []],
    ['minimum score not reached', confirmed(all), 59, criteria({ minScore: 60 }), false, ['min_score']],
    ['minimum score reached exactly', confirmed(all), 60, criteria({ minScore: 60 }), true, []],
    ['budget floor met', confirmed(all, { budget: { ...emptyHearing.budget, amount: 5_000_000, currency: 'JPY' } }), 0, criteria({ budgetFloor: { amount: 3_000_000, currency: 'JPY' } }), true, []],
    ['budget below the floor', confirmed(all, { budget: { ...emptyHearing.budget, amount: 1_000_000, currency: 'JPY' } }), 0, criteria({ budgetFloor: { amount: 3_000_000, currency: 'JPY' } }), false, ['budget_floor']],
    ['budget amount unknown', confirmed(all), 0, criteria({ budgetFloor: { amount: 1, currency: 'JPY' } }), false, ['budget_floor']],
    ['budget in another currency', confirmed(all, { budget: { ...emptyHearing.budget, amount: 50_000, currency: 'USD' } }), 0, criteria({ budgetFloor: { amount: 3_000_000, currency: 'JPY' } }), false, ['budget_floor']],
    ['required custom field blank', confirmed(all, { custom: { project_name: '  ' } }), 0, criteria({ customFields: [{ key: 'project_name', label: '案件名', required: true }] }), false, ['custom_field']],
    ['required custom field answered', confirmed(all, { custom: { project_name: '基幹刷新' } }), 0, criteria({ customFields: [{ key: 'project_name', label: '案件名', required: true }] }), true, []],
    ['optional custom field is not a criterion', confirmed(all), 0, criteria({ customFields: [{ key: 'memo', label: 'メモ', required: false }] }), true, []],
  ])('%s', (_case, hearing, score, rules, qualified, missing) => {
    const result = evaluateQualification(hearing, score, rules);
    expect(result.qualified).toBe(qualified);
    expect(result.checks.filter((c) => !c.holds).map((c) => c.code)).toEqual(missing);
  });
});

describe('hearingSchema', () => {
  it.each<[string, unknown, string]>([
    ['negative amount', { budget: { amount: -1 } }, 'budget.amount'],
    ['fractional yen', { budget: { amount: 1.5 } }, 'budget.amount'],
    ['unknown budget status', { budget: { status: 'maybe' } }, 'budget.status'],
    ['unknown role', { authority: { contactRole: 'boss' } }, 'authority.contactRole'],
    ['bad quarter', { timeline: { targetQuarter: 'Q3' } }, 'timeline.targetQuarter'],
    ['bad date', { timeline: { targetDate: '2026-13-01' } }, 'timeline.targetDate'],
    ['unknown field', { budget: { guess: 1 } }, 'budget'],
  ])('refuses %s', (_case, patch, path) => {
    const input = { budget: {}, authority: {}, need: {}, timeline: {}, ...(patch as object) };
    const result = hearingSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path.join('.')).join()).toContain(path);
  });

  it('fills defaults: JPY, unknown, not confirmed', () => {
    expect(emptyHearing.budget).toMatchObject({ status: 'unknown', currency: 'JPY', amount: null, confirmed: false });
  });
});
