import { z } from 'zod';
import { appInfoOutput } from './app';
import { callListInput, callListOutput, leadSearchInput, leadSearchOutput } from './leads';
import { callFlowCommands, leadDetailSchema, logCallInput, prepChecklistSchema, queueNextOutput } from './callFlow';
import {
  exportFileSchema,
  fieldRepInputSchema,
  fieldRepSchema,
  handoffCreateInput,
  handoffListInput,
  handoffRowSchema,
  handoffStateSchema,
  handoffUpdateInput,
  handoffViewSchema,
  hearingViewSchema,
} from './handoff';
import { hearingSchema, qualificationCriteriaSchema } from './hearing';
import { leadSourceSchema, leadStatusSchema } from './leads';
import { duplicateCommands } from './duplicates';
import { csvFileSchema, importJobSchema, importPreviewOutput, importReportInput, importReportOutput, importStartInput } from './imports';
import { goalPlanSchema, kpiReportInput, kpiReportSchema, kpiSettingsSchema, plannerCommands, weekViewSchema } from './planner';
import { profileSchema } from './profile';
import { queueRulesSchema } from './queueRules';
import { scoringRulesSchema } from './scoringRules';
import { behaviourImportInput, behaviourImportResultSchema } from './behaviour';
import { backupCommands, backupInfoSchema } from './backups';
import { syncCommands } from './sync';
import { talkCommands } from './talk';
import { followupCommands } from './followup';
import { businessCalendarSchema, calendarCommands, scheduleMoveSchema } from './calendar';
import { referenceCommands } from './reference';
import { phoneCallCommands, phoneCallImportResultSchema } from './phoneCalls';
import { teamCommands } from './team';

const empty = z.object({}).strict();
const statusOutput = z.object({ status: leadStatusSchema });
const savedAt = z.object({ savedAt: z.string() });
/** `moved`: the next call time the rules chose fell on a closed day or outside calling hours, and moved. */
const logCallOutput = z.object({ callId: z.string(), leadStatus: leadStatusSchema, nextCallAt: z.string().nullable(), moved: scheduleMoveSchema.nullable().optional() });
const scheduledOutput = statusOutput.extend({ moved: scheduleMoveSchema.nullable().optional() });

function command<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/**
 * Every renderer→backend command, declared once. The dispatcher, the preload, the HTTP transport
 * and the renderer client are all derived from this map; nothing else lists command names.
 */
export const contract = {
  'app.info': command(empty, appInfoOutput),
  'callList.page': command(callListInput.strict(), callListOutput),
  'import.preview': command(csvFileSchema.strict(), importPreviewOutput),
  'import.start': command(importStartInput.strict(), importJobSchema),
  'import.startSample': command(empty, importJobSchema),
  'import.status': command(z.object({ jobId: z.string().min(1).max(100) }).strict(), importJobSchema),
  'import.report': command(importReportInput.strict(), importReportOutput),
  'queue.next': command(callFlowCommands.next, queueNextOutput),
  'lead.get': command(callFlowCommands.leadId, leadDetailSchema),
  'lead.skip': command(callFlowCommands.skip, scheduledOutput),
  'lead.recycle': command(callFlowCommands.recycle, scheduledOutput),
  'lead.exclude': command(callFlowCommands.exclude, statusOutput),
  'lead.restore': command(callFlowCommands.leadId, statusOutput),
  'lead.setDoNotCall': command(callFlowCommands.setDoNotCall, statusOutput),
  'lead.setReadings': command(callFlowCommands.setReadings, z.object({})),
  'duplicates.list': command(duplicateCommands.list, duplicateCommands.listOutput),
  'duplicates.merge': command(duplicateCommands.merge, duplicateCommands.mergeOutput),
  'duplicates.keepSeparate': command(duplicateCommands.keepSeparate, z.object({})),
  'calls.log': command(logCallInput, logCallOutput),
  'calls.logAndNext': command(
    z.object({ call: logCallInput, source: leadSourceSchema.nullable().default(null) }).strict(),
    z.object({ logged: logCallOutput, next: leadDetailSchema.nullable() }),
  ),
  'callDraft.save': command(callFlowCommands.saveDraft, savedAt),
  'callDraft.discard': command(callFlowCommands.leadId, empty),
  'prep.saveNotes': command(callFlowCommands.savePrepNotes, savedAt),
  'lead.saveNotes': command(callFlowCommands.saveLeadNotes, savedAt),
  'leads.search': command(leadSearchInput, leadSearchOutput),
  'prep.setChecklist': command(callFlowCommands.setChecklist, z.object({ checklist: prepChecklistSchema })),
  'settings.get': command(
    empty,
    z.object({
      queueRules: queueRulesSchema,
      scoringRules: scoringRulesSchema,
      qualificationCriteria: qualificationCriteriaSchema,
      profile: profileSchema,
      /** The company calendar, so the renderer's default dates (recycle) avoid closed days as the backend does. */
      calendar: businessCalendarSchema.optional(),
    }),
  ),
  'settings.saveQualificationCriteria': command(z.object({ criteria: qualificationCriteriaSchema }).strict(), empty),
  'settings.saveProfile': command(z.object({ profile: profileSchema }).strict(), empty),
  'settings.saveQueueRules': command(z.object({ rules: queueRulesSchema }).strict(), z.object({ requeued: z.number().int() })),
  'hearing.get': command(z.object({ leadId: z.string().min(1).max(100), version: z.number().int().min(1).nullable().default(null) }).strict(), hearingViewSchema),
  'hearing.save': command(
    z.object({ leadId: z.string().min(1).max(100), hearing: hearingSchema }).strict(),
    hearingViewSchema.extend({ savedAt: z.string() }),
  ),
  'handoff.create': command(handoffCreateInput, handoffViewSchema),
  'handoff.update': command(handoffUpdateInput, handoffViewSchema),
  'handoff.get': command(z.object({ handoffId: z.string().min(1).max(100) }).strict(), handoffViewSchema),
  'handoff.list': command(handoffListInput, z.object({ rows: z.array(handoffRowSchema) })),
  'handoff.exportIcs': command(z.object({ handoffId: z.string().min(1).max(100) }).strict(), exportFileSchema),
  'handoff.export': command(z.object({ format: z.enum(['csv', 'json']), state: handoffStateSchema.nullable().default(null) }).strict(), exportFileSchema),
  'fieldReps.list': command(empty, z.object({ reps: z.array(fieldRepSchema) })),
  'fieldReps.save': command(z.object({ reps: z.array(fieldRepInputSchema).min(1).max(200) }).strict(), z.object({ reps: z.array(fieldRepSchema) })),
  'planner.week': command(plannerCommands.week, weekViewSchema),
  'planner.assign': command(plannerCommands.assign, weekViewSchema),
  'planner.copyWeek': command(plannerCommands.copyWeek, weekViewSchema),
  'planner.saveTemplate': command(plannerCommands.saveTemplate, weekViewSchema),
  'planner.applyTemplate': command(plannerCommands.applyTemplate, weekViewSchema),
  'planner.saveWorkWeek': command(plannerCommands.saveWorkWeek, weekViewSchema),
  'kpi.report': command(kpiReportInput, kpiReportSchema),
  'kpi.goal': command(empty, goalPlanSchema),
  /** Counts the dashboard's daily tallies again from the calls and exits themselves. */
  'kpi.rebuildTallies': command(empty, z.object({ calls: z.number().int().min(0), exits: z.number().int().min(0) })),
  'kpi.saveSettings': command(z.object({ settings: kpiSettingsSchema }).strict(), goalPlanSchema),
  'settings.saveScoringRules': command(z.object({ rules: scoringRulesSchema }).strict(), z.object({ rescored: z.number().int() })),
  'behaviour.import': command(behaviourImportInput, behaviourImportResultSchema),
  'backup.list': command(empty, backupCommands.list),
  'backup.create': command(empty, backupInfoSchema),
  'backup.restore': command(backupCommands.restoreInput, backupCommands.restoreOutput),
  'recovery.dismiss': command(empty, backupCommands.dismissRecoveryOutput),
  'calendar.get': command(empty, calendarCommands.getOutput),
  'calendar.save': command(calendarCommands.saveInput, calendarCommands.saveOutput),
  'reference.get': command(empty, referenceCommands.output),
  'reference.save': command(referenceCommands.saveInput, referenceCommands.output),
  'phoneCalls.list': command(phoneCallCommands.list, phoneCallCommands.listOutput),
  'phoneCalls.import': command(phoneCallCommands.import, phoneCallImportResultSchema),
  'phoneCalls.attach': command(phoneCallCommands.attach, empty),
  'phoneCalls.detach': command(phoneCallCommands.one, empty),
  'phoneCalls.dismiss': command(phoneCallCommands.one, empty),
  ...syncCommands,
  ...talkCommands,
  ...teamCommands,
  ...followupCommands,
} as const;

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<Contract[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Contract[K]['output']>;

export const commandNames = Object.keys(contract) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(contract, name);
}

export * from './errors';
