import { z } from 'zod';
import { callOutcomeSchema } from './calls';
import { csvFileSchema } from './imports';

const id = z.string().min(1).max(100);

export const phoneCallSources = ['salesforce', 'miitel', 'zoom'] as const;
export const phoneCallStates = ['matched', 'unmatched', 'dismissed'] as const;
export const phoneCallRowProblems = ['no_start', 'bad_start', 'no_number', 'bad_duration', 'malformed'] as const;

/** A Koma call a phone system call is, or could be, attached to. */
export const phoneCallTargetSchema = z.object({ callId: z.string(), startedAt: z.string(), outcome: callOutcomeSchema, durationSec: z.number().nullable() });

export const phoneCallRowSchema = z.object({
  id: z.string(),
  source: z.enum(phoneCallSources),
  state: z.enum(phoneCallStates),
  matchedBy: z.enum(['auto', 'rep']).nullable(),
  startedAt: z.string(),
  durationSec: z.number().int().nullable(),
  direction: z.enum(['outbound', 'inbound']).nullable(),
  result: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  summary: z.string(),
  /** The lead, when Koma knows whose call it was. */
  lead: z.object({ id: z.string(), fullName: z.string(), companyName: z.string() }).nullable(),
  /** The Koma call it is attached to. */
  call: phoneCallTargetSchema.nullable(),
  /** The lead's Koma calls it could be attached to instead, nearest first. */
  candidates: z.array(phoneCallTargetSchema),
});
export type PhoneCallRow = z.infer<typeof phoneCallRowSchema>;

/** The rows a screen shows at once, newest first. */
export const phoneCallsPageSize = 200;

export const phoneCallImportResultSchema = z.object({
  vendor: z.enum(['miitel', 'zoom']),
  /** Data rows in the file: matched + unmatched + alreadyKnown + invalid.length + skipped. */
  rows: z.number().int().min(0),
  matched: z.number().int().min(0),
  /** No lead in Koma has the number. */
  unmatchedNoLead: z.number().int().min(0),
  /** A lead has it, but no Koma call of theirs was near that time. */
  unmatchedNoCall: z.number().int().min(0),
  /** Imported before (the same file again), or the same call already pulled from the CRM. */
  alreadyKnown: z.number().int().min(0),
  /** Blank lines. */
  skipped: z.number().int().min(0),
  invalid: z.array(z.object({ row: z.number().int().min(1), problem: z.enum(phoneCallRowProblems) })),
});
export type PhoneCallImportResult = z.infer<typeof phoneCallImportResultSchema>;

export const phoneCallCommands = {
  list: z.object({ state: z.enum(['open', 'matched', 'unmatched']).default('open') }).strict(),
  listOutput: z.object({ total: z.number().int().min(0), rows: z.array(phoneCallRowSchema) }),
  import: csvFileSchema.strict(),
  attach: z.object({ phoneCallId: id, callId: id }).strict(),
  one: z.object({ phoneCallId: id }).strict(),
};
