import type { SyncStatus } from '../../../../shared/contract/sync';
import type { Problem } from '../../lib/problem';
import type { SyncIconKind } from './SyncIcon';

export type IndicatorState = 'checking' | 'unknown' | 'notConnected' | 'signedOut' | 'signingIn' | 'webhookNotSet' | 'tokenNeeded' | 'paused' | 'offline' | 'online';

/**
 * The one state the header names, most pressing first: nothing can be sent without a connection
 * or a sign-in, a pause outlasts a network blip, and only then does online/offline matter.
 */
export function indicatorState(status: SyncStatus | null, problem: Problem | null): IndicatorState {
  if (!status) return problem ? 'unknown' : 'checking';
  if (status.connector === 'none') return 'notConnected';
  if (status.connector === 'salesforce' && !status.signedIn) return status.signingIn ? 'signingIn' : 'signedOut';
  if (status.connector === 'webhook' && !status.configured) return 'webhookNotSet';
  if ((status.connector === 'hubspot' || status.connector === 'kintone') && !status.signedIn) return 'tokenNeeded';
  if (status.paused) return 'paused';
  return status.online ? 'online' : 'offline';
}

export const iconOf: Record<IndicatorState, SyncIconKind> = {
  checking: 'idle',
  unknown: 'warning',
  notConnected: 'idle',
  signedOut: 'warning',
  signingIn: 'idle',
  webhookNotSet: 'warning',
  tokenNeeded: 'warning',
  paused: 'paused',
  offline: 'offline',
  online: 'online',
};
