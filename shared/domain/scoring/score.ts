import type { BehaviourKind, ScoringRules } from '../../contract/scoringRules';
import { unmappedIndustry } from '../import/industry';

export interface ScoredAttributes {
  employees: number | null;
  industry: string | null;
  title: string | null;
}

export interface BehaviourEvent {
  kind: BehaviourKind;
  occurredAt: string;
}

export type ScorePart =
  | { kind: 'size'; points: number; employees: number | null }
  | { kind: 'industry'; points: number; industry: string | null; matched: string | null }
  | { kind: 'title'; points: number; title: string | null; level: string | null }
  | { kind: 'behaviour'; points: number; event: BehaviourKind; count: number };

export interface LeadScore {
  attribute: number;
  behaviour: number;
  total: number;
  /** Every part of the score, so the rep sees why a lead ranks where it does. */
  breakdown: ScorePart[];
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/**
 * Japanese has no word breaks, so Japanese keywords match anywhere; Latin ones match whole words,
 * or "IT" would match "Hospitality".
 */
export function matchesKeyword(text: string, keyword: string): boolean {
  const t = fold(text);
  const k = fold(keyword);
  if (!/^[\x20-\x7e]+$/.test(k)) return t.includes(k);
  let from = t.indexOf(k);
  while (from !== -1) {
    const before = t[from - 1];
    const after = t[from + k.length];
    if (!(before && /[a-z0-9]/.test(before)) && !(after && /[a-z0-9]/.test(after))) return true;
    from = t.indexOf(k, from + 1);
  }
  return false;
}

export function attributeParts(attrs: ScoredAttributes, rules: ScoringRules): ScorePart[] {
  const band = [...rules.sizeBands].sort((a, b) => b.minEmployees - a.minEmployees).find((b) => attrs.employees !== null && attrs.employees >= b.minEmployees);
  // A vendor code Koma could not read ("other: IT_SOMETHING") is an other industry, whatever letters it holds.
  const readable = attrs.industry !== null && unmappedIndustry(attrs.industry) === null;
  const industry = readable ? rules.industries.find((i) => matchesKeyword(attrs.industry!, i.keyword)) : undefined;
  const title = attrs.title ? rules.titles.find((t) => t.keywords.some((k) => matchesKeyword(attrs.title!, k))) : undefined;
  return [
    { kind: 'size', points: band?.points ?? 0, employees: attrs.employees },
    { kind: 'industry', points: industry ? industry.points : attrs.industry ? rules.otherIndustryPoints : 0, industry: attrs.industry, matched: industry?.keyword ?? null },
    { kind: 'title', points: title?.points ?? 0, title: attrs.title, level: title?.level ?? null },
  ];
}

/** Each event's points halve every halfLifeDays; the sum is capped so behaviour never outweighs fit. */
export function behaviourParts(events: readonly BehaviourEvent[], rules: ScoringRules, now: Date): ScorePart[] {
  const byKind = new Map<BehaviourKind, { points: number; count: number }>();
  for (const event of events) {
    const ageDays = Math.max(0, (now.getTime() - Date.parse(event.occurredAt)) / 86_400_000);
    const decayed = rules.behaviourPoints[event.kind] * 0.5 ** (ageDays / rules.halfLifeDays);
    const sum = byKind.get(event.kind) ?? { points: 0, count: 0 };
    byKind.set(event.kind, { points: sum.points + decayed, count: sum.count + 1 });
  }
  return [...byKind].map(([event, sum]) => ({ kind: 'behaviour', points: Math.round(sum.points), event, count: sum.count }));
}

export function scoreLead(attrs: ScoredAttributes, events: readonly BehaviourEvent[], rules: ScoringRules, now: Date): LeadScore {
  const attributes = attributeParts(attrs, rules);
  const behaviours = behaviourParts(events, rules, now);
  const attribute = attributes.reduce((sum, p) => sum + p.points, 0);
  const behaviour = Math.min(rules.behaviourCap, behaviours.reduce((sum, p) => sum + p.points, 0));
  return { attribute, behaviour, total: attribute + behaviour, breakdown: [...attributes, ...behaviours] };
}
