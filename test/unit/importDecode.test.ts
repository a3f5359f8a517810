import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, decodeCsvBytesInSlices } from '../../electron/backend/app/imports/decode';
import { ImportFailure } from '../../electron/backend/app/imports/failure';

const text = '会社名,氏名\r\n株式会社髙橋﨑製作所,山﨑 ①\r\n';
const utf8 = Buffer.from(text, 'utf-8');

describe('decodeCsvBytes', () => {
  it.each<[string, Uint8Array, string, string]>([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'utf-8-bom', text],
    ['UTF-8', utf8, 'utf-8', text],
    ['CP932 as Japanese Excel writes it, with its NEC/IBM extensions', iconv.encode(text, 'cp932'), 'shift_jis', text],
    ['plain ASCII', Buffer.from('Company,Name\n'), 'utf-8', 'Company,Name\n'],
    ['an empty file', new Uint8Array(0), 'utf-8', ''],
    ['a BOM only', Buffer.from([0xef, 0xbb, 0xbf]), 'utf-8-bom', ''],
  ])('%s', (_name, bytes, encoding, decoded) => {
    expect(decodeCsvBytes(bytes)).toEqual({ encoding, text: decoded });
  });

  it('does not mistake Shift_JIS whose bytes look like UTF-8 lead bytes for UTF-8', () => {
    // "ｱｲｳ" in Shift_JIS is 0xB1 0xB2 0xB3: continuation bytes with no lead byte, invalid UTF-8.
    expect(decodeCsvBytes(iconv.encode('ｱｲｳ,x', 'cp932'))).toEqual({ encoding: 'shift_jis', text: 'ｱｲｳ,x' });
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), /UTF-16/],
    ['UTF-16 without a BOM', Buffer.from(text, 'utf16le'), /not a CSV text file/],
    ['a BOM followed by invalid UTF-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'cp932')]), /Row 1, column 1: a byte that is not UTF-8/],
  ])('refuses %s with a clear message', (_name, bytes, message) => {
    expect(() => decodeCsvBytes(bytes)).toThrow(ImportFailure);
    expect(() => decodeCsvBytes(bytes)).toThrow(message);
  });
});

describe('decodeCsvBytesInSlices', () => {
  // Over a megabyte of two- and three-byte characters: slice edges (every 256 KB) fall inside characters.
  const text = Array.from({ length: 40_000 }, (_, i) => `株式会社髙﨑${i},ｱｲｳ①,山田 太郎\r\n`).join('');
  it.each([
    ['shift_jis', iconv.encode(text, 'cp932')],
    ['utf-8', Buffer.from(text, 'utf8')],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
  ] as const)('decodes %s a slice at a time exactly as in one go', async (encoding, bytes) => {
    let pauses = 0;
    const decoded = await decodeCsvBytesInSlices(bytes, async () => void pauses++);
    expect(decoded).toEqual(decodeCsvBytes(bytes));
    expect(decoded).toEqual({ encoding, text });
    expect(pauses).toBeGreaterThan(4);
  });
});
