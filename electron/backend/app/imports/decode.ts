import iconv from 'iconv-lite';
import type { CsvEncoding } from '../../../../shared/contract/imports';
import { ImportFailure } from './failure';

export interface DecodedText {
  encoding: CsvEncoding;
  text: string;
}

const utf8Bom = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Japanese CSVs arrive in three shapes: Excel's "CSV UTF-8" (with a BOM), plain UTF-8 from web
 * tools and CRMs, and Excel's default "CSV" in Shift_JIS — really Microsoft's CP932, which adds
 * NEC and IBM extensions (①, 髙, 﨑) that strict Shift_JIS lacks. A strict UTF-8 check decides: Shift_JIS
 * text with any Japanese in it is never valid UTF-8, while pure ASCII reads the same either way.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new ImportFailure('This file is UTF-16 ("Unicode text"); save it from Excel as "CSV UTF-8" or "CSV" and import that');
  }
  // Text never holds NUL bytes; a spreadsheet, image or UTF-16 file without a BOM does.
  if (bytes.includes(0)) throw new ImportFailure('This file is not a CSV text file');
  if (startsWith(bytes, utf8Bom)) {
    const text = decodeUtf8(bytes.subarray(utf8Bom.length));
    if (text === null) throw new ImportFailure('This file is marked as UTF-8 but is not valid UTF-8');
    return { encoding: 'utf-8-bom', text };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return { encoding: 'utf-8', text: utf8 };
  return { encoding: 'shift_jis', text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932') };
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
