import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoResourcesDir } from '../helpers/tempBackend';
import { testDatabaseKey } from '../helpers/testKey';
import { expectExactlyOnce } from '../fakes/exactlyOnce';
import { startFakeSalesforce, type FakeSalesforce } from '../fakes/fakeSalesforce';
import { addFieldRep, handOff, logCall, seedSyncLeads } from '../fakes/repActions';
import { createSyncHarness, type SyncHarness } from '../fakes/syncHarness';

/**
 * Kills the process running the sync engine with SIGKILL at random points — mostly while a
 * request is in flight, so that Salesforce has stored records whose confirmation the process never
 * records — restarts it each time, and finally lets it drain. Everything must arrive exactly once
 * and the store must pass SQLite's integrity check. KOMA_CRASH_KILLS=200 runs it harder locally.
 */
const kills = Number(process.env.KOMA_CRASH_KILLS ?? 10);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let workDir: string;
let worker: string;
let fake: FakeSalesforce;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'koma-crash-'));
  worker = join(workDir, 'syncWorker.cjs');
  await build({
    entryPoints: [join(repoRoot, 'test/crash/syncWorker.ts')],
    outfile: worker,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  fake = await startFakeSalesforce({ latencyMs: { min: 2, max: 25 } });
}, 60_000);

afterAll(async () => {
  await fake?.close();
  rmSync(workDir, { recursive: true, force: true });
});

function spawnWorker(dataDir: string): { child: ChildProcess; exited: Promise<number | null>; passes: () => number } {
  const child = spawn(process.execPath, [worker], {
    env: { ...process.env, KOMA_DATA_DIR: dataDir, KOMA_RESOURCES_DIR: repoResourcesDir, KOMA_DATABASE_KEY: testDatabaseKey, NODE_PATH: join(repoRoot, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let passes = 0;
  let errors = '';
  child.stdout!.on('data', (chunk: Buffer) => (passes += chunk.toString().split('\n').filter((l) => l.startsWith('pass ')).length));
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== null && code !== 0) console.error(errors);
      resolve(code);
    }),
  );
  return { child, exited, passes: () => passes };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return false;
}

it(`survives ${kills} SIGKILLs mid-sync with everything in Salesforce exactly once`, async () => {
  const started = Date.now();
  const dataDir = join(workDir, 'data');
  let h: SyncHarness = await createSyncHarness({ fake, dataDir });
  seedSyncLeads(h, 120);
  const rep = await addFieldRep(h);
  await h.signIn();
  for (let i = 0; i < 120; i++) {
    await logCall(h, `lead-${String(i).padStart(4, '0')}`, i % 3 === 0 ? 'connected' : 'no_answer', `メモ ${i}`);
    if (i % 4 === 0) await logCall(h, `lead-${String(i).padStart(4, '0')}`, 'busy', `再架電 ${i}`);
    if (i % 10 === 5) await h.call('lead.exclude', { leadId: `lead-${String(i).padStart(4, '0')}`, reason: 'competitor' });
    if (i % 6 === 2) await handOff(h, `lead-${String(i).padStart(4, '0')}`, rep, `要約 ${i}`);
  }
  const queued = h.outbox().length;
  await h.close({ keepData: true, keepFake: true });

  let killed = 0;
  let passes = 0;
  for (let k = 0; k < kills; k++) {
    // Faults make the worker retry, widening the windows a kill can land in.
    fake.addFaults({ kind: k % 2 === 0 ? 'dropAfterStore' : 'status503', count: 1 }, { kind: 'lockRow', count: 1 });
    const before = fake.stats().apiRequests;
    const run = spawnWorker(dataDir);
    const target = before + 1 + Math.floor(Math.random() * 3);
    const exitedEarly = await Promise.race([run.exited.then(() => true), until(() => fake.stats().apiRequests >= target, 20_000).then(() => false)]);
    if (!exitedEarly) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
      run.child.kill('SIGKILL');
      killed++;
    }
    await run.exited;
    passes += run.passes();
  }
  fake.clearFaults();
  const last = spawnWorker(dataDir);
  expect(await last.exited).toBe(0);
  passes += last.passes();

  h = await createSyncHarness({ fake, dataDir, configure: false, idPrefix: 'verify' });
  try {
    expect(h.backend.context.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expectExactlyOnce(h);
    const stats = fake.stats();
    console.log(
      `sync crash test: ${killed} kills, ${passes} passes, ${queued} outbox rows, ${stats.apiRequests} API requests, ${stats.faultsApplied} faults; ` +
        `records: ${['Lead', 'Task', 'Account', 'Contact', 'Opportunity'].map((t) => `${t} ${fake.records(t).length}`).join(', ')}; ${Date.now() - started} ms`,
    );
    expect(killed).toBeGreaterThan(0);
  } finally {
    await h.close({ keepFake: true });
  }
}, 300_000);
