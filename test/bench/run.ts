import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { callListPageSql } from '../../electron/backend/app/callList/queries';
import { nextLeadSql } from '../../electron/backend/app/queue/handlers';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { openDatabase } from '../../electron/backend/db/open';
import { manualClock } from '../../shared/domain/clock';
import { searchKey } from '../../shared/domain/normalize';
import { likePattern } from '../../electron/backend/app/callList/queries';
import { fullScale, generateCp932Csv, generateDataset, quickScale } from './dataset';
import { time, type Timing } from './measure';
import { measureUi, uiBenchUnavailable, type UiFigure } from './ui';
import { testDatabaseKey } from '../helpers/testKey';

interface Figure {
  figure: string;
  measured: Timing;
  baseline: Timing | null;
  ratio: number | null;
  target: string;
  met: boolean;
}

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const json = args.has('--json');
const scale = quick ? quickScale : fullScale;
const runs = quick ? 30 : 200;
// Monday 2026-11-23 10:00 in Tokyo: inside calling hours, so the queue is callable.
const now = new Date('2026-11-23T01:00:00.000Z');

async function ok<T>(backend: Backend, command: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(command, input);
  if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
  return result.value as T;
}

const ratioFigure = (figure: string, measured: Timing, baseline: Timing, limit: number): Figure => {
  const ratio = measured.p50 / baseline.p50;
  return { figure, measured, baseline, ratio, target: `≤ ${limit}×`, met: ratio <= limit };
};

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'koma-bench-'));
  const log = (line: string) => {
    if (!json) console.log(line);
  };
  try {
    const started = performance.now();
    log(`Generating ${quick ? 'the quick' : 'a full'} dataset: ${scale.leads.toLocaleString()} leads, ${scale.calls.toLocaleString()} calls…`);
    const seedDb = openDatabase(join(dir, 'koma.sqlite3'), testDatabaseKey);
    generateDataset(seedDb, scale, now);
    seedDb.close();
    log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const clock = manualClock(now);
    let id = 0;
    const backend = createBackend({ dataDir: dir, resourcesDir: dir, mode: 'browser', databaseKey: testDatabaseKey, version: 'bench', clock, ids: { next: () => `bench-${++id}` } });
    const db = backend.context.db;
    const figures: Figure[] = [];
    let uiFigures: UiFigure[] = [];

    // 1. Next lead. The bare baseline is the same SQL the handler needs (the re-queue probe and the
    // queue walk), without the dispatcher, validation, transaction or rules around it.
    const bareNext = db.prepare(nextLeadSql);
    const bareDue = db.prepare('SELECT id FROM leads WHERE queue_changes_at <= ?');
    const bareNextLead = () => {
      bareDue.all(clock.now().toISOString());
      return bareNext.get({ source: null });
    };
    figures.push(ratioFigure('next lead, through the dispatcher', await time(() => ok(backend, 'queue.next', {}), runs), await time(bareNextLead, runs), 3));

    // 2. A page of the call list with a search term.
    const term = 'サクラ';
    const barePage = db.prepare(callListPageSql.first);
    figures.push(
      ratioFigure(
        'call list page (first 100, search)',
        await time(() => ok(backend, 'callList.page', { search: term, limit: 100 }), runs),
        await time(() => barePage.all({ pattern: likePattern(searchKey(term)), source: null, limit: 100 }), runs),
        3,
      ),
    );

    // 3. Logging a call: call + lead + exit + outbox in one synchronous=FULL transaction.
    const leads = (db.prepare("SELECT id FROM leads WHERE status IN ('new', 'working') LIMIT ?").all(runs + 10) as { id: string }[]).map((l) => l.id);
    let n = 0;
    const logCall = () => {
      clock.advance(60_000);
      const end = clock.now();
      return ok(backend, 'calls.log', { leadId: leads[n++ % leads.length], startedAt: new Date(end.getTime() - 90_000).toISOString(), endedAt: end.toISOString(), outcome: 'no_answer', notes: '不在' });
    };
    const bareInsert = db.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, 'x', 'x')");
    let k = 0;
    figures.push(ratioFigure('log a call (one FULL transaction)', await time(logCall, runs), await time(() => db.transaction(() => bareInsert.run(`bench-${k++}`))(), runs), 3));

    // 4. Import of a CP932 file end to end vs a bare insert of the same rows.
    const csv = generateCp932Csv(scale.csvRows);
    const contentBase64 = csv.toString('base64');
    // The preview (which the rep looks at before importing) is not part of the import itself.
    const { mapping } = await ok<{ mapping: object }>(backend, 'import.preview', { fileName: 'bench.csv', contentBase64 });
    const importOnce = async () => {
      let job = await ok<{ jobId: string; phase: string }>(backend, 'import.start', { fileName: 'bench.csv', contentBase64, mapping });
      while (job.phase !== 'done' && job.phase !== 'failed') {
        await new Promise((resolve) => setImmediate(resolve));
        job = await ok(backend, 'import.status', { jobId: job.jobId });
      }
      if (job.phase === 'failed') throw new Error('bench import failed');
    };
    const bareRows = Array.from({ length: scale.csvRows }, (_, i) => [`bare-${i}`, `bare company ${i % 20_000}`, `名前${i}`]);
    const bareCompany = db.prepare("INSERT OR IGNORE INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')");
    const bareLead = db.prepare("INSERT INTO leads (id, company_id, full_name, search_text, created_at, updated_at) VALUES (?, ?, ?, '', 'x', 'x')");
    let round = 0;
    const bareImport = () => {
      round++;
      db.transaction(() => {
        for (const [leadId, company, name] of bareRows) {
          bareCompany.run(`${company}-${round}`, company, `${company}-${round}`);
          bareLead.run(`${leadId}-${round}`, `${company}-${round}`, name);
        }
      })();
    };
    const importRuns = quick ? 3 : 3;
    figures.push(ratioFigure(`import ${scale.csvRows.toLocaleString()} CP932 rows end to end`, await time(importOnce, importRuns, 0), await time(bareImport, importRuns, 0), 5));

    // 5. The KPI report for a month over the year of calls.
    const kpi = await time(() => ok(backend, 'kpi.report', { from: '2026-10-01T00:00:00.000+09:00', to: '2026-11-01T00:00:00.000+09:00' }), quick ? 10 : 20, 2);
    figures.push({ figure: `KPI month over ${scale.calls.toLocaleString()} calls`, measured: kpi, baseline: null, ratio: null, target: 'p50 ≤ 200 ms', met: kpi.p50 <= 200 });

    backend.close();

    // 7. The UI in Chromium on the same data (needs the built app and Chromium).
    const unavailable = uiBenchUnavailable();
    if (unavailable) log(`UI figures skipped: ${unavailable}`);
    else uiFigures = await measureUi(dir, testDatabaseKey, now.toISOString());

    // 6. Memory of a backend process of its own (this one holds the generator's garbage) with the
    // full dataset open and worked: list pages, searches, next leads, a KPI month.
    const rssMb = backendRss(dir);
    const rssTiming = { runs: 1, p50: rssMb, p99: rssMb, max: rssMb };
    figures.push({ figure: 'backend memory (RSS, MB)', measured: rssTiming, baseline: null, ratio: null, target: 'RSS ≤ 200 MB', met: rssMb <= 200 });
    report(figures, uiFigures, performance.now() - started);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs this file again as `--rss DIR`: a fresh process that opens the store, works it, and prints its RSS. */
function backendRss(dir: string): number {
  const child = spawnSync(process.execPath, [process.argv[1]!, '--rss', dir], { encoding: 'utf8' });
  const mb = Number(child.stdout.trim().split('\n').at(-1));
  if (!Number.isFinite(mb)) throw new Error(`RSS probe failed: ${child.stderr}`);
  return mb;
}

async function rssProbe(dir: string) {
  const backend = createBackend({ dataDir: dir, resourcesDir: dir, mode: 'browser', databaseKey: testDatabaseKey, version: 'bench', clock: manualClock(now) });
  for (let i = 0; i < 20; i++) {
    await ok(backend, 'callList.page', { offset: i * 100, limit: 100 });
    await ok(backend, 'callList.page', { search: ['サクラ', '佐藤', '090'][i % 3], limit: 100 });
    await ok(backend, 'queue.next', {});
  }
  await ok(backend, 'kpi.report', { from: '2026-10-01T00:00:00.000+09:00', to: '2026-11-01T00:00:00.000+09:00' });
  console.log((process.memoryUsage().rss / 1024 / 1024).toFixed(1));
  backend.close();
}

function report(figures: Figure[], uiFigures: UiFigure[], totalMs: number) {
  if (json) {
    console.log(JSON.stringify({ scale: quick ? 'quick' : 'full', node: process.version, figures, uiFigures, totalMs }, null, 2));
    return;
  }
  const f = (x: number) => (x < 10 ? x.toFixed(3) : x.toFixed(1));
  console.log('');
  console.log('| figure | p50 | p99 | baseline p50 | ratio | target | met |');
  console.log('|---|---|---|---|---|---|---|');
  for (const x of figures) {
    const unit = x.figure.startsWith('backend memory') ? ' MB' : ' ms';
    console.log(
      `| ${x.figure} | ${f(x.measured.p50)}${unit} | ${f(x.measured.p99)}${unit} | ${x.baseline ? `${f(x.baseline.p50)} ms` : '—'} | ${x.ratio === null ? '—' : `${x.ratio.toFixed(2)}×`} | ${x.target} | ${x.met ? 'yes' : 'NO'} |`,
    );
  }
  if (uiFigures.length > 0) {
    console.log('\n| UI figure (Chromium) | measured | target | met |');
    console.log('|---|---|---|---|');
    for (const x of uiFigures) console.log(`| ${x.figure} | ${x.unit === 'ms' ? `${f(x.value)} ms` : `${x.value} ${x.unit}`} | ${x.target} | ${x.met ? 'yes' : 'NO'} |`);
  }
  console.log(`\n${quick ? 'Quick' : 'Full'} run, ${(totalMs / 1000).toFixed(1)} s, Node ${process.version}. Quick runs are for keeping the code alive, not for comparing.`);
}

const rssIndex = process.argv.indexOf('--rss');
if (rssIndex > 0) await rssProbe(process.argv[rssIndex + 1]!);
else await main();
