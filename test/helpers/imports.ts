import { importFields, type ImportField, type ImportJob } from '../../shared/contract/imports';
import { nextTurn, type TempBackend } from './tempBackend';

/** Imports need only the dispatcher: a temp backend, or a sync harness. */
type Caller = Pick<TempBackend, 'call'>;

/** Enough turns of the event loop for any test-sized import; a stuck job fails the test instead of hanging it. */
const maxPolls = 100_000;

/** Polls 'import.status' until the job is done or failed, yielding to the event loop between polls. */
export async function waitForImport(temp: Caller, job: ImportJob): Promise<ImportJob> {
  let current = job;
  for (let polls = 0; polls < maxPolls; polls++) {
    if (current.phase === 'done' || current.phase === 'failed') return current;
    await nextTurn();
    current = await temp.call('import.status', { jobId: job.jobId });
  }
  throw new Error(`Import job ${job.jobId} did not finish; last seen ${JSON.stringify(current)}`);
}

export function base64Of(content: string | Uint8Array): string {
  return Buffer.from(content).toString('base64');
}

/** A complete mapping (every field present, unmapped ones null), from the fields given. */
export function mappingOf(columns: Partial<Record<ImportField, number>>): Record<ImportField, number | null> {
  return Object.fromEntries(importFields.map((field) => [field, columns[field] ?? null])) as Record<ImportField, number | null>;
}

/**
 * Imports a file the way the UI does — preview, then start with the proposed mapping (or the one
 * given) — and waits for the job to finish.
 */
export async function importCsv(
  temp: Caller,
  fileName: string,
  content: string | Uint8Array,
  mapping?: Record<ImportField, number | null>,
): Promise<ImportJob> {
  const contentBase64 = base64Of(content);
  const chosen = mapping ?? (await temp.call('import.preview', { fileName, contentBase64 })).mapping;
  const job = await temp.call('import.start', { fileName, contentBase64, mapping: chosen });
  return waitForImport(temp, job);
}

/** Imports the bundled sample call list and waits for it: a quick way to seed a store with leads. */
export async function importSample(temp: Caller): Promise<ImportJob> {
  return waitForImport(temp, await temp.call('import.startSample', {}));
}
