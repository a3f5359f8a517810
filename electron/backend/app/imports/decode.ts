import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { CsvEncoding } from '../../../../shared/contract/imports';
import { ImportFailure } from './failure';
import { normaliseLineBreaks } from './lineBreaks';
import { scanUtf8 } from './utf8Scan';

export interface DecodedText {
  encoding: CsvEncoding;
  text: string;
}

const utf8Bom = [0xef, 0xbb, 0xbf] as const;

/**
 * A file with at least this many valid multi-byte UTF-8 sequences per invalid byte is UTF-8 with
 * damage, not Shift_JIS: Shift_JIS Japanese is almost all invalid as UTF-8, and the few double
 * bytes that happen to be valid UTF-8 never outnumber the invalid ones by this much.
 */
const utf8PerInvalid = 4;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Japanese CSVs arrive in three shapes: Excel's "CSV UTF-8" (with a BOM), plain UTF-8 from web
 * tools and CRMs, and Excel's default "CSV" in Shift_JIS — really Microsoft's CP932, which adds
 * NEC and IBM extensions (①, 髙, 﨑) that strict Shift_JIS lacks. A UTF-8 file with a stray byte is
 * refused with where the byte is, never read as Shift_JIS (that would turn every name into
 * mojibake); a CP932 file's undecodable bytes become U+FFFD, which the import reports per row.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new ImportFailure('This file is UTF-16 ("Unicode text"); save it from Excel as "CSV UTF-8" or "CSV" and import that');
  }
  // Text never holds NUL bytes; a spreadsheet, image or UTF-16 file without a BOM does.
  if (bytes.includes(0)) throw new ImportFailure('This file is not a CSV text file');
  const bom = startsWith(bytes, utf8Bom);
  const body = bom ? bytes.subarray(utf8Bom.length) : bytes;
  const scan = scanUtf8(body);
  if (scan.invalid === 0) return { encoding: bom ? 'utf-8-bom' : 'utf-8', text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body) };
  if (bom || scan.multiByte >= scan.invalid * utf8PerInvalid) {
    const { row, column } = positionOf(body, scan.firstInvalid);
    throw new ImportFailure(
      `Row ${row}, column ${column}: a byte that is not UTF-8 (byte ${scan.firstInvalid + 1} of the file). ` +
        'The file is UTF-8 elsewhere; fix or remove that character and import again',
    );
  }
  return { encoding: 'shift_jis', text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'cp932') };
}

/** The 1-based CSV row and column (as Excel numbers them) of a byte offset, by parsing the text before it. */
function positionOf(bytes: Uint8Array, offset: number): { row: number; column: number } {
  const before = normaliseLineBreaks(new TextDecoder('utf-8').decode(bytes.subarray(0, offset)));
  const parsed = Papa.parse<string[]>(`${before}x`, { header: false, skipEmptyLines: false, newline: '\n' });
  const rows = parsed.data;
  return { row: rows.length, column: rows.at(-1)?.length ?? 1 };
}
