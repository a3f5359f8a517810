import { z } from 'zod';

export const callOutcomes = ['connected', 'no_answer', 'voicemail', 'busy', 'gatekeeper', 'wrong_number', 'callback_requested', 'not_interested'] as const;
export const callOutcomeSchema = z.enum(callOutcomes);
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

export const recycleReasons = ['not_reached', 'timing', 'no_budget', 'no_need', 'other'] as const;
export const recycleReasonSchema = z.enum(recycleReasons);
export type RecycleReason = z.infer<typeof recycleReasonSchema>;

export const excludeReasons = ['partner', 'competitor', 'student', 'not_a_buyer', 'duplicate', 'other'] as const;
export const excludeReasonSchema = z.enum(excludeReasons);
export type ExcludeReason = z.infer<typeof excludeReasonSchema>;

/** Why a lead left today's list; every exit is recorded with one of these. */
export const exitKinds = ['called', 'recycled', 'excluded', 'qualified', 'skipped'] as const;
export type ExitKind = (typeof exitKinds)[number];
