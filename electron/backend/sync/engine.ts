import { z } from 'zod';
import { pauseReasons, type SyncSettings } from '../../../shared/contract/sync';
import type { BackendContext } from '../core/context';
import { retryDelay, type BackoffPolicy } from './backoff';
import { NetworkState } from './network';
import { learnLeadCrmId, nextDueAt, outboxWrites, takeBatch } from './outbox';
import { mergeAnswers } from './pull/mergeAnswers';
import { mergeLeads, recordEcho } from './pull/mergeLeads';
import { mergePhoneCalls } from './pull/mergePhoneCalls';
import { deleteState, readState, stateKeys, writeState } from './state';
import {
  offlineCodes,
  SyncAbortedError,
  SyncRequestError,
  type BatchResult,
  type Connector,
  type CrmAnswer,
  type CrmLead,
  type CrmPhoneCall,
  type OutboxItem,
  type PullCursor,
} from './types';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // The loop never keeps a process alive on its own: the transport or the caller does.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface EngineDeps {
  ctx: BackendContext;
  connector: () => Connector | null;
  settings: () => SyncSettings;
  random: () => number;
  timers: Timers;
  itemBackoff: BackoffPolicy;
  probeBackoff: BackoffPolicy;
  /** The background loop's longest sleep, so a moved test clock or a new row is noticed. */
  idleMs: number;
  /** How long REQUEST_LIMIT_EXCEEDED pauses syncing when Salesforce gives no Retry-After. */
  limitPauseMs: number;
  /** Pages of each pull per run: bounds the API requests one run may spend catching up. */
  pullPages: number;
  logError: (message: string, error: unknown) => void;
}

export type RunOutcome = 'sent' | 'idle' | 'offline' | 'paused' | 'not_ready' | 'no_connector' | 'stopped';

export const pauseSchema = z.object({ reason: z.enum(pauseReasons), message: z.string(), until: z.string().nullable() });
export type Pause = z.infer<typeof pauseSchema>;

const positionSchema = z.object({ modstamp: z.string(), id: z.string() });

/**
 * Where the last pull left off: the furthest record read, in (SystemModstamp, Id) order. `continuing`
 * when that pull ran out of its page budget before the end: the next one goes on from exactly
 * there — or, when the budget ran out while it was still re-reading the overlap behind that point,
 * from `overlapAt`, the last record of the overlap it read.
 */
const cursorSchema = positionSchema.extend({ continuing: z.boolean().default(false), overlapAt: positionSchema.optional() });
type StoredCursor = z.infer<typeof cursorSchema>;
const pullOverlapMs = 60_000;
const instantSchema = z.string();

/**
 * Record ids in keyset order: Salesforce's and HubSpot's compare as text (fixed width); kintone's
 * are numbers that grow (9 < 10), so ids of digits only compare as numbers.
 */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two keyset positions (by stamp, then Id); an overlap cursor (no Id) sorts first. */
export function furthest(a: PullCursor | null, b: PullCursor | null): PullCursor | null {
  if (!a || !b) return a ?? b;
  const at = Date.parse(a.modstamp) - Date.parse(b.modstamp);
  if (at !== 0) return at > 0 ? a : b;
  return compareIds(a.id, b.id) >= 0 ? a : b;
}

/**
 * The sync engine: takes the outbox in order, hands batches to the connector, and writes each
 * item's outcome in one transaction — done only when the CRM confirmed it, retried with jittered
 * backoff when it could not take it yet, held for attention when it refused it. It never sends
 * while offline (until the next probe), while paused by a request limit, or while signed out.
 * One pass at a time; `runOnce`/`drain` drive it in tests, `start` runs it in the app.
 */
export class SyncEngine {
  readonly network: NetworkState;
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private started = false;
  private timer: unknown = null;
  private readonly controller = new AbortController();
  private readonly sending = new Set<string>();

  constructor(private readonly deps: EngineDeps) {
    this.network = new NetworkState(deps.probeBackoff, deps.random);
  }

  private get db() {
    return this.deps.ctx.db;
  }

  private now(): Date {
    return this.deps.ctx.clock.now();
  }

  /** The outbox rows being sent right now. */
  get inFlight(): ReadonlySet<string> {
    return this.sending;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** One pass: a batch out (if any is due), then a pull when one is due. Passes never overlap. */
  runOnce(options: { pull?: 'due' | 'force' | 'skip' } = {}): Promise<RunOutcome> {
    const run = this.chain.then(() => this.pass(options.pull ?? 'due'));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Passes until nothing is due now (tests: move the clock to let backoffs expire). */
  async drain(maxPasses = 10_000): Promise<RunOutcome> {
    let outcome: RunOutcome = 'idle';
    for (let i = 0; i < maxPasses; i++) {
      outcome = await this.runOnce();
      if (outcome !== 'sent') return outcome;
    }
    return outcome;
  }

  /** Pulls now, whatever the interval says. */
  pullNow(): Promise<RunOutcome> {
    return this.runOnce({ pull: 'force' });
  }

  pause(): Pause | null {
    return readState(this.db, stateKeys.pause, pauseSchema);
  }

  private async pass(pull: 'due' | 'force' | 'skip'): Promise<RunOutcome> {
    if (this.stopped) return 'stopped';
    const outcome = await this.push();
    if ((outcome === 'sent' || outcome === 'idle') && pull !== 'skip' && !this.stopped && (pull === 'force' || this.pullDue())) {
      await this.pull();
    }
    return this.stopped ? 'stopped' : outcome;
  }

  /** Checks everything that stops sending; clears a pause that has run out. */
  private async gate(connector: Connector): Promise<RunOutcome | null> {
    const now = this.now();
    const pause = this.pause();
    if (pause) {
      if (pause.until === null || now.getTime() < Date.parse(pause.until)) return 'paused';
      this.db.transaction(() => deleteState(this.db, stateKeys.pause))();
    }
    if (!this.network.canTry(now)) return 'offline';
    const ready = await connector.ready();
    if (this.stopped) return 'stopped';
    return ready ? null : 'not_ready';
  }

  private async push(): Promise<RunOutcome> {
    const connector = this.deps.connector();
    if (!connector) return 'no_connector';
    const blocked = await this.gate(connector);
    if (blocked) return blocked;
    const items = this.db.transaction(() => takeBatch(this.db, this.now(), connector.maxBatch))();
    if (items.length === 0) return 'idle';
    for (const item of items) this.sending.add(item.id);
    let result: BatchResult;
    try {
      result = await connector.send(items, this.controller.signal);
    } catch (error) {
      if (error instanceof SyncAbortedError || this.stopped) return 'stopped';
      result = { results: [], stopped: this.asRequestError(error) };
    } finally {
      this.sending.clear();
    }
    if (this.stopped) return 'stopped';
    this.record(items, result);
    return 'sent';
  }

  private asRequestError(error: unknown): SyncRequestError {
    if (error instanceof SyncRequestError) return error;
    // A bug must not lose or block items: they stay pending, retried with backoff, and the log has it.
    this.deps.logError('sync: the connector failed unexpectedly', error);
    return new SyncRequestError('transient', 'INTERNAL', `Koma could not send this (${error instanceof Error ? error.message : String(error)}); it will try again.`);
  }

  /** Every outcome of one batch in one transaction. */
  private record(items: readonly OutboxItem[], result: BatchResult): void {
    const now = this.now();
    const at = now.toISOString();
    const byId = new Map(result.results.map((r) => [r.id, r]));
    const stop = result.stopped;
    const { itemBackoff, random } = this.deps;
    const retryAt = (item: OutboxItem, retryAfterMs?: number) =>
      new Date(now.getTime() + retryDelay(item.attempts + 1, itemBackoff, random, retryAfterMs ?? result.retryAfterMs));
    let succeeded = 0;
    let lastError: string | null = null;
    const mapping = this.deps.connector()?.pull?.leadMapping();
    this.db.transaction(() => {
      for (const item of items) {
        const r = byId.get(item.id);
        if (r?.ok) {
          outboxWrites.done(this.db, item, r.crmId, now);
          if (r.leadEcho) {
            learnLeadCrmId(this.db, r.leadEcho.leadId, r.leadEcho.crmId);
            if (mapping) recordEcho(this.db, r.leadEcho, mapping, at);
          }
          succeeded++;
        } else if (r) {
          lastError = r.message;
          if (r.kind === 'permanent') outboxWrites.attention(this.db, item, r.message, now);
          else outboxWrites.retryLater(this.db, item, retryAt(item), r.message, now);
        } else {
          const e = stop ?? new SyncRequestError('transient', 'NO_RESULT', 'The CRM gave no result for this item');
          lastError = e.message;
          if (e.kind === 'permanent') outboxWrites.attention(this.db, item, e.message, now);
          else if (e.kind === 'transient') {
            // Unreachable: the network probe decides when to try again, not each item.
            outboxWrites.retryLater(this.db, item, offlineCodes.has(e.code) ? null : retryAt(item, e.retryAfterMs), e.message, now);
          }
          // auth and limit: nothing was wrong with the item; it waits, unchanged, for sign-in or the limit.
        }
      }
      if (succeeded > 0) writeState(this.db, stateKeys.lastSuccessAt, at, at);
      this.noteStop(stop, now);
      if (lastError !== null) writeState(this.db, stateKeys.lastError, lastError, at);
      else deleteState(this.db, stateKeys.lastError);
    })();
    this.noteNetwork(stop, now);
  }

  /** A limit pauses everything. Call in a transaction. */
  private noteStop(stop: SyncRequestError | undefined, now: Date): void {
    if (!stop || stop.kind !== 'limit') return;
    const reason = stop.code === 'KOMA_BUDGET' ? 'koma_budget' : 'request_limit';
    const until = new Date(now.getTime() + (stop.retryAfterMs ?? this.deps.limitPauseMs)).toISOString();
    writeState(this.db, stateKeys.pause, { reason, message: stop.message, until } satisfies Pause, now.toISOString());
  }

  private noteNetwork(stop: SyncRequestError | undefined, now: Date): void {
    if (stop && offlineCodes.has(stop.code)) this.network.markOffline(now);
    else this.network.markOnline();
  }

  private pullDue(): boolean {
    const last = readState(this.db, stateKeys.lastPullAt, instantSchema);
    return last === null || this.now().getTime() - Date.parse(last) >= this.deps.settings().pullMinutes * 60_000;
  }

  /**
   * The rep's leads, then field sales' answers, then the phone system's call Tasks; each page merged with its cursor in one transaction.
   * A pull that ran out of its page budget is not a completed pull: the last pull time stays, so
   * the next pass goes on where this one stopped.
   */
  private async pull(): Promise<void> {
    const connector = this.deps.connector();
    const puller = connector?.pull;
    if (!connector || !puller || (await this.gate(connector)) !== null) return;
    const mapping = puller.leadMapping();
    const ctx = this.deps.ctx;
    const signal = this.controller.signal;
    const leads = await this.pullPages<CrmLead>(stateKeys.leadsCursor, puller.pageSize, (c) => puller.leadsSince(c, signal), (rows) =>
      mergeLeads(ctx, rows, mapping, this.now()),
    );
    if (leads === 'failed') return;
    const answers = await this.pullPages<CrmAnswer>(stateKeys.answersCursor, puller.pageSize, (c) => puller.answersSince(c, signal), (rows) =>
      mergeAnswers(ctx.db, rows, this.now()),
    );
    if (answers === 'failed') return;
    // After the leads, so a Task on a lead pulled in this run finds it.
    const phoneCallsSince = puller.phoneCallsSince?.bind(puller);
    const phoneCalls = phoneCallsSince
      ? await this.pullPages<CrmPhoneCall>(stateKeys.phoneCallsCursor, puller.pageSize, (c) => phoneCallsSince(c, signal), (rows) => mergePhoneCalls(ctx, rows, this.now()))
      : 'done';
    if (phoneCalls === 'failed' || leads === 'continuing' || answers === 'continuing' || phoneCalls === 'continuing') return;
    const at = this.now().toISOString();
    this.db.transaction(() => writeState(this.db, stateKeys.lastPullAt, at, at))();
  }

  /**
   * Pages of one pull, keyset-paged on (SystemModstamp, Id): 'done' at the end of the changes,
   * 'continuing' when the page budget ran out first, 'failed' when it stopped early (stopping, or
   * the CRM failed; the error is recorded).
   */
  private async pullPages<T extends { modstamp: string; crmId: string }>(
    key: string,
    pageSize: number,
    fetch: (cursor: PullCursor | null) => Promise<T[]>,
    merge: (rows: T[]) => void,
  ): Promise<'done' | 'continuing' | 'failed'> {
    const stored = readState(this.db, key, cursorSchema);
    // A new run starts a minute before where the last one ended: Salesforce stamps whole seconds
    // (kintone whole minutes) and stamps a change when its transaction starts, so a record committed
    // late, or edited in the same second after the last run read past it, would otherwise slip
    // behind the cursor. That overlap is read to its end, page after page from the last record
    // read — it may hold thousands of records stamped alike (a bulk load) — and the run then goes on
    // past the furthest point ever reached (`floor`) like any other. The stored cursor never moves
    // back. A run cut short by its budget goes on next time without a new overlap: from where it
    // stopped, inside the overlap if it was still re-reading it.
    const floor: PullCursor | null = stored ? { modstamp: stored.modstamp, id: stored.id } : null;
    let cursor: PullCursor | null = !stored
      ? null
      : stored.continuing
        ? (stored.overlapAt ?? floor)
        : { modstamp: new Date(Date.parse(stored.modstamp) - pullOverlapMs).toISOString(), id: '' };
    for (let page = 0; page < this.deps.pullPages; page++) {
      let rows: T[];
      try {
        rows = await fetch(cursor);
      } catch (error) {
        if (error instanceof SyncAbortedError || this.stopped) return 'failed';
        const stop = this.asRequestError(error);
        const now = this.now();
        this.db.transaction(() => {
          this.noteStop(stop, now);
          writeState(this.db, stateKeys.lastError, stop.message, now.toISOString());
        })();
        this.noteNetwork(stop, now);
        return 'failed';
      }
      if (this.stopped) return 'failed';
      this.network.markOnline();
      const last = rows.at(-1);
      const reached = last ? { modstamp: last.modstamp, id: last.crmId } : cursor;
      const next = furthest(reached, floor);
      const done = rows.length < pageSize;
      const continuing = !done && page === this.deps.pullPages - 1;
      // Still behind the floor: the overlap is not read to its end yet.
      const overlapAt = continuing && reached && next !== reached ? reached : undefined;
      this.db.transaction(() => {
        merge(rows);
        if (next) writeState(this.db, key, { ...next, continuing, ...(overlapAt ? { overlapAt } : {}) } satisfies StoredCursor, this.now().toISOString());
      })();
      if (done) return 'done';
      cursor = reached;
    }
    return 'continuing';
  }

  /** When the loop should look again: the next due retry, probe, pause end or pull, within idleMs. */
  private nextWakeMs(outcome: RunOutcome): number {
    if (outcome === 'sent') return 0;
    const now = this.now().getTime();
    const candidates = [nextDueAt(this.db), this.network.nextProbeAt?.toISOString() ?? null, this.pause()?.until ?? null]
      .filter((x): x is string => x !== null)
      .map((x) => Date.parse(x) - now);
    return Math.max(0, Math.min(this.deps.idleMs, ...candidates));
  }

  /** The app's background loop: runs, sleeps until something may be due, runs again. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = null;
      this.runOnce()
        .then((outcome) => {
          if (!this.stopped) this.schedule(this.nextWakeMs(outcome));
        })
        .catch((error: unknown) => {
          this.deps.logError('sync: a pass failed', error);
          if (!this.stopped) this.schedule(this.deps.idleMs);
        });
    }, ms);
  }

  /**
   * Something changed ("sync now", a sign-in, a retry): probe at once and, when the loop runs, run
   * now. Without the loop (tests, tools) passes are the caller's to run.
   */
  kick(): void {
    if (this.stopped) return;
    this.network.probeNow();
    if (this.started) this.schedule(0);
  }

  /**
   * Stops for good: no new pass, the request in flight abandoned (its items stay pending, to be
   * sent again — safely, by external id — after the restart). Nothing touches the store after this.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
    this.controller.abort();
    await this.chain;
  }
}
