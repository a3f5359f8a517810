import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { unlock } from '../../electron/backend/db/encryption';
import { keyFileName } from '../../electron/backend/db/keyFile';
import { startBrowserMode, type BrowserModeApp } from './harness';

/**
 * Nothing acknowledged is ever lost: concurrent clients do real work through browser mode's HTTP
 * transport (log calls, save hearings, hand off, edit prep notes) and the backend is SIGKILLed —
 * never at a moment picked by a clock, which a busy machine would shift, but on state: once the
 * round's chosen number of writes (at least one) has been acknowledged, once an import is writing,
 * once a backup is being copied, once a restore has begun. After every kill the store passes
 * integrity_check and holds every acknowledged write with its outbox row; an import is all or
 * nothing; no half backup is left. KOMA_CRASH_KILLS sets how many kills (30 by default).
 */
const kills = Number(process.env.KOMA_CRASH_KILLS ?? 30);
const clients = 3;
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

/**
 * Leads and companies a client is working on. Two clients saving the same hearing or prep notes at
 * once would both be acknowledged in an order only the server knows, so "the last acknowledged
 * save is stored" could not be checked; each lead and company has one client at a time.
 */
const busy = { leads: new Set<string>(), companies: new Set<string>() };

/** One client's work; each acknowledgement is recorded (and reported) only once the backend answered ok. */
async function work(api: BrowserModeApp['api'], acked: Acked, round: number, rep: string, stop: { stopped: boolean }, onAck: () => void) {
  let skip: string | null = null;
  for (let step = 0; !stop.stopped; step++) {
    let held: { leadId: string; companyId: string | null } | null = null;
    try {
      const next = (await api('queue.next', skip ? { excludeLeadId: skip } : {})) as Result<{ leadId: string | null }>;
      if (!next.ok || !next.value.leadId) return;
      const leadId = next.value.leadId;
      if (busy.leads.has(leadId)) {
        skip = leadId;
        continue;
      }
      busy.leads.add(leadId);
      held = { leadId, companyId: null };
      const lead = (await api('lead.get', { leadId })) as Result<{ company: { id: string } }>;
      if (!lead.ok || busy.companies.has(lead.value.company.id)) {
        skip = leadId;
        continue;
      }
      busy.companies.add(lead.value.company.id);
      held.companyId = lead.value.company.id;
      skip = null;
      const noteSeq = ++sequence;
      const notes = `第${round}回のメモ #${noteSeq}`;
      const prep = (await api('prep.saveNotes', { companyId: lead.value.company.id, notes })) as Result<unknown>;
      if (prep.ok) {
        acked.prepNotes.set(lead.value.company.id, Math.max(noteSeq, acked.prepNotes.get(lead.value.company.id) ?? -1));
        onAck();
      }
      const budgetSeq = ++sequence;
      const hearing = (await api('hearing.save', { leadId, hearing: { budget: { notes: `予算メモ #${budgetSeq}`, confirmed: true }, authority: {}, need: {}, timeline: {} } })) as Result<unknown>;
      if (hearing.ok) {
        acked.hearings.set(leadId, Math.max(budgetSeq, acked.hearings.get(leadId) ?? -1));
        onAck();
      }
      const now = new Date().toISOString();
      if (step % 5 === 4) {
        const handoff = (await api('handoff.create', { leadId, fieldRepId: rep, appointmentAt: '2025-05-01T01:00:00.000Z', appointmentEnd: '2025-05-01T02:00:00.000Z', summary: '商談', overrideReason: 'クラッシュ試験' })) as Result<{ id: string }>;
        if (handoff.ok) {
          acked.handoffs.push(handoff.value.id);
          onAck();
        }
      } else {
        const call = (await api('calls.log', { leadId, startedAt: now, endedAt: now, outcome: 'no_answer', notes })) as Result<{ callId: string }>;
        if (call.ok) {
          acked.calls.push(call.value.callId);
          onAck();
        }
      }
    } catch {
      return; // The connection died with the process: whatever was not acknowledged may be lost.
    } finally {
      if (held) {
        busy.leads.delete(held.leadId);
        if (held.companyId) busy.companies.delete(held.companyId);
      }
    }
  }
}

/** Resolves once `check` holds: waits on state, looking again every few milliseconds (a poll, not a deadline). */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 2));
}

const backups = () => (existsSync(join(dataDir, 'backups')) ? readdirSync(join(dataDir, 'backups')) : []);

/** A CSV of rows that exist nowhere else, so after a kill the store holds all of them or none. */
function importCsv(round: number, rows: number): string {
  const lines = ['会社名,姓,名,電話番号,リードソース'];
  for (let i = 0; i < rows; i++) lines.push(`株式会社クラッシュ${round}-${i},山田,太郎${i},03-${String(5000 + round).padStart(4, '0')}-${String(i).padStart(4, '0')},展示会`);
  return lines.join('\r\n');
}

type RoundKind = 'work' | 'import' | 'backup' | 'restore';
const kindOf = (round: number): RoundKind => (['work', 'work', 'import', 'work', 'backup', 'work', 'restore'] as const)[round % 7]!;

it(`keeps every acknowledged write through ${kills} SIGKILLs, with ${clients} clients, during imports, backups and restores`, async () => {
  const acked: Acked = { calls: [], handoffs: [], hearings: new Map(), prepNotes: new Map() };
  const reps = (await app.api('fieldReps.list', {})) as Result<{ reps: { id: string }[] }>;
  const rep = reps.ok ? reps.value.reps[0]!.id : '';
  const imports: { round: number; rows: number }[] = [];
  const seen: Record<RoundKind, number> = { work: 0, import: 0, backup: 0, restore: 0 };
  for (let round = 0; round < kills; round++) {
    const kind = kindOf(round);
    const stop = { stopped: false };
    let ackedThisRound = 0;
    // Kill after this many acknowledged writes in a work round; the others kill on their own state.
    const target = kind === 'work' ? 1 + Math.floor(Math.random() * 6) : Number.POSITIVE_INFINITY;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      app.child.kill('SIGKILL');
      stop.stopped = true;
    };
    const onAck = () => {
      if (++ackedThisRound >= target) kill();
    };
    const api = app.api;
    const running: Promise<unknown>[] = [];
    if (kind === 'restore') {
      // A backup holding every acknowledged write so far, so that a finished restore loses none.
      const made = (await api('backup.create', {})) as Result<{ name: string }>;
      expect(made.ok).toBe(true);
      if (made.ok) running.push(api('backup.restore', { name: made.value.name, confirmed: true }).catch(() => undefined));
      const before = new Set(backups());
      await until(() => killed || backups().some((name) => name.includes('-prerestore') && !before.has(name)));
    } else {
      for (let c = 0; c < clients; c++) running.push(work(api, acked, round, rep, stop, onAck));
      let clientsDone = false;
      void Promise.all(running).then(() => (clientsDone = true));
      if (kind === 'work') {
        // The kill comes from onAck once the round's target is acknowledged (or the clients ran out of work).
        await until(() => killed || clientsDone);
      } else if (kind === 'import') {
        const rows = 3_000;
        imports.push({ round, rows });
        const started = (await api('import.start', { fileName: `crash-${round}.csv`, contentBase64: Buffer.from(importCsv(round, rows)).toString('base64'), mapping: { companyName: 0, lastName: 1, firstName: 2, phone: 3, source: 4 } })) as Result<{ jobId: string }>;
        expect(started.ok).toBe(true);
        if (started.ok) {
          await until(async () => {
            const status = (await api('import.status', { jobId: started.value.jobId }).catch(() => null)) as Result<{ phase: string }> | null;
            return killed || !status?.ok || status.value.phase === 'writing' || status.value.phase === 'done';
          });
        }
      } else if (kind === 'backup') {
        const before = new Set(backups());
        running.push(api('backup.create', {}).catch(() => undefined));
        // Copying (its .partial is there), or already done (a name that was not there before).
        await until(() => killed || backups().some((name) => name.endsWith('.partial') || !before.has(name)));
      }
    }
    kill();
    await Promise.all(running);
    await app.stop();
    if (kind === 'work') expect(ackedThisRound).toBeGreaterThanOrEqual(1);
    seen[kind]++;

    const db = openStore();
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    app = await startBrowserMode({ dataDir });
    // The test clock starts at the real time on each launch; keep the rep inside calling hours.
    await app.setClock(new Date(Date.parse('2025-04-07T01:00:00.000Z') + round * 60_000).toISOString());
    // The backup thread removes what a killed backup left half written.
    await until(async () => ((await app.api('app.info', {})) as Result<unknown>).ok);
    expect(backups().filter((name) => name.endsWith('.partial'))).toEqual([]);
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
    // An import killed while writing left all of its rows or none.
    const importsHalf = imports.filter(({ round, rows }) => {
      const { n } = db.prepare("SELECT count(*) AS n FROM leads l JOIN companies c ON c.id = l.company_id WHERE c.name LIKE ?").get(`株式会社クラッシュ${round}-%`) as { n: number };
      return n !== 0 && n !== rows;
    });
    const acknowledged = acked.calls.length + acked.handoffs.length + acked.hearings.size + acked.prepNotes.size;
    if (lost.length + hearingsLost.length + notesLost.length > 0) console.log('lost:', JSON.stringify({ lost, hearingsLost, notesLost }));
    console.log(`crash test: ${kills} kills (${seen.work} during work, ${seen.import} during an import, ${seen.backup} during a backup, ${seen.restore} during a restore), ${clients} clients, ${acknowledged} acknowledged writes (${acked.calls.length} calls, ${acked.handoffs.length} handoffs, ${acked.hearings.size} hearings, ${acked.prepNotes.size} prep notes), lost: ${lost.length + hearingsLost.length + notesLost.length}, half imports: ${importsHalf.length}`);
    expect(lost).toEqual([]);
    expect(hearingsLost).toEqual([]);
    expect(notesLost).toEqual([]);
    expect(importsHalf).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}, 600_000);
