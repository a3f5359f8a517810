import { z } from 'zod';

/** The only error shape that ever crosses the boundary: no stacks, no SQL, no paths. */
export const errorCodes = [
  'invalid_input',
  'unknown_command',
  'not_found',
  'conflict',
  'unauthorized',
  'internal',
  // The store's faults, classified (electron/backend/db/errors.ts) so the rep is told what to do.
  'disk_full',
  'store_busy',
  'store_io',
  'store_damaged',
  'key_refused',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Field-level problems for invalid_input, as "path: message" lines the UI can show. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Thrown by handlers for expected failures; the dispatcher turns it into an AppError. */
export class KomaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: AppError['issues'],
  ) {
    super(message);
    this.name = 'KomaError';
  }
}
