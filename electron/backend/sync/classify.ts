import type { FailureKind } from './types';

/**
 * Record-level errors that go away by themselves: another transaction held the row, or the
 * record was rolled back only because a sibling failed. Everything else the CRM says about one
 * record (validation, a missing required field, a bad picklist value) needs a person.
 */
const transientRecordCodes: ReadonlySet<string> = new Set([
  'UNABLE_TO_LOCK_ROW',
  'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  'SERVER_UNAVAILABLE',
  'REQUEST_RUNNING_TOO_LONG',
  'QUERY_TIMEOUT',
]);

export function classifyRecordError(statusCode: string): FailureKind {
  return transientRecordCodes.has(statusCode) ? 'transient' : 'permanent';
}

export type ResponseClass = 'ok' | FailureKind | 'limit';

/**
 * A whole response, by HTTP status and (Salesforce) error code. `refreshable` says whether a 401
 * can be fixed by renewing the token (Salesforce) or needs a person (a webhook's receiver).
 */
export function classifyResponse(status: number, errorCode: string | null, refreshable: boolean): ResponseClass {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401) return refreshable ? 'auth' : 'permanent';
  if (status === 403 && errorCode === 'REQUEST_LIMIT_EXCEEDED') return 'limit';
  if (status === 408 || status === 425 || status === 429) return 'transient';
  if (status >= 500) return 'transient';
  return 'permanent';
}
