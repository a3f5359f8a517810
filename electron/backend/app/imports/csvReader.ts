import Papa from 'papaparse';
import { rowReasons, type RowReason } from '../../../../shared/domain/import/reasons';
import { normaliseLineBreaks } from './lineBreaks';

/** One record of the file: its 1-based row number (the header is row 1), its cells, and a parse problem if any. */
export interface CsvRecord {
  row: number;
  values: string[];
  problem: RowReason | null;
}

export interface CsvProgress {
  /** Characters of the text read so far, to estimate the rows still to come. */
  consumed: number;
  length: number;
}

export interface ReadCsvOptions {
  /** Records handed over per batch; between batches the reader yields to the event loop. */
  batchSize?: number;
}

// Small enough that reading and checking one batch takes milliseconds: the writer thread reads the
// file between other requests (a call being logged waits for one batch at most).
export const defaultBatchSize = 500;

function problemOf(errors: readonly Papa.ParseError[]): RowReason | null {
  if (errors.some((error) => error.code === 'MissingQuotes')) return rowReasons.unclosedQuote;
  if (errors.some((error) => error.code === 'InvalidQuotes')) return rowReasons.malformedQuotes;
  return null;
}

/**
 * Excel's "sep=;" first line names the delimiter for the file (Excel writes it for some locales and
 * reads it back); it is not a header row. Returns the delimiter and where the CSV proper starts.
 */
export function excelSeparatorLine(text: string): { delimiter: string; start: number } | null {
  const match = /^sep=(.)\n/iu.exec(text);
  return match?.[1] ? { delimiter: match[1], start: match[0].length } : null;
}

/**
 * Reads CSV text record by record and hands the records over in batches, yielding to the event
 * loop between batches (setImmediate) so the backend keeps answering while a 100,000-row file is
 * read. Papa Parse does the CSV itself: quoted fields, embedded newlines, and the delimiter (comma,
 * or tab for a "text" export, or what a "sep=" line names). Line breaks are made LF first, so a
 * file that mixes CRLF, LF and CR loses no row. Empty lines are kept as records so row numbers
 * match the row numbers the user sees in Excel; callers decide what a blank record means. Line
 * breaks at the very end of the file end the last row rather than adding empty ones (Papa reads
 * the same text differently there depending on where a pause fell).
 */
export function readCsv(
  text: string,
  onBatch: (records: CsvRecord[], progress: CsvProgress) => void,
  options: ReadCsvOptions = {},
): Promise<void> {
  const batchSize = options.batchSize ?? defaultBatchSize;
  const normalised = normaliseLineBreaks(text);
  const separator = excelSeparatorLine(normalised);
  const csv = withoutTrailingLineBreaks(separator ? normalised.slice(separator.start) : normalised);
  return new Promise((resolve, reject) => {
    let batch: CsvRecord[] = [];
    // The sep= line is row 1 in Excel, so the header is row 2 there.
    let nextRow = separator ? 2 : 1;
    // Papa restarts its cursor at every resume; the characters consumed before the pause are here.
    let consumedBeforeResume = 0;
    let failed = false;

    const deliver = (consumed: number): boolean => {
      try {
        onBatch(batch, { consumed, length: csv.length });
        batch = [];
        return true;
      } catch (error) {
        failed = true;
        reject(error instanceof Error ? error : new Error(String(error)));
        return false;
      }
    };

    Papa.parse<string[]>(csv, {
      header: false,
      skipEmptyLines: false,
      newline: '\n',
      ...(separator ? { delimiter: separator.delimiter } : { delimitersToGuess: [',', '\t', ';'] }),
      step: (result, parser) => {
        if (failed) return;
        batch.push({ row: nextRow++, values: result.data, problem: problemOf(result.errors) });
        if (batch.length < batchSize) return;
        const consumed = consumedBeforeResume + result.meta.cursor;
        if (!deliver(consumed)) {
          parser.abort();
          return;
        }
        consumedBeforeResume = consumed;
        parser.pause();
        setImmediate(() => parser.resume());
      },
      complete: () => {
        if (failed) return;
        if (deliver(csv.length)) resolve();
      },
    });
  });
}

function withoutTrailingLineBreaks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return text.slice(0, end);
}
