import Papa from 'papaparse';

// Spreadsheet apps evaluate cells that start like a formula (CSV injection); tab and CR too.
const formulaStart = /^[=+\-@\t\r]/;

/** Makes a cell inert in Excel / Sheets by prefixing a single quote when it would start a formula. */
export function neutraliseFormula(cell: string): string {
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

/**
 * A CSV that opens safely in Excel: every cell neutralised, CRLF line ends, and a UTF-8 BOM so
 * Japanese Excel reads it as UTF-8 rather than Shift_JIS.
 */
export function toSafeCsv(table: readonly (readonly string[])[], { bom = true } = {}): string {
  const body = Papa.unparse(table.map((cells) => cells.map(neutraliseFormula)), { newline: '\r\n', quotes: false });
  return bom ? `\uFEFF${body}` : body;
}
