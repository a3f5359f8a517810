import Papa from 'papaparse';
import type { InvalidRow } from '../../../shared/contract/imports';

export interface ReportLabels {
  row: string;
  reasons: string;
  /** Header for a column the file had no name for, given its 1-based number. */
  column: (number: number) => string;
}

// Spreadsheet apps evaluate cells that start like a formula (CSV injection); tab and CR too.
const formulaStart = /^[=+\-@\t\r]/;

/** Makes a cell inert in Excel / Sheets by prefixing a single quote when it would start a formula. */
export function neutraliseFormula(cell: string): string {
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

/** The invalid-rows report: row number, reasons, then the row's original values under the file's headers. */
export function invalidRowsCsv(rows: readonly InvalidRow[], headers: readonly string[], labels: ReportLabels): string {
  const width = Math.max(headers.length, ...rows.map((r) => r.values.length));
  const valueHeaders = Array.from({ length: width }, (_, i) => headers[i] || labels.column(i + 1));
  const data = rows.map((r) => [
    String(r.row),
    r.reasons.join('; '),
    ...Array.from({ length: width }, (_, i) => r.values[i] ?? ''),
  ]);
  const table = [[labels.row, labels.reasons, ...valueHeaders], ...data].map((cells) => cells.map(neutraliseFormula));
  // CRLF: what spreadsheet apps on Windows expect.
  return Papa.unparse(table, { newline: '\r\n', quotes: false });
}

/** `leads.csv` → `leads-import-errors.csv`: the report sits next to the file it describes. */
export function reportFileName(importedFileName: string, suffix: string): string {
  const base = importedFileName.replace(/\.[^./\\]*$/, '') || 'import';
  return `${base}-${suffix}.csv`;
}
