import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { unlock } from '../../electron/backend/db/encryption';
import { keyFileName } from '../../electron/backend/db/keyFile';
import { startBrowserMode, type BrowserModeApp } from './harness';

/**
 * Nothing acknowledged is ever lost: a driver does real work through browser mode's HTTP transport
 * (log calls, save hearings, hand off, edit prep notes) while the backend is SIGKILLed at random
 * moments. After every kill the database passes integrity_check and holds every write that was
 * acknowledged, each with its outbox row. KOMA_CRASH_KILLS sets how many kills (50 by default).
 */
const kills = Number(process.env.KOMA_CRASH_KILLS ?? 50);
let dataDir: string;
let app: BrowserModeApp;

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'koma-crash-'));
  app = await startBrowserMode({ dataDir });
  await app.setClock('2025-04-07T01:00:00.000Z');
  let job = (await app.api('import.startSample', {})) as Result<{ jobId: string; phase: string }>;
  while (job.ok && job.value.phase !== 'done') job = (await app.api('import.status', { jobId: job.value.jobId })) as typeof job;
  await app.api('fieldReps.save', { reps: [{ id: null, name: '営業 一郎', email: null, crmUserId: null, active: true }] });
});
afterAll(async () => {
  await app?.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** The store as browser mode left it, unlocked with browser mode's own key file. */
function openStore(): Database.Database {
  const db = new Database(join(dataDir, 'koma.sqlite3'), { readonly: true });
  unlock(db, readFileSync(join(dataDir, keyFileName), 'utf8').trim());
  return db;
}

interface Acked {
  calls: string[];
  handoffs: string[];
  /** lead id → sequence number of the last acknowledged save */
  hearings: Map<string, number>;
  /** company id → sequence number of the last acknowledged save */
  prepNotes: Map<string, number>;
}

let sequence = 0;
const seqOf = (text: string | undefined) => Number(/#(\d+)$/.exec(text ?? '')?.[1] ?? -1);

/** One round of work; each step's acknowledgement is recorded only once the backend answered ok. */
async function work(api: BrowserModeApp['api'], acked: Acked, round: number, rep: string, stopAt: { stopped: boolean }) {
  for (let step = 0; !stopAt.stopped; step++) {
    try {
      const next = (await api('queue.next', {})) as Result<{ leadId: string | null }>;
      if (!next.ok || !next.value.leadId) return;
      const leadId = next.value.leadId;
      const lead = (await api('lead.get', { leadId })) as Result<{ company: { id: string } }>;
      if (!lead.ok) continue;
      const noteSeq = ++sequence;
      const notes = `第${round}回のメモ #${noteSeq}`;
      const prep = (await api('prep.saveNotes', { companyId: lead.value.company.id, notes })) as Result<unknown>;
      if (prep.ok) acked.prepNotes.set(lead.value.company.id, noteSeq);
      const budgetSeq = ++sequence;
      const hearing = (await api('hearing.save', { leadId, hearing: { budget: { notes: `予算メモ #${budgetSeq}`, confirmed: true }, authority: {}, need: {}, timeline: {} } })) as Result<unknown>;
      if (hearing.ok) acked.hearings.set(leadId, budgetSeq);
      const now = new Date().toISOString();
      if (step % 5 === 4) {
        const handoff = (await api('handoff.create', { leadId, fieldRepId: rep, appointmentAt: '2025-05-01T01:00:00.000Z', appointmentEnd: '2025-05-01T02:00:00.000Z', summary: '商談', overrideReason: 'クラッシュ試験' })) as Result<{ id: string }>;
        if (handoff.ok) acked.handoffs.push(handoff.value.id);
      } else {
        const call = (await api('calls.log', { leadId, startedAt: now, endedAt: now, outcome: 'no_answer', notes })) as Result<{ callId: string }>;
        if (call.ok) acked.calls.push(call.value.callId);
      }
    } catch {
      return; // The connection died with the process: whatever was not acknowledged may be lost.
    }
  }
}

it(`keeps every acknowledged write through ${kills} SIGKILLs`, async () => {
  const acked: Acked = { calls: [], handoffs: [], hearings: new Map(), prepNotes: new Map() };
  const reps = (await app.api('fieldReps.list', {})) as Result<{ reps: { id: string }[] }>;
  const rep = reps.ok ? reps.value.reps[0]!.id : '';
  for (let round = 0; round < kills; round++) {
    const stopAt = { stopped: false };
    const running = work(app.api, acked, round, rep, stopAt);
    // Kill somewhere in the middle of the work: 5–120 ms in.
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(Math.random() * 115)));
    app.child.kill('SIGKILL');
    stopAt.stopped = true;
    await running;
    await app.stop();

    const db = openStore();
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    app = await startBrowserMode({ dataDir });
    // The test clock starts at the real time on each launch; keep the rep inside calling hours.
    await app.setClock(new Date(Date.parse('2025-04-07T01:00:00.000Z') + round * 60_000).toISOString());
  }

  const db = openStore();
  try {
    const has = (sql: string, id: string) => db.prepare(sql).get(id) !== undefined;
    const lost = [
      ...acked.calls.filter((id) => !has('SELECT 1 FROM calls WHERE id = ?', id) || !has("SELECT 1 FROM outbox WHERE entity = 'call' AND entity_id = ?", id)),
      ...acked.handoffs.filter((id) => !has('SELECT 1 FROM handoffs WHERE id = ?', id) || !has("SELECT 1 FROM outbox WHERE entity = 'handoff' AND entity_id = ?", id)),
    ];
    // The stored text is the last acknowledged save or a later one (a save can commit just before
    // the kill cuts its answer), never an earlier one.
    const hearingsLost = [...acked.hearings].filter(([leadId, seq]) => {
      const row = db.prepare('SELECT data FROM hearings WHERE lead_id = ? ORDER BY version DESC LIMIT 1').get(leadId) as { data: string } | undefined;
      return seqOf(row && (JSON.parse(row.data) as { budget: { notes: string } }).budget.notes) < seq;
    });
    const notesLost = [...acked.prepNotes].filter(([companyId, seq]) => {
      const row = db.prepare('SELECT prep_notes FROM companies WHERE id = ?').get(companyId) as { prep_notes: string } | undefined;
      return seqOf(row?.prep_notes) < seq;
    });
    const acknowledged = acked.calls.length + acked.handoffs.length + acked.hearings.size + acked.prepNotes.size;
    console.log(`crash test: ${kills} kills, ${acknowledged} acknowledged writes (${acked.calls.length} calls, ${acked.handoffs.length} handoffs, ${acked.hearings.size} hearings, ${acked.prepNotes.size} prep notes), lost: ${lost.length + hearingsLost.length + notesLost.length}`);
    expect(acked.calls.length).toBeGreaterThan(kills);
    expect(lost).toEqual([]);
    expect(hearingsLost).toEqual([]);
    expect(notesLost).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}, 300_000);
