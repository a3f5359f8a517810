import { isBlankRow } from '../../../../shared/domain/import/validateRow';
import { readCsv, type CsvRecord, type ReadCsvOptions } from './csvReader';
import { ImportFailure } from './failure';

export interface TableProgress {
  /** Data rows read so far. */
  rows: number;
  /** Data rows in the whole file: an estimate from the characters read until the end, then exact. */
  total: number;
}

export interface TableCallbacks {
  /** Called once, before any row, with the header row's cells (trimmed). May throw to stop the read. */
  onHeader(headers: string[]): void;
  /** Non-blank data rows, in batches. */
  onRows(rows: CsvRecord[], progress: TableProgress): void;
}

/**
 * A CSV as a table: the first non-blank record is the header, every later non-blank record a data
 * row (Excel's ",,,," lines for empty formatted rows are skipped, not reported). Returns the data
 * row count; a file without a header is refused.
 */
export async function readTable(text: string, callbacks: TableCallbacks, options: ReadCsvOptions = {}): Promise<number> {
  let headerSeen = false;
  let rows = 0;
  await readCsv(
    text,
    (records, progress) => {
      const dataRows: CsvRecord[] = [];
      for (const record of records) {
        if (isBlankRow(record.values)) continue;
        if (!headerSeen) {
          if (record.problem) throw new ImportFailure(`The header row is malformed: ${record.problem}`);
          headerSeen = true;
          callbacks.onHeader(record.values.map((header) => header.trim()));
          continue;
        }
        dataRows.push(record);
      }
      rows += dataRows.length;
      const done = progress.consumed >= progress.length;
      const estimate = progress.consumed > 0 ? Math.round((rows * progress.length) / progress.consumed) : rows;
      callbacks.onRows(dataRows, { rows, total: done ? rows : Math.max(rows, estimate) });
    },
    options,
  );
  if (!headerSeen) throw new ImportFailure('The file is empty: there is no header row');
  return rows;
}
