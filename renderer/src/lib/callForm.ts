import type { CommandInput } from '../../../shared/contract';
import { noConversationOutcomes, type CallDraft } from '../../../shared/contract/callFlow';
import type { CallOutcome } from '../../../shared/contract/calls';
import type { ExcludeReason, RecycleReason } from '../../../shared/contract/calls';

/** A call with nothing entered yet: what a lead without a saved draft starts with. */
export const emptyCallForm: CallDraft = {
  startedAt: null,
  outcome: null,
  notes: '',
  nextAction: '',
  nextActionAt: null,
  callbackAt: null,
};

/** The decision taken with the call; a recycle date stays null while its input is incomplete. */
export type DecisionForm =
  | { kind: 'none' }
  | { kind: 'recycle'; reason: RecycleReason; until: string | null }
  | { kind: 'exclude'; reason: ExcludeReason | null };

/** What the form still lacks before it can be sent; the backend checks everything else. */
export type FormError = 'outcome_required' | 'exclude_reason_required' | 'recycle_date_required';

export type BuiltCall = { ok: true; input: CommandInput<'calls.log'> } | { ok: false; error: FormError };

/** Someone was on the line: the call can be marked as a real conversation (有効会話). */
export function canBeConversation(outcome: CallOutcome | null): boolean {
  return outcome !== null && !(noConversationOutcomes as readonly string[]).includes(outcome);
}

/** The call a decision takes along: the form's call without its lead and decision. */
export type PendingCall = NonNullable<CommandInput<'lead.skip'>['call']>;

/**
 * What the call form holds when the rep takes a decision outside it (skip, recycle, exclude,
 * handoff): nothing; a call to log first (it has an outcome); or notes without an outcome, which
 * cannot be logged and must not be dropped either — the rep is asked.
 */
export type PendingCallState = { state: 'none' } | { state: 'log'; call: PendingCall } | { state: 'needs_outcome' };

/**
 * The form as a call. A call never started with S was not timed in Koma: it starts when it ends,
 * and its duration is what the rep typed, or unknown. The callback time travels only with the
 * callback outcome (the input is hidden otherwise), so a time typed before the rep changed their
 * mind does not turn into a callback.
 */
export function pendingCallOf(form: CallDraft, endedAt: Date): PendingCallState {
  if (!form.outcome) return form.notes.trim() || form.nextAction.trim() || (form.objections?.length ?? 0) > 0 ? { state: 'needs_outcome' } : { state: 'none' };
  const ended = endedAt.toISOString();
  return {
    state: 'log',
    call: {
      startedAt: form.startedAt ?? ended,
      endedAt: ended,
      outcome: form.outcome,
      notes: form.notes,
      nextAction: form.nextAction,
      nextActionAt: form.nextActionAt,
      callbackAt: form.outcome === 'callback_requested' ? form.callbackAt : null,
      // A conversation mark left from an outcome the rep changed away from does not travel.
      conversation: (form.conversation ?? false) && canBeConversation(form.outcome),
      // A length typed by the rep counts only for a call Koma did not time.
      durationSec: form.startedAt === null && form.durationMin != null ? form.durationMin * 60 : null,
      // The objection cards marked in this call, and the version of the set they came from (only when there are some).
      ...(form.objections && form.objections.length > 0 ? { objections: form.objections } : {}),
      ...(form.talkVersion != null ? { talkVersion: form.talkVersion } : {}),
      // The id S gave the call (the phone system has it); without one the backend makes one.
      ...(form.callId ? { callId: form.callId } : {}),
    },
  };
}

/** The form as a `calls.log` payload, with the decision taken with the call. */
export function buildLogCall(leadId: string, form: CallDraft, decision: DecisionForm, endedAt: Date): BuiltCall {
  const pending = pendingCallOf(form, endedAt);
  if (pending.state !== 'log') return { ok: false, error: 'outcome_required' };
  let chosen: CommandInput<'calls.log'>['decision'] = null;
  if (decision.kind === 'recycle') {
    if (!decision.until) return { ok: false, error: 'recycle_date_required' };
    chosen = { kind: 'recycle', reason: decision.reason, until: decision.until };
  } else if (decision.kind === 'exclude') {
    if (!decision.reason) return { ok: false, error: 'exclude_reason_required' };
    chosen = { kind: 'exclude', reason: decision.reason };
  }
  return { ok: true, input: { leadId, ...pending.call, decision: chosen } };
}
