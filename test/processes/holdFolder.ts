// A second Koma, as a separate process: opens the backend on KOMA_DATA_DIR and says "ready", or
// prints why it could not start. Stays up until killed. Bundled by the test with esbuild.
import { createBackend } from '../../electron/backend/backend';

try {
  createBackend({
    dataDir: process.env.KOMA_DATA_DIR!,
    resourcesDir: process.env.KOMA_DATA_DIR!,
    mode: 'browser',
    version: 'hold-folder',
    databaseKey: process.env.KOMA_DATABASE_KEY ?? null,
  });
  process.stdout.write('ready\n');
  setInterval(() => undefined, 60_000);
} catch (error) {
  process.stdout.write(`refused: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
}
