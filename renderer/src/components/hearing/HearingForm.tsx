import type { Hearing, QualificationCriteria } from '../../../../shared/contract/hearing';
import { AuthoritySection } from './AuthoritySection';
import { BudgetSection } from './BudgetSection';
import { CustomFieldsSection } from './CustomFieldsSection';
import type { HearingEdit } from './formTypes';
import { NeedSection } from './NeedSection';
import { TimelineSection } from './TimelineSection';

interface HearingFormProps {
  hearing: Hearing;
  criteria: QualificationCriteria;
  edit: HearingEdit;
  errors: Readonly<Record<string, string>>;
  /** A past version: every control is disabled. */
  readOnly?: boolean;
}

/** The four BANT sections and the team's custom fields. */
export function HearingForm({ hearing, criteria, edit, errors, readOnly = false }: HearingFormProps) {
  const common = { edit, errors, criteria };
  return (
    <fieldset className="hearing-form" disabled={readOnly}>
      <BudgetSection value={hearing.budget} {...common} />
      <AuthoritySection value={hearing.authority} {...common} />
      <NeedSection value={hearing.need} {...common} />
      <TimelineSection value={hearing.timeline} {...common} />
      <CustomFieldsSection values={hearing.custom} fields={criteria.customFields} edit={edit} errors={errors} />
    </fieldset>
  );
}
