// The process the crash test kills: Koma's real backend on a prepared data folder, draining the
// outbox to the fake Salesforce with the real clock, one pass after another, until nothing is left.
// Bundled by the test with esbuild (packages external, resolved through NODE_PATH) and run by node.
// Env: KOMA_DATA_DIR (the prepared folder), KOMA_RESOURCES_DIR, KOMA_DATABASE_KEY (the store's key, if encrypted).
import { createBackend } from '../../electron/backend/backend';

async function main(): Promise<void> {
  const dataDir = process.env.KOMA_DATA_DIR;
  if (!dataDir) throw new Error('KOMA_DATA_DIR is required');
  const backend = createBackend({
    dataDir,
    resourcesDir: process.env.KOMA_RESOURCES_DIR ?? dataDir,
    mode: 'browser',
    version: 'crash-test',
    databaseKey: process.env.KOMA_DATABASE_KEY ?? null,
    sync: {
      requestTimeoutMs: 1_000,
      // Short waits: the test kills and restarts this many times and should not sit in backoff.
      itemBackoff: { baseMs: 5, capMs: 50 },
      probeBackoff: { baseMs: 5, capMs: 50 },
    },
  });
  const db = backend.context.db;
  const left = () => db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE state <> 'done'").get()!.n;
  for (;;) {
    const outcome = await backend.sync.engine.runOnce({ pull: 'skip' });
    const remaining = left();
    process.stdout.write(`pass ${outcome} ${remaining}\n`);
    if (remaining === 0) break;
    // Signed out or unconfigured: no pass can make progress, and the test must not wait forever.
    if (outcome === 'not_ready' || outcome === 'no_connector') throw new Error(`cannot sync: ${outcome}`);
    if (outcome !== 'sent') await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await backend.stopSync();
  backend.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('sync worker failed:', error);
    process.exit(1);
  },
);
