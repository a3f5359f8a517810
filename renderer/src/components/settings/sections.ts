import type { ComponentType } from 'react';
import { BackupSection } from './BackupSection';
import { CalendarSection } from './CalendarSection';
import { CrmConnectionSection } from './CrmConnectionSection';
import { DialModeSection } from './DialModeSection';
import { FieldRepsSection } from './FieldRepsSection';
import { KpiSettingsSection } from './KpiSettingsSection';
import { ProfileSection } from './ProfileSection';
import { TeamSection } from '../team/TeamSection';
import { QualificationSection } from './QualificationSection';
import { QueueRulesSection } from './QueueRulesSection';
import { ReferenceValuesSection } from './ReferenceValuesSection';
import { ScoringRulesSection } from './ScoringRulesSection';
import { WorkWeekSection } from './WorkWeekSection';
import { TalkSection } from './talk/TalkSection';
import { FollowupTemplatesSection } from './FollowupTemplatesSection';

/**
 * The settings screen is a column of sections, one per feature (call queue rules, scoring,
 * qualification, field reps, planner, CRM connection…). One line per section.
 */
export const settingsSections: readonly { id: string; Component: ComponentType }[] = [
  { id: 'profile', Component: ProfileSection },
  { id: 'team', Component: TeamSection },
  { id: 'dialMode', Component: DialModeSection },
  { id: 'queueRules', Component: QueueRulesSection },
  { id: 'scoringRules', Component: ScoringRulesSection },
  { id: 'qualification', Component: QualificationSection },
  { id: 'fieldReps', Component: FieldRepsSection },
  { id: 'workWeek', Component: WorkWeekSection },
  { id: 'calendar', Component: CalendarSection },
  { id: 'kpi', Component: KpiSettingsSection },
  { id: 'referenceValues', Component: ReferenceValuesSection },
  { id: 'talk', Component: TalkSection },
  { id: 'followupTemplates', Component: FollowupTemplatesSection },
  { id: 'crmConnection', Component: CrmConnectionSection },
  { id: 'backups', Component: BackupSection },
];
