import { bantItems, type CriterionCheck, type Hearing, type Qualification, type QualificationCriteria } from '../../contract/hearing';
import { hasBantContent } from './bantContent';

/**
 * Which of the team's criteria hold for a hearing and a score, each one listed so the rep sees
 * live what is missing. A lead is qualified when every required criterion holds.
 */
export function evaluateQualification(hearing: Hearing, score: number, criteria: QualificationCriteria): Qualification {
  const checks: CriterionCheck[] = [];
  for (const item of bantItems) {
    // 確認済み with nothing heard tells field sales nothing: it holds only with content (bantContent.ts).
    if (criteria.requireConfirmed[item]) checks.push({ code: `${item}_confirmed`, holds: hearing[item].confirmed && hasBantContent(item, hearing[item]), detail: null });
  }
  if (criteria.minScore !== null) {
    checks.push({ code: 'min_score', holds: score >= criteria.minScore, detail: String(criteria.minScore) });
  }
  if (criteria.budgetFloor !== null) {
    const floor = criteria.budgetFloor;
    const { amount, currency } = hearing.budget;
    // A floor in another currency cannot be compared without a rate; it does not hold until the rep
    // records the budget in the floor's currency.
    checks.push({ code: 'budget_floor', holds: amount !== null && currency === floor.currency && amount >= floor.amount, detail: `${floor.amount} ${floor.currency}` });
  }
  for (const field of criteria.customFields) {
    if (field.required) checks.push({ code: 'custom_field', holds: (hearing.custom[field.key] ?? '').trim().length > 0, detail: field.key });
  }
  return { qualified: checks.every((c) => c.holds), checks };
}
