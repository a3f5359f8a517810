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
  const { encoding, body } = detectEncoding(bytes);
  if (encoding === 'shift_jis') return { encoding, text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'cp932') };
  return { encoding, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body) };
}

/** Bytes decoded per slice by decodeCsvBytesInSlices: a few milliseconds of work each. */
const decodeSlice = 256 * 1024;

/**
 * decodeCsvBytes for the import job: the same answer, decoded a slice at a time with `pause()`
 * between slices, so a 10 MB file does not hold the writer thread for a second (a call logged
 * meanwhile waits for one slice). Both decoders carry a character split between two slices over.
 */
export async function decodeCsvBytesInSlices(bytes: Uint8Array, pause: () => Promise<void>): Promise<DecodedText> {
  const { encoding, body } = detectEncoding(bytes);
  await pause();
  const parts: string[] = [];
  if (encoding === 'shift_jis') {
    const decoder = iconv.getDecoder('cp932');
    for (let at = 0; at < body.length; at += decodeSlice) {
      parts.push(decoder.write(Buffer.from(body.buffer, body.byteOffset + at, Math.min(decodeSlice, body.length - at))));
      await pause();
    }
    parts.push(decoder.end() ?? '');
  } else {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    for (let at = 0; at < body.length; at += decodeSlice) {
      parts.push(decoder.decode(body.subarray(at, at + decodeSlice), { stream: true }));
      await pause();
    }
    parts.push(decoder.decode());
  }
  return { encoding, text: parts.join('') };
}

/** The file's encoding (or why it cannot be imported) and its bytes after any BOM. */
function detectEncoding(bytes: Uint8Array): { encoding: CsvEncoding; body: Uint8Array } {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new ImportFailure('This file is UTF-16 ("Unicode text"); save it from Excel as "CSV UTF-8" or "CSV" and import that');
  }
  // Text never holds NUL bytes; a spreadsheet, image or UTF-16 file without a BOM does.
  if (bytes.includes(0)) throw new ImportFailure('This file is not a CSV text file');
  const bom = startsWith(bytes, utf8Bom);
  const body = bom ? bytes.subarray(utf8Bom.length) : bytes;
  const scan = scanUtf8(body);
  if (scan.invalid === 0) return { encoding: bom ? 'utf-8-bom' : 'utf-8', body };
  if (bom || scan.multiByte >= scan.invalid * utf8PerInvalid) {
    const { row, column } = positionOf(body, scan.firstInvalid);
    throw new ImportFailure(
      `Row ${row}, column ${column}: a byte that is not UTF-8 (byte ${scan.firstInvalid + 1} of the file). ` +
        'The file is UTF-8 elsewhere; fix or remove that character and import again',
    );
  }
  return { encoding: 'shift_jis', body };
}

/** The 1-based CSV row and column (as Excel numbers them) of a byte offset, by parsing the text before it. */
function positionOf(bytes: Uint8Array, offset: number): { row: number; column: number } {
  const before = normaliseLineBreaks(new TextDecoder('utf-8').decode(bytes.subarray(0, offset)));
  const parsed = Papa.parse<string[]>(`${before}x`, { header: false, skipEmptyLines: false, newline: '\n' });
  const rows = parsed.data;
  return { row: rows.length, column: rows.at(-1)?.length ?? 1 };
}
