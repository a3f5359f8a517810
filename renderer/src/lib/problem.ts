import { errorCodes, type AppError } from '../../../shared/contract';
import { CommandError, transportHints } from '../api/commandError';

/** Everything the UI can report, each with its own translated title and advice (problems.* keys). */
export const problemKinds = [...errorCodes, ...transportHints, 'file_too_large', 'file_unreadable', 'import_failed'] as const;
export type ProblemKind = (typeof problemKinds)[number];

export interface Problem {
  kind: ProblemKind;
  /** The technical message as the backend or transport said it, shown under the advice. */
  detail: string;
  issues: NonNullable<AppError['issues']>;
}

export function problem(kind: ProblemKind, detail = ''): Problem {
  return { kind, detail, issues: [] };
}

/** Any thrown value → what to show; the transport's hint wins over the generic code. */
export function toProblem(error: unknown): Problem {
  if (error instanceof CommandError) {
    return { kind: error.hint ?? error.code, detail: error.message, issues: error.issues };
  }
  return problem('internal', error instanceof Error ? error.message : String(error));
}
