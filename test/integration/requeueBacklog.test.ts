import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { manualClock } from '../../shared/domain/clock';
import { defaultQueueRules } from '../../shared/contract/queueRules';
import { rescoreIfDayChanged } from '../../electron/backend/app/behaviour/dailyRescore';
import { queueViewOrNull } from '../../electron/backend/app/queue/freshness';
import { readFrontier } from '../../electron/backend/app/queue/frontier';
import { requeueDue } from '../../electron/backend/app/queue/requeue';
import { requeueChunk, requeueStep, type RequeueLimit } from '../../electron/backend/app/queue/requeueJob';
import { openReader } from '../../electron/backend/db/open';
import { startThreadedBackend } from '../../electron/backend/threads/storeThreads';
import { bundleForNode } from '../helpers/bundle';
import { answer } from '../helpers/answer';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';
import { testDatabaseKey } from '../helpers/testKey';

/**
 * A Monday after a long weekend: the cooldowns of most leads ended while Koma was closed, so the
 * first read finds tens of thousands of leads to re-place. They are re-placed in chunks, head of the
 * queue first (app/queue/requeueJob.ts): the read is answered once its answer is placed, a call
 * logged meanwhile waits for one chunk at most, and every answer is the one a full re-placing gives.
 * Shown by ordering and by the store's own state, never by the clock on the wall.
 */
const start = new Date('2025-04-07T01:00:00.000Z'); // Monday 10:00 in Tokyo
const leads = 30_000;
const jump = 24 * 3_600_000; // Tuesday 10:00: every cooldown below has ended
let seededDir: string;
/** Chunks by count alone, so a test can say how many leads each places. */
const byCount: RequeueLimit = { rows: requeueChunk, budgetMs: Infinity };
let tailLead: string;

interface Reference {
  next: string | null;
  firstPage: string[];
  secondPage: string[];
  total: number;
  placed: Map<string, string>;
}
let reference: Reference;

const placesOf = (temp: TempBackend) =>
  new Map(
    (temp.backend.context.db.prepare('SELECT id, queue_bucket, queue_sort, queue_reason FROM leads').all() as { id: string; queue_bucket: number; queue_sort: number; queue_reason: string }[]).map((r) => [
      r.id,
      `${r.queue_bucket}|${r.queue_sort}|${r.queue_reason}`,
    ]),
  );
const dueCount = (temp: TempBackend) => (temp.backend.context.db.prepare('SELECT count(*) AS n FROM leads WHERE queue_changes_at <= ?').get(temp.clock.now().toISOString()) as { n: number }).n;

/** The same store, copied, for each test: the seeded leads all waiting, the clock not yet moved. */
function copyOfSeeded(): string {
  const dir = mkdtempSync(join(tmpdir(), 'koma-backlog-'));
  cpSync(seededDir, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  const seed = createTempBackend({ start });
  const hour = new Date(start.getTime() + 3_600_000).toISOString();
  // Callbacks (the head of the queue once due), recycled leads coming back, and working leads whose
  // cooldown ends: every one waiting now, every one due after the jump.
  seedLeads(
    seed.backend,
    Array.from({ length: leads }, (_, i) => ({
      id: `w-${String(i).padStart(5, '0')}`,
      company: `株式会社サクラ${i % 5_000}`,
      name: `佐藤 ${i}`,
      score: i % 100,
      status: i % 10 === 0 ? 'callback' : i % 10 === 1 ? 'recycled' : 'working',
      ...(i % 10 === 1 ? { recycleUntil: hour } : { nextCallAt: new Date(start.getTime() + 3_600_000 + (i % 600) * 1_000).toISOString() }),
    })),
  );
  // Score 0 and no callback: one of the last leads of the list once due.
  tailLead = 'w-00200';
  await seed.call('queue.next', {});
  expect(dueCount(seed)).toBe(0);
  expect(await seed.call('callList.page', { limit: 1 })).toMatchObject({ total: 0 });
  seededDir = seed.dataDir;
  seed.close({ keepData: true });

  // What one full re-placing in one transaction gives, on a copy.
  const ref = createTempBackend({ dataDir: copyOfSeeded(), start: new Date(start.getTime() + jump) });
  const db = ref.backend.context.db;
  expect(db.transaction(() => requeueDue(db, defaultQueueRules, ref.clock.now()))()).toBe(leads);
  const first = await ref.call('callList.page', { limit: 50 });
  const second = await ref.call('callList.page', { limit: 50, count: false, cursor: { kind: 'after', key: first.lastKey! } });
  reference = {
    next: (await ref.call('queue.next', {})).leadId,
    firstPage: first.rows.map((r) => r.id),
    secondPage: second.rows.map((r) => r.id),
    total: first.total!,
    placed: placesOf(ref),
  };
  expect(reference.total).toBe(leads);
  ref.close();
}, 600_000);

afterAll(() => rmSync(seededDir, { recursive: true, force: true }));

/** The backend as the app runs it, on a copy of the seeded store, at the test's clock. */
async function threadsOn(dir: string, clock: ReturnType<typeof manualClock>) {
  return startThreadedBackend({
    workerScript: await bundleForNode('electron/backend/threads/storeWorker.ts'),
    dataDir: dir,
    resourcesDir: dir,
    version: 'test',
    mode: 'browser',
    databaseKey: testDatabaseKey,
    testClock: clock,
    logError: () => undefined,
  });
}

describe('re-placing a backlog of due leads', () => {
  it('a new day’s re-score leaves the backlog to the chunks: it re-places nothing itself, and the first read needs one chunk', async () => {
    const temp = createTempBackend({ dataDir: copyOfSeeded(), start: new Date(start.getTime() + jump) });
    try {
      // Tuesday: the writer's daily re-score runs first (after a long weekend, on the first start).
      expect(rescoreIfDayChanged(temp.backend.context)).not.toBeNull();
      // Before, it re-placed every due lead in its own one transaction (52 s at 80,000 in the bench).
      expect(dueCount(temp)).toBe(leads);
      const db = temp.backend.context.db;
      expect(requeueStep(db, defaultQueueRules, temp.clock.now(), byCount)).toEqual({ placed: requeueChunk, remaining: leads - requeueChunk });
      // The chunk committed without waiting for the disk; every other write still waits (FULL = 2).
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect((await temp.call('queue.next', {})).leadId).not.toBeNull();
      expect(dueCount(temp)).toBe(leads - requeueChunk);
    } finally {
      temp.close();
    }
  });

  it('answers the head of the queue from the first chunk, exactly as a full re-placing would', async () => {
    const temp = createTempBackend({ dataDir: copyOfSeeded(), start: new Date(start.getTime() + jump) });
    try {
      expect(dueCount(temp)).toBe(leads);
      const db = temp.backend.context.db;
      expect(requeueStep(db, defaultQueueRules, temp.clock.now(), byCount)).toEqual({ placed: requeueChunk, remaining: leads - requeueChunk });
      // The in-process dispatcher would re-place the whole backlog if a read asked for it: the
      // leads still due afterwards show that none did.
      expect((await temp.call('queue.next', {})).leadId).toBe(reference.next);
      const first = await temp.call('callList.page', { limit: 50 });
      expect(first.rows.map((r) => r.id)).toEqual(reference.firstPage);
      expect(first.total).toBe(reference.total);
      const second = await temp.call('callList.page', { limit: 50, count: false, cursor: { kind: 'after', key: first.lastKey! } });
      expect(second.rows.map((r) => r.id)).toEqual(reference.secondPage);
      expect(dueCount(temp)).toBe(leads - requeueChunk);

      // A real clock moves between two chunks: the plan holds while that makes no other lead due.
      const planned = readFrontier(db)!.asOf;
      temp.clock.advance(1_000);
      expect(requeueStep(db, defaultQueueRules, temp.clock.now(), byCount).remaining).toBe(leads - 2 * requeueChunk);
      expect(readFrontier(db)!.asOf).toBe(planned);

      // Save and next is a write: it places chunks itself, only as many as its answer needs.
      const logged = await temp.call('calls.logAndNext', {
        call: { leadId: reference.next!, startedAt: temp.clock.now().toISOString(), endedAt: temp.clock.now().toISOString(), outcome: 'no_answer' },
      });
      expect(logged.next?.lead.id).toBe(reference.firstPage.find((id) => id !== reference.next));
      expect(dueCount(temp)).toBeGreaterThan(0);

      // A write that makes another lead due meanwhile (a pull, a re-score) breaks the frontier's
      // promise: no read trusts it until the writer has planned again.
      db.prepare("UPDATE leads SET status = 'callback', next_call_at = '2025-04-01T00:00:00.000Z', queue_changes_at = '1970-01-01T00:00:00.000Z' WHERE id = ?").run(tailLead);
      expect(readFrontier(db)?.stale).toBe(true);
      expect(queueViewOrNull(db, temp.clock.now())).toBeNull();
      // … and the read that finds it so has the rest re-placed: the oldest callback comes first.
      expect((await temp.call('queue.next', {})).leadId).toBe(tailLead);
      expect(dueCount(temp)).toBe(0);
      expect(readFrontier(db)).toBeNull();
    } finally {
      temp.close();
    }
  }, 300_000);

  it('on the threads: a call logged meanwhile is answered before the backlog is through, and the list ends up as a full re-placing leaves it', async () => {
    const dir = copyOfSeeded();
    // Opened before the jump, so the backlog appears with the requests below (the writer would
    // otherwise start placing it as it opens the store).
    const clock = manualClock(start);
    const app = await threadsOn(dir, clock);
    await app.readersReady;
    clock.advance(jump);
    let closed = false;
    try {
      const call = <T>(command: string, input: unknown) => answer<T>(app, command, input);
      const order: string[] = [];
      // The end of the list needs every chunk; the call needs none; the next lead needs the first.
      const end = call<{ rows: { id: string }[] }>('callList.page', { limit: 50, count: false, cursor: { kind: 'last' } }).then((page) => {
        order.push('end of the list');
        return page;
      });
      const next = call<{ leadId: string | null }>('queue.next', {}).then((answer) => {
        order.push('next lead');
        return answer;
      });
      const logged = call('calls.log', { leadId: tailLead, startedAt: clock.now().toISOString(), endedAt: clock.now().toISOString(), outcome: 'no_answer' }).then(() => {
        order.push('call logged');
      });
      await Promise.all([end, next, logged]);
      // Messages to the writer are served in order and the end of the list waits for the last of
      // at least ⌈30,000 / 2,000⌉ = 15 chunks (each also ends after ~15 ms of work), each a message
      // or a task of its own: the call came first.
      expect(Math.ceil(leads / requeueChunk)).toBeGreaterThan(1);
      expect(order.indexOf('call logged')).toBeLessThan(order.indexOf('end of the list'));
      expect((await next).leadId).toBe(reference.next);

      // Once through: every lead where one full re-placing puts it (the logged lead has moved on).
      await app.close();
      closed = true;
      const temp = createTempBackend({ dataDir: dir, start: clock.now() });
      try {
        const placed = placesOf(temp);
        placed.delete(tailLead);
        const expected = new Map(reference.placed);
        expected.delete(tailLead);
        expect(placed).toEqual(expected);
        expect(readFrontier(temp.backend.context.db)).toBeNull();
      } finally {
        temp.close({ keepData: true });
      }
    } finally {
      if (!closed) await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
  it('on the threads: a backlog no read asks for is placed anyway, and the list ends up as a full re-placing leaves it', async () => {
    const dir = copyOfSeeded();
    const clock = manualClock(new Date(start.getTime() + jump));
    const app = await threadsOn(dir, clock);
    // No request at all: the writer finds the backlog by itself (a new day's re-score, a stop that
    // cut a re-placing short). Waited on through a read-only connection of the test's own.
    const look = openReader(join(dir, 'koma.sqlite3'), testDatabaseKey);
    try {
      const due = () => (look.prepare('SELECT count(*) AS n FROM leads WHERE queue_changes_at <= ?').get(clock.now().toISOString()) as { n: number }).n;
      await vi.waitFor(() => expect(due()).toBe(0), { timeout: 240_000, interval: 100 });
    } finally {
      look.close();
      await app.close();
    }
    const temp = createTempBackend({ dataDir: dir, start: clock.now() });
    try {
      expect(placesOf(temp)).toEqual(reference.placed);
      expect(readFrontier(temp.backend.context.db)).toBeNull();
    } finally {
      temp.close();
    }
  }, 300_000);
});
