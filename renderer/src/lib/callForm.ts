import type { CommandInput } from '../../../shared/contract';
import type { CallDraft } from '../../../shared/contract/callFlow';
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

/**
 * The form as a `calls.log` payload. A call never started with S lasted no time: it starts when it
 * ends. The callback time travels only with the callback outcome (the input is hidden otherwise),
 * so a time typed before the rep changed their mind does not turn into a callback.
 */
export function buildLogCall(leadId: string, form: CallDraft, decision: DecisionForm, endedAt: Date): BuiltCall {
  if (!form.outcome) return { ok: false, error: 'outcome_required' };
  let chosen: CommandInput<'calls.log'>['decision'] = null;
  if (decision.kind === 'recycle') {
    if (!decision.until) return { ok: false, error: 'recycle_date_required' };
    chosen = { kind: 'recycle', reason: decision.reason, until: decision.until };
  } else if (decision.kind === 'exclude') {
    if (!decision.reason) return { ok: false, error: 'exclude_reason_required' };
    chosen = { kind: 'exclude', reason: decision.reason };
  }
  const ended = endedAt.toISOString();
  return {
    ok: true,
    input: {
      leadId,
      startedAt: form.startedAt ?? ended,
      endedAt: ended,
      outcome: form.outcome,
      notes: form.notes,
      nextAction: form.nextAction,
      nextActionAt: form.nextActionAt,
      callbackAt: form.outcome === 'callback_requested' ? form.callbackAt : null,
      decision: chosen,
    },
  };
}
