import { invalidRowsInResult, type ColumnMapping, type ImportJob, type ImportResult, type InvalidRow } from '../../../../shared/contract/imports';
import { autoMapHeaders } from '../../../../shared/domain/import/headerMapping';
import { mappingProblem } from '../../../../shared/domain/import/mappingCheck';
import { rowReasons } from '../../../../shared/domain/import/reasons';
import { cellsOf, validateRow, type ImportedLead } from '../../../../shared/domain/import/validateRow';
import type { BackendContext } from '../../core/context';
import { classifyStoreError, storeFaultMessages } from '../../db/errors';
import { decodeCsvBytesInSlices } from './decode';
import { ImportFailure } from './failure';
import { importJobs, type ImportJobRegistry } from './jobs';
import { readTable } from './table';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import { writeImport } from './writer';

export interface ImportSource {
  fileName: string;
  /** The file's bytes; read inside the job so a slow disk never holds up the answer to 'start'. */
  load(): Promise<Uint8Array>;
}

/** The user's confirmed mapping, or 'auto' to use the header auto-mapping (the sample). */
export type MappingChoice = ColumnMapping | 'auto';

export interface ImportOptions {
  /** Rows read between yields to the event loop. */
  batchSize?: number;
  /** Rows written per transaction (writer.ts's default when unset). */
  chunkRows?: number;
  /** Where an unexpected error's details go; the job itself only says that it failed. */
  logError?: (error: unknown) => void;
}

/** Starts an import job and returns it at once, in phase 'decoding'; poll it by id. */
export function startImport(ctx: BackendContext, source: ImportSource, mapping: MappingChoice, options: ImportOptions = {}): ImportJob {
  const jobs = importJobs(ctx.db);
  const job = jobs.add({ jobId: ctx.ids.next(), phase: 'decoding', processed: 0, total: 0 });
  setImmediate(() => void runJob(ctx, jobs, job.jobId, source, mapping, options));
  return job;
}

async function runJob(
  ctx: BackendContext,
  jobs: ImportJobRegistry,
  jobId: string,
  source: ImportSource,
  choice: MappingChoice,
  options: ImportOptions,
): Promise<void> {
  try {
    const { encoding, text } = await decodeCsvBytesInSlices(await source.load(), () => new Promise<void>((resolve) => setImmediate(resolve)));
    jobs.update(jobId, { phase: 'parsing' });

    const leads: ImportedLead[] = [];
    const invalid: InvalidRow[] = [];
    const warnings: ImportResult['warnings'] = [];
    let mapping: ColumnMapping = {};
    const { dataRows: totalRows, blankRows } = await readTable(
      text,
      {
        onHeader(headers) {
          mapping = choice === 'auto' ? autoMapHeaders(headers) : choice;
          const problem = mappingProblem(mapping, headers.length);
          if (problem) throw new ImportFailure(problem);
        },
        onRows(rows, progress) {
          for (const { row, values, problem } of rows) {
            const check = problem ? { ok: false as const, reasons: [problem] } : validateRow(cellsOf(values, mapping));
            if (check.ok) leads.push(check.lead);
            else invalid.push({ row, reasons: check.reasons, values: values.map(reportCell) });
            if (check.ok && encoding === 'shift_jis' && warnings.length < invalidRowsInResult) warnings.push(...replacementWarnings(row, values));
          }
          jobs.update(jobId, { processed: progress.rows, total: progress.total });
        },
      },
      options.batchSize === undefined ? {} : { batchSize: options.batchSize },
    );
    if (totalRows - blankRows === 0) throw new ImportFailure('The file has a header row but no data rows');

    // Written in chunks, each its own transaction, with the writer free between them (chunks.ts):
    // a call logged meanwhile waits for one chunk at most, and the rep still gets all or nothing.
    jobs.update(jobId, { phase: 'writing', processed: 0, total: leads.length });
    const importId = ctx.ids.next();
    const counts = await writeImport(
      ctx.db,
      {
        importId,
        fileName: source.fileName,
        encoding,
        totalRows,
        skipped: blankRows,
        leads,
        invalid,
        now: ctx.clock.now().toISOString(),
        ids: ctx.ids,
        scoringRules: readSetting(ctx.db, settingSpecs.scoringRules),
      },
      {
        ...(options.chunkRows === undefined ? {} : { rows: options.chunkRows }),
        onProgress: (written) => jobs.update(jobId, { processed: written }),
        queueRules: readSetting(ctx.db, settingSpecs.queueRules),
        now: () => ctx.clock.now(),
      },
    );
    jobs.update(jobId, {
      phase: 'done',
      processed: totalRows,
      total: totalRows,
      result: {
        importId,
        fileName: source.fileName,
        encoding,
        totalRows,
        ...counts,
        skipped: blankRows,
        invalidCount: invalid.length,
        invalid: invalid.slice(0, invalidRowsInResult),
        warnings: warnings.slice(0, invalidRowsInResult),
      },
    });
  } catch (error) {
    jobs.update(jobId, { phase: 'failed', error: failureMessage(error, options.logError) });
  }
}

function failureMessage(error: unknown, logError: ImportOptions['logError']): string {
  if (error instanceof ImportFailure) return error.message;
  (logError ?? ((e: unknown) => console.error('[koma] import failed', e)))(error);
  const fault = classifyStoreError(error);
  if (fault) return `Nothing was imported: ${storeFaultMessages[fault]}`;
  return "Koma could not finish the import; nothing was imported. The details are in Koma's log.";
}

/** A cell as kept in the invalid-rows report: cut, so a broken file's megabyte cell is not copied around. */
const reportCellLength = 1_000;
function reportCell(value: string): string {
  return value.length > reportCellLength ? `${value.slice(0, reportCellLength)}…` : value;
}

/**
 * CP932 bytes that map to no character become U+FFFD when decoded: the row is imported, and the
 * result says where, so the rep can fix those characters (often a vendor-specific glyph).
 */
function replacementWarnings(row: number, values: readonly string[]): ImportResult['warnings'] {
  return values.flatMap((value, index) =>
    value.includes('\uFFFD') ? [{ row, column: index + 1, message: rowReasons.replacementCharacter }] : [],
  );
}
