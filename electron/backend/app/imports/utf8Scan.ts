/** What a strict walk over the bytes found: valid multi-byte UTF-8 sequences and the first invalid byte. */
export interface Utf8Scan {
  /** Valid sequences of two to four bytes: Japanese text in UTF-8 is made of them. */
  multiByte: number;
  /** Bytes that cannot be UTF-8 where they stand. */
  invalid: number;
  /** Offset of the first invalid byte, or -1. */
  firstInvalid: number;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Walks the bytes by the rules of RFC 3629 (no overlong forms, no surrogates, nothing past
 * U+10FFFF), counting instead of stopping, so the decoder can tell "UTF-8 with a stray byte" (many
 * valid sequences, one bad byte) from "Shift_JIS" (mostly invalid as UTF-8).
 */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { multiByte: 0, invalid: 0, firstInvalid: -1 };
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    if (length > 0 && isValidSequence(bytes, i, length)) {
      scan.multiByte++;
      i += length;
      continue;
    }
    if (scan.firstInvalid < 0) scan.firstInvalid = i;
    scan.invalid++;
    i++;
  }
  return scan;
}

function isValidSequence(bytes: Uint8Array, start: number, length: number): boolean {
  if (start + length > bytes.length) return false;
  const lead = bytes[start] ?? 0;
  const second = bytes[start + 1] ?? 0;
  // The second byte's range is narrower after E0, ED, F0 and F4 (RFC 3629 section 4).
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  if (second < low || second > high) return false;
  for (let k = 2; k < length; k++) {
    const byte = bytes[start + k] ?? 0;
    if (byte < 0x80 || byte > 0xbf) return false;
  }
  return true;
}
