/**
 * Where the refresh token and the webhook secret live: never in the database, never in plain
 * text. The desktop app passes one backed by Electron's safeStorage (main process, over the
 * backend's port); browser mode uses an encrypted file (fileSecretStore.ts). Async because the
 * safeStorage one is a round trip to main.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  /** Durable when the promise resolves: a rotated refresh token must survive a crash right after. */
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export const secretKeys = {
  salesforceRefreshToken: 'salesforce.refresh_token',
  webhookSecret: 'webhook.secret',
  /** A HubSpot private app access token: long-lived, so kept like the refresh token. */
  hubspotToken: 'hubspot.token',
} as const;

/** A kintone app's API token: one per app (leads, call log, handoffs). */
export function kintoneTokenKey(app: 'leads' | 'calls' | 'handoffs'): string {
  return `kintone.token.${app}`;
}
