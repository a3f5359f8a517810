import { z } from 'zod';
import { callOutcomeSchema } from '../../../shared/contract/calls';
import { handoffViewSchema } from '../../../shared/contract/handoff';
import { leadStatusSchema } from '../../../shared/contract/leads';
import { raisedObjectionSchema } from '../../../shared/contract/talk';
import { followupChannels, followupKindSchema } from '../../../shared/contract/followup';

/**
 * The outbox payloads as the app's writers produce them (calls/handlers.ts, leads/statusChange.ts,
 * leads/decisions.ts, handoffs/handlers.ts, imports/writer.ts). Connectors parse before mapping, so a row that was
 * edited into something unsendable is refused with a message instead of half-sent.
 */
export const callPayloadSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  slotId: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string(),
  durationSec: z.number().int().min(0).nullable(),
  outcome: callOutcomeSchema,
  notes: z.string().max(32_000),
  nextAction: z.string().nullable(),
  nextActionAt: z.string().nullable(),
  createdAt: z.string(),
  leadCrmId: z.string().nullable(),
  leadName: z.string(),
  /** Counted as a conversation (docs/kpi.md); absent on calls queued before the team view. */
  conversation: z.boolean().optional(),
  /** The objections the rep marked (切り返しカード), with the card's title; absent when none. */
  objections: z.array(raisedObjectionSchema).optional(),
});
export type CallPayload = z.infer<typeof callPayloadSchema>;

export const leadStatusPayloadSchema = z.object({
  leadId: z.string(),
  crmId: z.string().nullable(),
  status: leadStatusSchema,
  recycleReason: z.string().max(255).nullable(),
  recycleUntil: z.iso.datetime({ offset: true }).nullable(),
  excludeReason: z.string().max(255).nullable(),
  note: z.string().max(32_000),
  changedAt: z.string(),
});
export type LeadStatusPayload = z.infer<typeof leadStatusPayloadSchema>;

export const doNotCallPayloadSchema = z.object({
  leadId: z.string(),
  crmId: z.string().nullable(),
  doNotCall: z.boolean(),
  changedAt: z.string(),
});
export type DoNotCallPayload = z.infer<typeof doNotCallPayloadSchema>;

/**
 * A re-import changed who the person is or how to reach them, on a lead the CRM already has:
 * the whole of those fields as Koma now holds them (an import never blanks a field, so a null is
 * "Koma does not know", never "clear it").
 */
export const leadDetailsPayloadSchema = z.object({
  leadId: z.string(),
  crmId: z.string().nullable(),
  lastName: z.string().max(2_000).nullable(),
  firstName: z.string().max(2_000).nullable(),
  fullName: z.string().min(1).max(2_000),
  nameReading: z.string().max(2_000).nullable(),
  title: z.string().max(2_000).nullable(),
  email: z.string().max(2_000).nullable(),
  phone: z.string().max(2_000).nullable(),
  changedAt: z.string(),
});
export type LeadDetailsPayload = z.infer<typeof leadDetailsPayloadSchema>;

/** A call block (コマ) of the rep's week plan, as a calendar Event for the team to see. */
export const slotPayloadSchema = z.object({
  id: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  targetDials: z.number().int().min(0).nullable(),
  changedAt: z.string(),
});
export type SlotPayload = z.infer<typeof slotPayloadSchema>;

/** A call block taken off the plan (cleared, moved, or turned into something else). */
export const slotRemovedPayloadSchema = z.object({ id: z.string(), changedAt: z.string() });
export type SlotRemovedPayload = z.infer<typeof slotRemovedPayloadSchema>;

/** A follow-up mail opened in the rep's mail app (app/followup/handlers.ts): an email Task in the CRM. */
export const followupPayloadSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  callId: z.string().nullable(),
  templateId: z.string(),
  kind: followupKindSchema,
  to: z.string().nullable(),
  subject: z.string().min(1).max(500),
  body: z.string().max(32_000),
  channel: z.enum(followupChannels),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
  leadCrmId: z.string().nullable(),
  leadName: z.string(),
});
export type FollowupPayload = z.infer<typeof followupPayloadSchema>;

export const handoffPayloadSchema = handoffViewSchema.extend({ correction: z.boolean() });
export type HandoffPayload = z.infer<typeof handoffPayloadSchema>;

export type ParsedPayload =
  | { kind: 'call'; payload: CallPayload }
  | { kind: 'lead_status'; payload: LeadStatusPayload }
  | { kind: 'do_not_call'; payload: DoNotCallPayload }
  | { kind: 'lead_details'; payload: LeadDetailsPayload }
  | { kind: 'handoff'; payload: HandoffPayload }
  | { kind: 'slot'; payload: SlotPayload }
  | { kind: 'slot_removed'; payload: SlotRemovedPayload }
  | { kind: 'followup'; payload: FollowupPayload };

const schemas = {
  'call/upsert': (p: unknown): ParsedPayload => ({ kind: 'call', payload: callPayloadSchema.parse(p) }),
  'lead/status': (p: unknown): ParsedPayload => ({ kind: 'lead_status', payload: leadStatusPayloadSchema.parse(p) }),
  'lead/do_not_call': (p: unknown): ParsedPayload => ({ kind: 'do_not_call', payload: doNotCallPayloadSchema.parse(p) }),
  'lead/details': (p: unknown): ParsedPayload => ({ kind: 'lead_details', payload: leadDetailsPayloadSchema.parse(p) }),
  'handoff/upsert': (p: unknown): ParsedPayload => ({ kind: 'handoff', payload: handoffPayloadSchema.parse(p) }),
  'slot/upsert': (p: unknown): ParsedPayload => ({ kind: 'slot', payload: slotPayloadSchema.parse(p) }),
  'slot/delete': (p: unknown): ParsedPayload => ({ kind: 'slot_removed', payload: slotRemovedPayloadSchema.parse(p) }),
  'followup/upsert': (p: unknown): ParsedPayload => ({ kind: 'followup', payload: followupPayloadSchema.parse(p) }),
} as const;

export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

/** The typed payload of a row, or a PayloadError naming what is wrong. */
export function parsePayload(entity: string, op: string, payload: unknown): ParsedPayload {
  const parse = (schemas as Record<string, ((p: unknown) => ParsedPayload) | undefined>)[`${entity}/${op}`];
  if (!parse) throw new PayloadError(`Koma has no CRM mapping for ${entity} ${op}`);
  try {
    return parse(payload);
  } catch (error) {
    if (error instanceof z.ZodError) {
      throw new PayloadError(`The change is not valid: ${error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ')}`);
    }
    throw error;
  }
}

/**
 * What the rep may correct on an item the CRM refused: the content, never identities, links or
 * bookkeeping (ids, CRM ids, timestamps of record, scores, the qualification verdict).
 */
const editable: Record<string, (path: string) => boolean> = {
  'call/upsert': (p) => ['notes', 'outcome', 'durationSec', 'nextAction'].includes(p),
  'followup/upsert': (p) => ['subject', 'body'].includes(p),
  'lead/status': (p) => ['note', 'recycleReason', 'recycleUntil', 'excludeReason'].includes(p),
  'handoff/upsert': (p) =>
    ['summary', 'place', 'meetingUrl', 'appointmentAt', 'appointmentEnd'].includes(p) ||
    (p.startsWith('package.') && !/^package\.(assembledAt|score|qualification|calls|hearingVersion)(\.|$)/.test(p)),
};

export function isEditablePath(entity: string, op: string, path: string): boolean {
  return editable[`${entity}/${op}`]?.(path) ?? false;
}

export type Scalar = string | number | boolean | null;

/** Every scalar leaf of a payload by dotted path (arrays are left whole: not editable field by field). */
export function scalarLeaves(value: unknown, prefix = ''): { path: string; value: Scalar }[] {
  if (value === null || typeof value !== 'object') return prefix ? [{ path: prefix, value: value as Scalar }] : [];
  if (Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => scalarLeaves(child, prefix ? `${prefix}.${key}` : key));
}

/** A copy of the payload with the leaves replaced; paths must already exist. */
export function applyPatch(payload: unknown, patch: Record<string, Scalar>): unknown {
  const copy = structuredClone(payload) as Record<string, unknown>;
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split('.');
    let node: Record<string, unknown> = copy;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys[keys.length - 1]!] = value;
  }
  return copy;
}
