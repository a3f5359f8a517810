import type { LeadStatus } from '../../../shared/contract/leads';
import type { ConnectorKind, SetupCheck } from '../../../shared/contract/sync';
import type { TeamSelection } from '../../../shared/contract/team';
import type { TeamCounts } from '../../../shared/domain/kpi/team';
import type { OutboxEntity } from '../core/outbox';

/** One outbox row as the sync engine hands it to a connector. */
export interface OutboxItem {
  seq: number;
  /** Koma's own id for this change: the idempotency key. */
  id: string;
  entity: OutboxEntity;
  entityId: string;
  op: string;
  payload: unknown;
  attempts: number;
  createdAt: string;
}

/**
 * How a failure is handled: transient ones retry with backoff (network, timeout, 5xx, 429,
 * UNABLE_TO_LOCK_ROW); auth refreshes the token once and then asks the rep to sign in; permanent
 * ones (validation, missing field) wait in "needs attention" with the CRM's message.
 */
export type FailureKind = 'transient' | 'auth' | 'permanent';

/** The CRM lead fields a confirmed item wrote, as sent: the base the next pull compares with. */
export interface LeadEcho {
  leadId: string;
  /** The Lead's Salesforce Id, learned so later changes update it by Id. */
  crmId: string;
  fields: Record<string, unknown>;
}

export type ItemResult =
  | { id: string; ok: true; crmId: string | null; leadEcho?: LeadEcho }
  | { id: string; ok: false; kind: FailureKind; code: string; message: string };

export interface BatchResult {
  /** One per item settled, by item id; items without one are covered by `stopped`. */
  results: ItemResult[];
  /** From Retry-After: wait at least this long before the next request. */
  retryAfterMs?: number;
  /**
   * The send stopped part-way (the CRM went away, the session could not be renewed, a limit was
   * hit): items with no result were not confirmed and are handled by this error's kind.
   */
  stopped?: SyncRequestError;
}

/** Request-level failures that reach the network layer: the engine goes offline and probes. */
export const offlineCodes: ReadonlySet<string> = new Set(['NETWORK', 'TIMEOUT']);

/** A whole request failed (no per-item results): network down, 5xx, 401, REQUEST_LIMIT_EXCEEDED. */
export class SyncRequestError extends Error {
  constructor(
    readonly kind: FailureKind | 'limit',
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SyncRequestError';
  }
}

/** The engine is stopping: the request was abandoned and nothing may be written. */
export class SyncAbortedError extends Error {
  constructor() {
    super('sync stopped');
    this.name = 'SyncAbortedError';
  }
}

/** A lead as the CRM has it, for the pull. */
export interface CrmLead {
  crmId: string;
  /** Koma's id when Koma created the record (the external id field). */
  komaId: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  /** The org's status value, mapped to Koma's by the merge. */
  status: string | null;
  recycleReason: string | null;
  recycleUntil: string | null;
  excludeReason: string | null;
  doNotCall: boolean;
  modstamp: string;
}

/** Field sales' answer on an opportunity Koma created. */
export interface CrmAnswer {
  crmId: string;
  handoffId: string;
  fieldState: 'accepted' | 'meeting_held' | 'rejected' | null;
  fieldReason: string | null;
  modstamp: string;
}

/**
 * A call Task the phone system (MiiTel, Zoom Phone, Dialpad…) wrote to the CRM, not Koma: what the
 * phone system knew about a call of one of the rep's leads.
 */
export interface CrmPhoneCall {
  crmId: string;
  /** The Lead or Contact the Task names. */
  whoId: string | null;
  /** When the Who is a Contact converted from a Lead: that Lead's Id (Koma knows its leads by it). */
  convertedFromLeadId: string | null;
  /** When the Task was created: at the call's end for MiiTel's "after the call" sync. */
  createdAt: string;
  durationSec: number | null;
  direction: 'outbound' | 'inbound' | null;
  result: string | null;
  /** The Task's comment: the phone system's notes, summary, times and link (read by the merge). */
  description: string | null;
  modstamp: string;
}

/** Where a pull resumes: the last record seen, by modification stamp and id (ties broken by id). */
export interface PullCursor {
  modstamp: string;
  id: string;
}

/**
 * How the CRM spells a lead's status and where it keeps Koma's reasons: the same for every CRM
 * (Salesforce's Lead, HubSpot's contact), so pulled and echoed leads are compared and merged by
 * one set of rules (pull/leadFields.ts). A null field is not tracked by the CRM.
 */
export interface LeadMapping {
  statuses: Record<LeadStatus, string>;
  fields: { recycleReason: string | null; recycleUntil: string | null; excludeReason: string | null };
}

/** What the lead rules read: a CRM's settings carry their lead mapping under `lead`. */
export interface LeadMapped {
  lead: LeadMapping;
}

export interface Puller {
  readonly pageSize: number;
  /** The mapping the pulled leads (and the send's lead echoes) are read with. */
  leadMapping(): LeadMapped;
  /** The signed-in rep's open leads changed after the cursor, oldest first, one page. */
  leadsSince(cursor: PullCursor | null, signal: AbortSignal): Promise<CrmLead[]>;
  /** Answers on Koma's opportunities changed after the cursor, oldest first, one page. */
  answersSince(cursor: PullCursor | null, signal: AbortSignal): Promise<CrmAnswer[]>;
  /** Call Tasks the phone system wrote for the rep, changed after the cursor, oldest first, one page (a CRM without them: absent). */
  phoneCallsSince?(cursor: PullCursor | null, signal: AbortSignal): Promise<CrmPhoneCall[]>;
}

/** The dates one team view covers: this month, and the trend's weeks before it (local dates, and the instants of their midnights). */
export interface TeamRange {
  monthStart: string;
  /** Exclusive. */
  monthEnd: string;
  trendFrom: string;
  monthStartAt: string;
  monthEndAt: string;
  trendFromAt: string;
}

/** The manager's team view read from the CRM (Salesforce: salesforce/teamQueries.ts). */
export interface TeamReader {
  read(selection: TeamSelection, range: TeamRange, signal: AbortSignal): Promise<{ counts: TeamCounts; requests: number }>;
  /** Requests one refresh costs for this many reps (shown, and checked by the bench). */
  requestBound(reps: number, kind: TeamSelection['kind']): number;
}

/** The CRM's API use as it reports it, and Koma's own daily share of it (the sync screen shows both). */
export interface QuotaView {
  used: number | null;
  max: number | null;
  komaUsedToday: number;
  budget: number | null;
  percent: number;
}

/**
 * One interface for every CRM Koma syncs with (Salesforce, HubSpot, the webhook): the engine, the
 * sync screen, the indicator and "needs attention" only ever talk to this. Mapping lives inside
 * `send` (outbox items → the CRM's records) and `pull` (the CRM's records → CrmLead/CrmAnswer).
 */
export interface Connector {
  readonly name: Exclude<ConnectorKind, 'none'>;
  /** The most items one send takes (Salesforce sObject Collections: 200 records per request). */
  readonly maxBatch: number;
  /** Whether it can send now (signed in, configured); when not, the engine waits without sending. */
  ready(): Promise<boolean>;
  send(items: readonly OutboxItem[], signal: AbortSignal): Promise<BatchResult>;
  readonly pull?: Puller;
  /**
   * Reads the CRM as an admin would and lists what Koma needs as ok / what to create. Throws
   * SyncRequestError when the CRM cannot be read; a connector without one has nothing to check.
   */
  setupCheck?(signal: AbortSignal, now: Date): Promise<SetupCheck>;
  /** The CRM's API usage and Koma's share of it, when the CRM reports one. */
  quota?(): QuotaView | null;
  /** Read the CRM's schema again before the next write: the rep retries after the admin changed it. */
  forgetSchema?(): void;
  /** The manager's team view, where the CRM can aggregate Koma's records (Salesforce only so far). */
  readonly team?: TeamReader;
}
