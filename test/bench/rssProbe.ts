// The backend's memory after a worked session, read in a process that holds only what the backend
// process holds (the transport side of startThreadedBackend and its store threads), not the bench
// with its generator, Playwright and the in-process backend. Bundled by scripts/bench.mjs to
// dist/bench/rss-probe.mjs; `node dist/bench/rss-probe.mjs DIR [READERS]` prints the RSS in MB.
import { fileURLToPath } from 'node:url';
import { startThreadedBackend } from '../../electron/backend/threads/storeThreads';
import { manualClock } from '../../shared/domain/clock';
import { testDatabaseKey } from '../helpers/testKey';
import { benchMonth, benchNow } from './clock';

const [dir, readers] = process.argv.slice(2);
const clock = manualClock(benchNow);
const backend = await startThreadedBackend({
  workerScript: fileURLToPath(new URL('./store-worker.cjs', import.meta.url)),
  dataDir: dir!,
  resourcesDir: dir!,
  version: 'bench',
  mode: 'browser',
  databaseKey: testDatabaseKey,
  testClock: clock,
  ...(readers ? { readers: Number(readers) } : {}),
  logError: (what, error) => console.error(`[bench] ${what}`, error),
});
await backend.readersReady;
async function ok<T>(command: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(command, input);
  if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
  return result.value as T;
}
// First, as the daily backup comes soon after start: its thread stops once the copy is made.
await ok('backup.create', {});
for (let i = 0; i < 20; i++) {
  await ok('callList.page', { offset: i * 100, limit: 100 });
  await ok('callList.page', { search: ['サクラ', '佐藤', '090'][i % 3], limit: 100 });
  const { leadId } = await ok<{ leadId: string }>('queue.next', {});
  await ok('lead.get', { leadId });
  clock.advance(60_000);
  await ok('calls.logAndNext', { call: { leadId, startedAt: new Date(clock.now().getTime() - 60_000).toISOString(), endedAt: clock.now().toISOString(), outcome: 'no_answer' } });
}
await ok('kpi.report', benchMonth);
await ok('kpi.goal', {});
console.log((process.memoryUsage().rss / 1024 / 1024).toFixed(1));
await backend.close();
