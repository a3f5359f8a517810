import type { TFunction } from 'i18next';
import { bantItems, type BantItem, type Hearing } from '../../../../shared/contract/hearing';
import { painLabel } from '../hearing/painLabel';
import type { Formats } from '../hearing/useFormats';

const present = (parts: readonly (string | null | undefined)[]) => parts.map((p) => p?.trim() ?? '').filter(Boolean);
const firstLine = (text: string) => text.split(/\r?\n/).find((line) => line.trim())?.trim() ?? '';

/** One line per BANT item, in the rep's language, from what was heard. */
export function bantLines(t: TFunction, hearing: Hearing, formats: Pick<Formats, 'money'>): Record<BantItem, string> {
  const { budget, authority, need, timeline } = hearing;
  const unknown = t('handoffs.summaryLine.unknown');
  const separator = t('handoffs.summaryLine.separator');
  const joined = (parts: readonly (string | null | undefined)[]) => present(parts).join(separator);
  const decisionMaker = present([authority.decisionMakerName, authority.decisionMakerTitle]).join(' ');
  return {
    budget:
      joined([
        t(`hearing.budgetStatus.${budget.status}`),
        budget.amount === null ? null : formats.money(budget.amount, budget.currency),
        budget.fiscalTiming,
        firstLine(budget.notes),
      ]) || unknown,
    authority:
      joined([
        t(`hearing.contactRole.${authority.contactRole}`),
        decisionMaker,
        authority.approvalProcess && firstLine(authority.approvalProcess),
        authority.signer,
      ]) || unknown,
    need: joined([need.pains.map((pain) => painLabel(t, pain)).join(separator), firstLine(need.painNotes), firstLine(need.requirements), need.currentTool]) || unknown,
    timeline:
      joined([
        timeline.targetDate ?? timeline.targetQuarter,
        timeline.drivingEvent,
        timeline.urgency === 'unknown' ? null : `${t('hearing.timeline.urgency')}: ${t(`hearing.urgency.${timeline.urgency}`)}`,
      ]) || unknown,
  };
}

/** The summary the dialog starts from: "予算: 承認済み、￥1,200,000" and so on, unconfirmed items marked. */
export function summaryDraft(t: TFunction, hearing: Hearing, formats: Pick<Formats, 'money'>): string {
  const lines = bantLines(t, hearing, formats);
  return bantItems
    .map((item) => {
      const text = hearing[item].confirmed ? lines[item] : `${lines[item]}${t('handoffs.summaryLine.unconfirmed')}`;
      return t(`handoffs.summaryLine.${item}`, { text });
    })
    .join('\n');
}
