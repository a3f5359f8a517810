import { describe, expect, it } from 'vitest';
import { defaultScoringRules as rules, type BehaviourKind } from '../../shared/contract/scoringRules';
import { scoreLead, type ScoredAttributes } from '../../shared/domain/scoring/score';

const now = new Date('2026-11-23T01:00:00.000Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const none: ScoredAttributes = { employees: null, industry: null, title: null };

describe('attribute score', () => {
  it.each<[string, ScoredAttributes, number]>([
    ['nothing known', none, 0],
    ['enterprise IT executive', { employees: 1200, industry: 'IT・通信', title: '代表取締役社長' }, 20 + 20 + 20],
    ['mid-size manufacturer, manager', { employees: 350, industry: '製造業', title: '情報システム部 部長' }, 15 + 15 + 12],
    ['small retailer, staff', { employees: 40, industry: '小売', title: '担当' }, 5 + 5 + 4],
    ['tiny company, unknown title', { employees: 5, industry: null, title: 'アルバイト' }, 0],
    ['full-width and English titles match', { employees: 100, industry: 'Software', title: 'ＩＴ Manager' }, 10 + 20 + 12],
    ['Latin keywords match whole words only', { employees: null, industry: 'Hospitality', title: 'Leader of nothing' }, 5],
    ['IT inside Japanese text still matches', { employees: null, industry: 'IT・通信', title: null }, 20],
    ['band boundaries are inclusive', { employees: 1000, industry: null, title: null }, 20],
  ])('%s', (_case, attrs, expected) => {
    expect(scoreLead(attrs, [], rules, now).attribute).toBe(expected);
  });
});

describe('behaviour score with decay', () => {
  const ev = (kind: BehaviourKind, age: number) => ({ kind, occurredAt: daysAgo(age) });
  it.each<[string, ReturnType<typeof ev>[], number]>([
    ['no events', [], 0],
    ['quote request today', [ev('quote_request', 0)], 25],
    ['quote request one half-life ago', [ev('quote_request', 30)], 13],
    ['quote request two half-lives ago', [ev('quote_request', 60)], 6],
    ['three web visits today', [ev('web_visit', 0), ev('web_visit', 0), ev('web_visit', 0)], 6],
    ['capped at 40', [ev('quote_request', 0), ev('free_trial', 0), ev('seminar', 0)], 40],
    ['an event dated in the future counts as today', [{ kind: 'seminar', occurredAt: daysAgo(-3) }], 10],
  ])('%s', (_case, events, expected) => {
    expect(scoreLead(none, events, rules, now).behaviour).toBe(expected);
  });
});

it('attribute outweighs behaviour at the top of each', () => {
  const best = scoreLead({ employees: 5000, industry: 'IT', title: 'CEO' }, [], rules, now);
  expect(best.attribute).toBeGreaterThan(rules.behaviourCap);
});

it('the breakdown explains the whole total', () => {
  const score = scoreLead({ employees: 350, industry: '製造業', title: '部長' }, [{ kind: 'seminar', occurredAt: daysAgo(0) }], rules, now);
  expect(score.total).toBe(score.attribute + score.behaviour);
  expect(score.breakdown.reduce((sum, p) => sum + p.points, 0)).toBe(score.total);
  expect(score.breakdown.map((p) => p.kind)).toEqual(['size', 'industry', 'title', 'behaviour']);
});
