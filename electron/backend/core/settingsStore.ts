import { z } from 'zod';
import { defaultReferenceValues, referenceValuesSchema, type ReferenceValues } from '../../../shared/contract/reference';
import { businessCalendarSchema, defaultBusinessCalendar, type BusinessCalendar } from '../../../shared/contract/calendar';
import { defaultKpiSettings, kpiSettingsSchema, type KpiSettings } from '../../../shared/contract/planner';
import { profileSchema, type Profile } from '../../../shared/contract/profile';
import { defaultWorkWeek, slotKindSchema, slotTargetSchema, workWeekSchema, type WorkWeek } from '../../../shared/contract/slots';
import { defaultQualificationCriteria, qualificationCriteriaSchema, type QualificationCriteria } from '../../../shared/contract/hearing';
import { defaultQueueRules, queueRulesSchema, type QueueRules } from '../../../shared/contract/queueRules';
import { defaultScoringRules, scoringRulesSchema, type ScoringRules } from '../../../shared/contract/scoringRules';
import { defaultTeamSettings, teamSettingsSchema, type TeamSettings } from '../../../shared/contract/team';
import { followupTemplatesSchema, type FollowupTemplate } from '../../../shared/contract/followup';
import { defaultFollowupTemplates } from '../../../shared/domain/followup/defaults';
import type { Db } from '../db/open';
import { perDatabase } from '../db/perDatabase';

const statements = perDatabase((db: Db) => ({
  read: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
  write: db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ),
  parsed: new Map<string, { text: string; value: unknown }>(),
}));

interface SettingSpec<T> {
  key: string;
  schema: z.ZodType<T>;
  fallback: T;
}


const slotTemplatesSchema = z.array(
  z.object({
    name: z.string(),
    slots: z.array(z.object({ dayOffset: z.number().int().min(0).max(6), index: z.number().int().min(0), kind: slotKindSchema, target: slotTargetSchema.nullable() })),
  }),
);
export type SlotTemplates = z.infer<typeof slotTemplatesSchema>;

export const settingSpecs = {
  workWeek: { key: 'work_week', schema: workWeekSchema, fallback: defaultWorkWeek } satisfies SettingSpec<WorkWeek>,
  slotTemplates: { key: 'slot_templates', schema: slotTemplatesSchema, fallback: [] } satisfies SettingSpec<SlotTemplates>,
  kpi: { key: 'kpi', schema: kpiSettingsSchema, fallback: defaultKpiSettings } satisfies SettingSpec<KpiSettings>,
  profile: { key: 'profile', schema: profileSchema, fallback: { repName: '' } } satisfies SettingSpec<Profile>,
  qualificationCriteria: {
    key: 'qualification_criteria',
    schema: qualificationCriteriaSchema,
    fallback: defaultQualificationCriteria,
  } satisfies SettingSpec<QualificationCriteria>,
  queueRules: { key: 'queue_rules', schema: queueRulesSchema, fallback: defaultQueueRules } satisfies SettingSpec<QueueRules>,
  scoringRules: { key: 'scoring_rules', schema: scoringRulesSchema, fallback: defaultScoringRules } satisfies SettingSpec<ScoringRules>,
  /** Holidays and the company's closures (年末年始, お盆…): closed days in the planner and the queue. */
  /** The dashboard's reference values (参考値), overridable by the team. */
  referenceValues: { key: 'reference_values', schema: referenceValuesSchema, fallback: defaultReferenceValues } satisfies SettingSpec<ReferenceValues>,
  calendar: { key: 'business_calendar', schema: businessCalendarSchema, fallback: defaultBusinessCalendar } satisfies SettingSpec<BusinessCalendar>,
  /** Rep or manager, the team a manager watches and its monthly goal (the Team screen). */
  team: { key: 'team', schema: teamSettingsSchema, fallback: defaultTeamSettings } satisfies SettingSpec<TeamSettings>,
  followupTemplates: { key: 'followup_templates', schema: followupTemplatesSchema, fallback: [...defaultFollowupTemplates] } satisfies SettingSpec<FollowupTemplate[]>,
};

/**
 * A stored setting, or its default. A stored value that no longer parses (written by an older
 * version with other fields) falls back to the default rather than breaking the call list.
 */
export function readSetting<T>(db: Db, spec: SettingSpec<T>): T {
  const s = statements(db);
  const row = s.read.get(spec.key);
  if (!row) return spec.fallback;
  // Rules are read on every list request; parse each stored text once. Keyed by the text itself,
  // so a rolled-back write can never leave a stale value behind.
  const cached = s.parsed.get(spec.key);
  if (cached && cached.text === row.value) return cached.value as T;
  const parsed = spec.schema.safeParse(JSON.parse(row.value));
  const value = parsed.success ? parsed.data : spec.fallback;
  s.parsed.set(spec.key, { text: row.value, value });
  return value;
}

export function writeSetting<T>(db: Db, spec: SettingSpec<T>, value: T, at: string): void {
  statements(db).write.run(spec.key, JSON.stringify(value), at);
}
