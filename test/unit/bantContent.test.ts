import { describe, expect, it } from 'vitest';
import { bantItems, hearingSchema, type BantItem, type HearingInput } from '../../shared/contract/hearing';
import { hasBantContent } from '../../shared/domain/qualification/bantContent';

const hearing = (input: Partial<HearingInput>) => hearingSchema.parse({ budget: {}, authority: {}, need: {}, timeline: {}, ...input });

/** The items marked 確認済み that hold nothing heard, as the hearing form and the qualification check see them. */
const confirmedWithoutContent = (h: ReturnType<typeof hearing>): BantItem[] =>
  bantItems.filter((item) => h[item].confirmed && !hasBantContent(item, h[item]));

describe('hasBantContent: 確認済み needs something heard', () => {
  it.each<[string, Partial<HearingInput>, BantItem[]]>([
    ['nothing confirmed', {}, []],
    ['every item confirmed with nothing heard', { budget: { confirmed: true }, authority: { confirmed: true }, need: { confirmed: true }, timeline: { confirmed: true } }, ['budget', 'authority', 'need', 'timeline']],
    ['導入時期 確認済み 不明', { timeline: { urgency: 'unknown', confirmed: true } }, ['timeline']],
    ['budget status heard', { budget: { status: 'approved', confirmed: true } }, []],
    ['budget amount heard', { budget: { amount: 1_000_000, confirmed: true } }, []],
    ['blank notes do not count', { budget: { notes: '  ', confirmed: true } }, ['budget']],
    ['authority role heard', { authority: { contactRole: 'decision_maker', confirmed: true } }, []],
    ['authority by the approval process', { authority: { approvalProcess: '部長決裁', confirmed: true } }, []],
    ['need by a pain', { need: { pains: ['業務効率化'], confirmed: true } }, []],
    ['need by competitors only (not a need)', { need: { competitors: ['Sansan'], confirmed: true } }, ['need']],
    ['timeline by quarter', { timeline: { targetQuarter: '2026-Q3', confirmed: true } }, []],
    ['timeline by urgency', { timeline: { urgency: 'high', confirmed: true } }, []],
    ['content without the mark is fine', { timeline: { targetQuarter: '2026-Q3' } }, []],
  ])('%s', (_, input, expected) => expect(confirmedWithoutContent(hearing(input))).toEqual(expected));
});
