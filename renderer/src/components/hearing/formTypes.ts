import type { Hearing, QualificationCriteria } from '../../../../shared/contract/hearing';
import type { HearingState } from '../../stores/hearingStore';

/** How a section changes the hearing; the read-only view passes no-ops inside a disabled fieldset. */
export interface HearingEdit {
  update: HearingState['update'];
  setCustom: HearingState['setCustom'];
  setUnreadable: HearingState['setUnreadable'];
}

export interface SectionProps<S extends 'budget' | 'authority' | 'need' | 'timeline'> {
  value: Hearing[S];
  edit: HearingEdit;
  /** The backend's messages by path inside the hearing ('budget.amount'). */
  errors: Readonly<Record<string, string>>;
  criteria: QualificationCriteria;
}

export const readOnlyEdit: HearingEdit = {
  update: () => undefined,
  setCustom: () => undefined,
  setUnreadable: () => undefined,
};
