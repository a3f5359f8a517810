import { z } from 'zod';
import type { Clock } from '../../../../shared/domain/clock';
import type { Db } from '../../db/open';
import type { FetchLike } from '../http';
import type { SecretStore } from '../secrets/types';
import { secretKeys } from '../secrets/types';
import { deleteState, readState, stateKeys, writeState } from '../state';
import { SyncAbortedError, SyncRequestError } from '../types';
import { identityOf, requestToken, type TokenResponse } from './oauth';

/** Who is signed in, where: kept in the database. The tokens themselves never are. */
export const sessionInfoSchema = z.object({
  loginUrl: z.string(),
  clientId: z.string(),
  instanceUrl: z.string(),
  orgId: z.string(),
  userId: z.string(),
  signedInAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export interface SessionDeps {
  db: Db;
  clock: Clock;
  secrets: SecretStore;
  fetch: FetchLike;
  timeoutMs: number;
  /** True once the backend is closing: nothing may touch the database after that. */
  closed: () => boolean;
}

/**
 * The Salesforce session: the access token in memory only, the refresh token in the SecretStore.
 * Rotation-safe: when the token endpoint returns a new refresh token (rotation on), it is stored —
 * durably, atomically — before the new access token is used, so a crash can never leave Koma
 * holding only a refresh token Salesforce has already invalidated.
 */
export class SalesforceSession {
  private access: string | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(private readonly deps: SessionDeps) {}

  info(): SessionInfo | null {
    return readState(this.deps.db, stateKeys.salesforceSession, sessionInfoSchema);
  }

  signedIn(): boolean {
    return this.info() !== null;
  }

  /** A usable access token, renewing it from the refresh token when Koma has none in memory. */
  async accessToken(signal: AbortSignal): Promise<{ token: string; instanceUrl: string }> {
    const info = this.info();
    if (!info) throw new SyncRequestError('auth', 'SIGNED_OUT', 'Not signed in to Salesforce. Sign in from the sync settings.');
    const token = this.access ?? (await this.refresh(signal));
    return { token, instanceUrl: this.info()?.instanceUrl ?? info.instanceUrl };
  }

  /** Renews the access token once; concurrent callers share the one request. */
  refresh(signal: AbortSignal): Promise<string> {
    this.refreshing ??= this.doRefresh(signal).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(signal: AbortSignal): Promise<string> {
    const info = this.info();
    const refreshToken = await this.deps.secrets.get(secretKeys.salesforceRefreshToken);
    if (!info || !refreshToken) {
      this.clearLocal();
      throw new SyncRequestError('auth', 'SIGNED_OUT', 'Not signed in to Salesforce. Sign in from the sync settings.');
    }
    this.access = null;
    let tokens: TokenResponse;
    try {
      tokens = await requestToken(
        this.deps.fetch,
        info.loginUrl,
        { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: info.clientId },
        this.deps.timeoutMs,
        signal,
        this.deps.clock.now(),
      );
    } catch (error) {
      if (error instanceof SyncRequestError && error.kind === 'auth') {
        if (!this.deps.closed()) await this.forget();
      }
      throw error;
    }
    // Stored before anything else, even if the engine is stopping: it may be the only valid one now.
    if (tokens.refresh_token && tokens.refresh_token !== refreshToken) {
      await this.deps.secrets.set(secretKeys.salesforceRefreshToken, tokens.refresh_token);
    }
    if (this.deps.closed()) throw new SyncAbortedError();
    if (tokens.instance_url !== info.instanceUrl) {
      this.deps.db.transaction(() => writeState(this.deps.db, stateKeys.salesforceSession, { ...info, instanceUrl: tokens.instance_url }, this.deps.clock.now().toISOString()))();
    }
    this.access = tokens.access_token;
    return tokens.access_token;
  }

  /** The code exchange's tokens: the refresh token first, then who signed in, then the access token. */
  async complete(tokens: TokenResponse, loginUrl: string, clientId: string): Promise<SessionInfo> {
    if (!tokens.refresh_token) {
      throw new Error('Salesforce issued no refresh token: add the "refresh_token, offline_access" scope to the External Client App.');
    }
    const { orgId, userId } = identityOf(tokens.id);
    await this.deps.secrets.set(secretKeys.salesforceRefreshToken, tokens.refresh_token);
    const info: SessionInfo = { loginUrl, clientId, instanceUrl: tokens.instance_url, orgId, userId, signedInAt: this.deps.clock.now().toISOString() };
    this.deps.db.transaction(() => writeState(this.deps.db, stateKeys.salesforceSession, info, info.signedInAt))();
    this.access = tokens.access_token;
    return info;
  }

  /** After a 401 the token is spent; the next request renews it. */
  dropAccessToken(): void {
    this.access = null;
  }

  /** Signs out here: the refresh token and the session record go; the caller may revoke first. */
  async forget(): Promise<void> {
    this.clearLocal();
    await this.deps.secrets.delete(secretKeys.salesforceRefreshToken);
  }

  private clearLocal(): void {
    this.access = null;
    if (!this.deps.closed()) this.deps.db.transaction(() => deleteState(this.deps.db, stateKeys.salesforceSession))();
  }

  async refreshTokenForRevoke(): Promise<string | null> {
    return this.deps.secrets.get(secretKeys.salesforceRefreshToken);
  }
}
