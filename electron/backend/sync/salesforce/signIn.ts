import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../../shared/domain/clock';
import type { FetchLike } from '../http';
import type { Timers } from '../engine';
import { authorizeUrl, pkcePair, randomState, requestToken, type TokenResponse } from './oauth';

export interface SignInRequest {
  loginUrl: string;
  clientId: string;
  /** The registered callback's port; 0 takes any free one. */
  port: number;
}

export interface SignInDeps {
  fetch: FetchLike;
  clock: Clock;
  timers: Timers;
  timeoutMs: number;
  /** How long the browser has to come back before the flow gives up. */
  waitMs: number;
  /** Opens the URL in the system browser (never a window of Koma's own). May be absent: the UI opens it. */
  openExternal?: (url: string) => void | Promise<void>;
  /** Stores the tokens; resolves once Koma is signed in. */
  complete: (tokens: TokenResponse, request: SignInRequest) => Promise<void>;
  onFailure: (message: string) => void;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${body}</p></body></html>`;

/**
 * OAuth 2.0 authorization code with PKCE, the way RFC 8252 wants native apps to do it: the
 * authorization page opens in the system browser, where the rep's saved passwords, SSO and
 * MFA already work, and Salesforce redirects back to a one-shot HTTP listener on the loopback
 * address. The code is useless without the verifier, which never leaves this process.
 */
export class SignInFlow {
  private server: Server | null = null;
  private timer: unknown = null;
  private exchanging = 0;

  constructor(private readonly deps: SignInDeps) {}

  get pending(): boolean {
    return this.server !== null || this.exchanging > 0;
  }

  async start(request: SignInRequest): Promise<{ authorizeUrl: string; redirectUri: string }> {
    this.cancel();
    const { verifier, challenge } = pkcePair();
    const state = randomState();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(request.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
    const url = authorizeUrl(request.loginUrl, { clientId: request.clientId, redirectUri, challenge, state });

    server.on('request', (req, res) => {
      const here = new URL(req.url ?? '/', redirectUri);
      if (req.method !== 'GET' || here.pathname !== '/callback') {
        res.writeHead(404).end();
        return;
      }
      const reply = (status: number, title: string, body: string) => {
        res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'" });
        res.end(page(title, body));
      };
      // Another tab or a stale redirect: not ours, and it must not end the flow that is waiting.
      if (here.searchParams.get('state') !== state) {
        reply(400, 'Sign-in link expired', 'Start the sign-in again from Koma.');
        return;
      }
      this.finish(server);
      const error = here.searchParams.get('error');
      const code = here.searchParams.get('code');
      if (error || !code) {
        const message = `Salesforce did not sign you in: ${error ?? 'no code'} ${here.searchParams.get('error_description') ?? ''}`.trim();
        this.deps.onFailure(message);
        reply(400, 'Not signed in', message);
        return;
      }
      this.exchanging++;
      requestToken(
        this.deps.fetch,
        request.loginUrl,
        { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: request.clientId, code_verifier: verifier },
        this.deps.timeoutMs,
        new AbortController().signal,
        this.deps.clock.now(),
      )
        .then((tokens) => this.deps.complete(tokens, request))
        .then(
          () => reply(200, 'Koma is connected to Salesforce', 'You can close this tab and return to Koma.'),
          (failure: unknown) => {
            const message = failure instanceof Error ? failure.message : String(failure);
            this.deps.onFailure(message);
            reply(400, 'Not signed in', message.replace(/[<>&]/g, ''));
          },
        )
        .finally(() => {
          this.exchanging--;
          server.closeIdleConnections();
        });
    });

    this.timer = this.deps.timers.setTimeout(() => {
      if (this.server === server) {
        this.cancel();
        this.deps.onFailure('The sign-in was not completed in time; start it again.');
      }
    }, this.deps.waitMs);
    const opener = this.deps.openExternal;
    // Not awaited: the URL is returned too, and the UI can open it if the system opener could not.
    if (opener) void Promise.resolve().then(() => opener(url)).catch(() => undefined);
    return { authorizeUrl: url, redirectUri };
  }

  /** The browser came back: stop listening, but let the answer to this request go out. */
  private finish(server: Server): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.server === server) this.server = null;
    server.close();
  }

  cancel(): void {
    const server = this.server;
    if (server) this.finish(server);
    server?.closeAllConnections();
  }
}
