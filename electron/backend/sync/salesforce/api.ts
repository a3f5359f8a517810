import { z } from 'zod';
import type { Clock } from '../../../../shared/domain/clock';
import { classifyResponse } from '../classify';
import { ConnectionResetError, exchange, parseRetryAfter, type FetchLike, type HttpResponse } from '../http';
import type { QuotaMeter } from '../quota';
import { SyncAbortedError, SyncRequestError } from '../types';
import { objectDescribeSchema, type ObjectDescribe } from './describe';
import { soapFault } from './soapXml';
import type { SalesforceSession } from './session';

/** Salesforce's error body: [{ message, errorCode, fields }]. */
const errorBody = z.array(z.object({ message: z.string(), errorCode: z.string(), fields: z.array(z.string()).optional() }));

const recordError = z.object({ statusCode: z.string(), message: z.string(), fields: z.array(z.string()).optional() });
export type RecordError = z.infer<typeof recordError>;

/** UpsertResult / SaveResult of sObject Collections, one per record in request order. */
const saveResults = z.array(
  z.object({ id: z.string().nullable().optional(), success: z.boolean(), created: z.boolean().optional(), errors: z.array(recordError).default([]) }),
);
export type SaveResult = z.infer<typeof saveResults>[number];

const queryResult = z.object({
  totalSize: z.number(),
  done: z.boolean(),
  nextRecordsUrl: z.string().optional(),
  records: z.array(z.record(z.string(), z.unknown())),
});

/** A query locator's address on the same instance and API: anything else is not followed. */
const nextRecordsPath = /^\/services\/data\/v\d+\.\d\/query\/[A-Za-z0-9]+-\d+$/;

export interface ApiDeps {
  session: SalesforceSession;
  meter: QuotaMeter;
  fetch: FetchLike;
  clock: Clock;
  timeoutMs: number;
  apiVersion: () => string;
}

/**
 * The REST calls Koma makes, over fetch. Each request is counted against Koma's API budget before
 * it goes out; Sforce-Limit-Info is read from every answer; a 401 renews the token once and
 * repeats the request; anything else that is not a 2xx becomes a SyncRequestError the engine
 * classifies (transient with Retry-After, limit, or permanent with Salesforce's own message).
 */
export class SalesforceApi {
  constructor(private readonly deps: ApiDeps) {}

  /**
   * One request with the session's token: renews the token once on an expired session, and turns
   * any answer that is not a 2xx into a SyncRequestError. `errorOf` reads the API's own error
   * format (REST's JSON array, SOAP's fault) into an HTTP status and Salesforce's error code.
   */
  private async call(
    method: 'GET' | 'PATCH' | 'POST' | 'DELETE',
    path: string,
    body: { type: string; text: (token: string) => string; headers?: Record<string, string> } | undefined,
    accept: string,
    signal: AbortSignal,
    errorOf: (status: number, text: string) => { status: number; error: { errorCode: string; message: string } | null },
  ): Promise<string> {
    let renewed = false;
    let resent = false;
    for (;;) {
      if (signal.aborted) throw new SyncAbortedError();
      const { token, instanceUrl } = await this.deps.session.accessToken(signal);
      if (signal.aborted) throw new SyncAbortedError();
      this.deps.meter.beforeRequest();
      let response: HttpResponse;
      try {
        response = await exchange(
          this.deps.fetch,
          new URL(path, instanceUrl).toString(),
          {
            method,
            headers: { Authorization: `Bearer ${token}`, Accept: accept, ...(body ? { 'Content-Type': body.type, ...body.headers } : {}) },
            ...(body ? { body: body.text(token) } : {}),
          },
          this.deps.timeoutMs,
          signal,
        );
      } catch (error) {
        // A reset on a reused kept-alive socket is sent once more. Every request here is safe to
        // repeat: an upsert, an update by Id, a query, or a lead conversion (a second conversion of
        // a converted Lead is refused and the retry reads the Lead instead); a second reset is the network's.
        if (error instanceof ConnectionResetError && !resent) {
          resent = true;
          continue;
        }
        throw error;
      }
      if (signal.aborted) throw new SyncAbortedError();
      this.deps.meter.afterResponse(response.headers.get('sforce-limit-info'));
      const { status, error: first } = errorOf(response.status, response.text);
      const kind = classifyResponse(status, first?.errorCode ?? null, true);
      if (kind === 'ok') return response.text;
      const message = first ? `${first.errorCode}: ${first.message}` : `HTTP ${response.status}`;
      if (kind === 'auth') {
        this.deps.session.dropAccessToken();
        if (!renewed) {
          renewed = true;
          await this.deps.session.refresh(signal);
          continue;
        }
        await this.deps.session.forget();
        throw new SyncRequestError('auth', first?.errorCode ?? 'INVALID_SESSION_ID', `${message}. Sign in to Salesforce again.`);
      }
      throw new SyncRequestError(kind, first?.errorCode ?? `HTTP_${response.status}`, message, parseRetryAfter(response.headers.get('retry-after'), this.deps.clock.now()));
    }
  }

  private async request(method: 'GET' | 'PATCH' | 'DELETE', path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const text = await this.call(
      method,
      path,
      body === undefined ? undefined : { type: 'application/json', text: () => JSON.stringify(body) },
      'application/json',
      signal,
      (status, answer) => ({ status, error: parseErrors(answer)?.[0] ?? null }),
    );
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // The request may well have been applied; the upsert by external id makes the retry safe.
      throw new SyncRequestError('transient', 'BAD_RESPONSE', 'Salesforce answered with a body that is not JSON');
    }
  }

  /**
   * A SOAP API call (Partner WSDL) with the same OAuth session: the access token is the
   * SessionHeader's sessionId (SOAP API Developer Guide, SessionHeader). `envelope` builds the
   * request around the token. A fault becomes the status its code means: an expired
   * session is a 401, a request limit a 403, anything else as Salesforce answered.
   */
  async soap(envelope: (sessionId: string) => string, signal: AbortSignal): Promise<string> {
    const version = this.deps.apiVersion().replace(/^v/, '');
    return this.call('POST', `/services/Soap/u/${version}`, { type: 'text/xml; charset=UTF-8', text: envelope, headers: { SOAPAction: '""' } }, 'text/xml', signal, (status, text) => {
      const fault = soapFault(text);
      if (!fault) return { status, error: null };
      const mapped = fault.errorCode === 'INVALID_SESSION_ID' ? 401 : fault.errorCode === 'REQUEST_LIMIT_EXCEEDED' ? 403 : status;
      return { status: mapped, error: fault };
    });
  }

  private base(): string {
    return `/services/data/${this.deps.apiVersion()}`;
  }

  /** sObject Collections upsert by external id: up to 200 records of one type, results in order. */
  async upsert(sobject: string, externalIdField: string, records: Record<string, unknown>[], signal: AbortSignal): Promise<SaveResult[]> {
    const body = { allOrNone: false, records: records.map((r) => ({ attributes: { type: sobject }, ...r })) };
    return this.results(await this.request('PATCH', `${this.base()}/composite/sobjects/${sobject}/${externalIdField}`, body, signal), records.length);
  }

  /** sObject Collections update by Id of records of several types (each carries its attributes.type). */
  async updateMixed(records: Record<string, unknown>[], signal: AbortSignal): Promise<SaveResult[]> {
    return this.results(await this.request('PATCH', `${this.base()}/composite/sobjects`, { allOrNone: false, records }, signal), records.length);
  }

  /**
   * sObject Collections delete by Id: up to 200 ids, a result per id in order (REST API, Delete
   * Multiple Records). Deleting is safe to repeat: an id already deleted answers ENTITY_IS_DELETED.
   */
  async deleteMany(ids: readonly string[], signal: AbortSignal): Promise<SaveResult[]> {
    const query = new URLSearchParams({ ids: ids.join(','), allOrNone: 'false' }).toString();
    return this.results(await this.request('DELETE', `${this.base()}/composite/sobjects?${query}`, undefined, signal), ids.length);
  }

  /** sObject Collections update by Id. */
  async update(sobject: string, records: Record<string, unknown>[], signal: AbortSignal): Promise<SaveResult[]> {
    const body = { allOrNone: false, records: records.map((r) => ({ attributes: { type: sobject }, ...r })) };
    return this.results(await this.request('PATCH', `${this.base()}/composite/sobjects`, body, signal), records.length);
  }

  /**
   * Every record of a query. Salesforce may answer in batches smaller than the LIMIT, with done
   * false and a nextRecordsUrl for the rest (REST API, Query / Query More Results): they are read
   * until done, one request each.
   */
  async query(soql: string, signal: AbortSignal): Promise<Record<string, unknown>[]> {
    const records: Record<string, unknown>[] = [];
    let path = `${this.base()}/query?${new URLSearchParams({ q: soql }).toString()}`;
    for (;;) {
      const parsed = queryResult.safeParse(await this.request('GET', path, undefined, signal));
      if (!parsed.success) throw new SyncRequestError('transient', 'BAD_RESPONSE', 'Salesforce answered a query without records');
      records.push(...parsed.data.records);
      if (parsed.data.done) return records;
      const next = parsed.data.nextRecordsUrl;
      if (!next || !nextRecordsPath.test(next)) throw new SyncRequestError('transient', 'BAD_RESPONSE', 'Salesforce answered a partial query result without a usable nextRecordsUrl');
      path = next;
    }
  }

  /** A REST resource read as JSON (Versions, Limits). */
  async get(path: string, signal: AbortSignal): Promise<unknown> {
    return this.request('GET', path, undefined, signal);
  }

  /** The object's describe: its fields and what the signed-in user may do with them. */
  async describe(sobject: string, signal: AbortSignal): Promise<ObjectDescribe> {
    const parsed = objectDescribeSchema.safeParse(await this.request('GET', `${this.base()}/sobjects/${encodeURIComponent(sobject)}/describe`, undefined, signal));
    if (!parsed.success) throw new SyncRequestError('transient', 'BAD_RESPONSE', `Salesforce answered the ${sobject} describe without its fields`);
    return parsed.data;
  }

  private results(value: unknown, expected: number): SaveResult[] {
    const parsed = saveResults.safeParse(value);
    if (!parsed.success || parsed.data.length !== expected) {
      throw new SyncRequestError('transient', 'BAD_RESPONSE', `Salesforce answered with ${parsed.success ? parsed.data.length : 'unreadable'} results for ${expected} records`);
    }
    return parsed.data;
  }
}

function parseErrors(text: string): z.infer<typeof errorBody> | null {
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.length > 0 ? parsed.data : null;
  } catch {
    return null;
  }
}
