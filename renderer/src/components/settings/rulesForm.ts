import type { AppError } from '../../../../shared/contract';
import type { CallOutcome } from '../../../../shared/contract/calls';
import type { LeadSource } from '../../../../shared/contract/leads';
import type { QueueRules } from '../../../../shared/contract/queueRules';
import type { BehaviourKind, ScoringRules, titleLevels } from '../../../../shared/contract/scoringRules';
import type { RecycleReason } from '../../../../shared/contract/calls';
import { durationOfMinutes, minutesOfDuration, type DurationUnit } from '../../../../shared/domain/duration';

/**
 * The rules forms keep numbers as the text typed, so a field can be blank or half-typed. On save
 * they become numbers as they are: a blank or non-number goes to the backend as such and comes
 * back as that field's invalid_input issue, so the validation rules live only in the contract.
 */
export function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

const text = (n: number) => String(n);

function mapValues<K extends string, A, B>(record: Record<K, A>, f: (value: A) => B): Record<K, B> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value as A)])) as Record<K, B>;
}

/** A duration as typed: the amount's text and the unit chosen beside it (分 / 時間 / 日). */
export interface DurationText {
  amount: string;
  unit: DurationUnit;
}

function durationText(minutes: number): DurationText {
  const { amount, unit } = durationOfMinutes(minutes);
  return { amount: text(amount), unit };
}

function minutesOf(duration: DurationText): number {
  return minutesOfDuration({ amount: toNumber(duration.amount), unit: duration.unit });
}

export interface QueueRulesForm {
  start: string;
  end: string;
  days: number[];
  timeZone: string;
  maxAttempts: string;
  dailyCap: string;
  cooldown: Record<CallOutcome, DurationText>;
  speedToLead: Record<LeadSource, DurationText>;
  hotScore: string;
  staleDays: string;
  skip: DurationText;
  recycleDays: Record<RecycleReason, string>;
  recycleReturn: string;
}

export function queueRulesForm(rules: QueueRules): QueueRulesForm {
  return {
    start: rules.callingHours.start,
    end: rules.callingHours.end,
    days: [...rules.callingHours.days],
    timeZone: rules.defaultTimeZone,
    maxAttempts: text(rules.maxAttempts),
    dailyCap: text(rules.dailyCapPerLead),
    cooldown: mapValues(rules.cooldownMinutes, durationText),
    speedToLead: mapValues(rules.speedToLeadMinutes, (minutes) => (minutes === null ? { amount: '', unit: 'hours' } : durationText(minutes))),
    hotScore: text(rules.hotScore),
    staleDays: text(rules.staleDays),
    skip: durationText(rules.skipMinutes),
    recycleDays: mapValues(rules.recycleDays, text),
    recycleReturn: text(rules.recycleReturnBehaviourScore),
  };
}

export function queueRulesFromForm(form: QueueRulesForm): QueueRules {
  return {
    callingHours: { start: form.start, end: form.end, days: [...form.days].sort((a, b) => a - b) },
    defaultTimeZone: form.timeZone.trim(),
    maxAttempts: toNumber(form.maxAttempts),
    dailyCapPerLead: toNumber(form.dailyCap),
    cooldownMinutes: mapValues(form.cooldown, minutesOf),
    // Blank means "this source has no speed-to-lead window".
    speedToLeadMinutes: mapValues(form.speedToLead, (duration) => (duration.amount.trim() === '' ? null : minutesOf(duration))),
    hotScore: toNumber(form.hotScore),
    staleDays: toNumber(form.staleDays),
    recycleDays: mapValues(form.recycleDays, toNumber),
    skipMinutes: minutesOf(form.skip),
    recycleReturnBehaviourScore: toNumber(form.recycleReturn),
  };
}

export type TitleLevel = (typeof titleLevels)[number];

export interface ScoringRulesForm {
  sizeBands: { minEmployees: string; points: string }[];
  industries: { keyword: string; points: string }[];
  otherIndustryPoints: string;
  titles: { level: TitleLevel; keywords: string; points: string }[];
  behaviourPoints: Record<BehaviourKind, string>;
  halfLifeDays: string;
  behaviourCap: string;
}

/** Keywords are typed as one line, split at commas (ASCII, full-width or Japanese 、). */
export function splitKeywords(line: string): string[] {
  return line
    .split(/[,，、]/)
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword.length > 0);
}

export function scoringRulesForm(rules: ScoringRules): ScoringRulesForm {
  return {
    sizeBands: rules.sizeBands.map((band) => ({ minEmployees: text(band.minEmployees), points: text(band.points) })),
    industries: rules.industries.map((industry) => ({ keyword: industry.keyword, points: text(industry.points) })),
    otherIndustryPoints: text(rules.otherIndustryPoints),
    titles: rules.titles.map((title) => ({ level: title.level, keywords: title.keywords.join(', '), points: text(title.points) })),
    behaviourPoints: mapValues(rules.behaviourPoints, text),
    halfLifeDays: text(rules.halfLifeDays),
    behaviourCap: text(rules.behaviourCap),
  };
}

export function scoringRulesFromForm(form: ScoringRulesForm): ScoringRules {
  return {
    sizeBands: form.sizeBands.map((band) => ({ minEmployees: toNumber(band.minEmployees), points: toNumber(band.points) })),
    industries: form.industries.map((industry) => ({ keyword: industry.keyword.trim(), points: toNumber(industry.points) })),
    otherIndustryPoints: toNumber(form.otherIndustryPoints),
    titles: form.titles.map((title) => ({ level: title.level, keywords: splitKeywords(title.keywords), points: toNumber(title.points) })),
    behaviourPoints: mapValues(form.behaviourPoints, toNumber),
    halfLifeDays: toNumber(form.halfLifeDays),
    behaviourCap: toNumber(form.behaviourCap),
  };
}

export type Issues = NonNullable<AppError['issues']>;

/** The backend's messages for one field (its path under `rules`) or anything inside it. */
export function issuesAt(issues: Issues, path: string): string[] {
  const full = `rules.${path}`;
  return issues.filter((issue) => issue.path === full || issue.path.startsWith(`${full}.`)).map((issue) => issue.message);
}

/** The backend's messages for a list as a whole (e.g. "at least one size band"), not for its rows. */
export function issuesExactly(issues: Issues, path: string): string[] {
  return issues.filter((issue) => issue.path === `rules.${path}`).map((issue) => issue.message);
}
