import { rowReasons } from '../../../../shared/domain/import/reasons';
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

export interface TableCounts {
  /** Every record after the header, blank ones included: the rows the import must account for. */
  dataRows: number;
  /** Blank records (Excel's ",,,," lines for empty formatted rows): counted as skipped. */
  blankRows: number;
}

/**
 * A CSV as a table: the first non-blank record is the header, every later non-blank record a data
 * row, handed over with a problem when it has more non-empty cells than the header has columns
 * (an unquoted comma shifted its values: importing it would put them in the wrong fields). Blank
 * records are counted, not handed over. A file without a header is refused.
 */
export async function readTable(text: string, callbacks: TableCallbacks, options: ReadCsvOptions = {}): Promise<TableCounts> {
  let headerSeen = false;
  let headerWidth = 0;
  let rows = 0;
  let blankRows = 0;
  await readCsv(
    text,
    (records, progress) => {
      const dataRows: CsvRecord[] = [];
      for (const record of records) {
        if (isBlankRow(record.values)) {
          if (headerSeen) blankRows++;
          continue;
        }
        if (!headerSeen) {
          if (record.problem) throw new ImportFailure(`The header row is malformed: ${record.problem}`);
          headerSeen = true;
          headerWidth = record.values.length;
          callbacks.onHeader(record.values.map((header) => header.trim()));
          continue;
        }
        dataRows.push(record.problem || !hasExtraCells(record.values, headerWidth) ? record : { ...record, problem: rowReasons.tooManyCells });
      }
      rows += dataRows.length;
      const done = progress.consumed >= progress.length;
      const estimate = progress.consumed > 0 ? Math.round((rows * progress.length) / progress.consumed) : rows;
      callbacks.onRows(dataRows, { rows, total: done ? rows : Math.max(rows, estimate) });
    },
    options,
  );
  if (!headerSeen) throw new ImportFailure('The file is empty: there is no header row');
  return { dataRows: rows + blankRows, blankRows };
}

function hasExtraCells(values: readonly string[], headerWidth: number): boolean {
  return values.slice(headerWidth).some((value) => value.trim().length > 0);
}
