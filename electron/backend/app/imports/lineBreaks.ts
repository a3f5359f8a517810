/**
 * Every line break as LF. Appending rows to an Excel export mixes CRLF with LF (and old Mac tools
 * write CR); a CSV parser picks one newline for the whole file and glues rows that use another
 * into a cell. A break inside a quoted value stays a break (as LF), so the value keeps its lines.
 */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
