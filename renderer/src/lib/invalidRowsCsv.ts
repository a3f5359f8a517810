import { toSafeCsv } from '../../../shared/domain/csvCells';
import type { InvalidRow } from '../../../shared/contract/imports';

export interface ReportLabels {
  row: string;
  reasons: string;
  /** Header for a column the file had no name for, given its 1-based number. */
  column: (number: number) => string;
  /** A backend reason in the report's language. */
  reason?: (reason: string) => string;
  /** Between a row's reasons: 「、」 in Japanese. */
  separator?: string;
}

export { neutraliseFormula } from '../../../shared/domain/csvCells';

/** The invalid-rows report: row number, reasons, then the row's original values under the file's headers. */
export function invalidRowsCsv(rows: readonly InvalidRow[], headers: readonly string[], labels: ReportLabels): string {
  const width = Math.max(headers.length, ...rows.map((r) => r.values.length));
  const valueHeaders = Array.from({ length: width }, (_, i) => headers[i] || labels.column(i + 1));
  const data = rows.map((r) => [
    String(r.row),
    r.reasons.map((reason) => labels.reason?.(reason) ?? reason).join(labels.separator ?? '; '),
    ...Array.from({ length: width }, (_, i) => r.values[i] ?? ''),
  ]);
  // The BOM is added when the file is saved (saveFile.ts).
  return toSafeCsv([[labels.row, labels.reasons, ...valueHeaders], ...data], { bom: false });
}

/** `leads.csv` → `leads-import-errors.csv`: the report sits next to the file it describes. */
export function reportFileName(importedFileName: string, suffix: string): string {
  const base = importedFileName.replace(/\.[^./\\]*$/, '') || 'import';
  return `${base}-${suffix}.csv`;
}
