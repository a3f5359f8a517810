import type { AppError, CommandName, ErrorCode } from '../../../shared/contract';

/**
 * Failures only a transport can see (nothing answered at all). They travel as an extra field on
 * the AppError so the UI can give its own advice; the backend never sets it.
 */
export const transportHints = ['backend_unreachable'] as const;
export type TransportHint = (typeof transportHints)[number];
export type TransportAppError = AppError & { hint?: TransportHint };

export function isTransportHint(value: unknown): value is TransportHint {
  return (transportHints as readonly unknown[]).includes(value);
}

/** What `invoke` throws for an `{ ok: false }` result: the AppError, kept whole and typed. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly issues: NonNullable<AppError['issues']>;
  readonly hint: TransportHint | undefined;

  constructor(
    readonly command: CommandName,
    error: TransportAppError,
  ) {
    super(error.message);
    this.name = 'CommandError';
    this.code = error.code;
    this.issues = error.issues ?? [];
    this.hint = isTransportHint(error.hint) ? error.hint : undefined;
  }
}
