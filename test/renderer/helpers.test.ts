import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../renderer/src/lib/base64';
import { invalidRowsCsv, neutraliseFormula, reportFileName } from '../../renderer/src/lib/invalidRowsCsv';
import { capPages, cursorFor, pageKey, pageOffsetsFor, rowAt } from '../../renderer/src/lib/pageCache';
import { leadKey, leadRow } from './fakeApi';

function referenceBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

describe('bytesToBase64', () => {
  // Sizes around the chunk boundary (3 × 8192) and padding cases.
  it.each([0, 1, 2, 3, 24_575, 24_576, 24_577, 49_153, 100_000])('encodes %i bytes like btoa', (size) => {
    const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 131 + 7) % 256);
    expect(bytesToBase64(bytes)).toBe(referenceBase64(bytes));
  });

  it('encodes several megabytes without overflowing the stack', () => {
    const bytes = new Uint8Array(3 * 1024 * 1024).fill(0xe3);
    expect(bytesToBase64(bytes)).toHaveLength(4 * 1024 * 1024);
  });
});

describe('neutraliseFormula', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+81 3 1234', "'+81 3 1234"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['株式会社コマ', '株式会社コマ'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });
});

describe('invalidRowsCsv', () => {
  const labels = { row: 'Row', reasons: 'Reasons', column: (n: number) => `Column ${n}` };

  it('writes row, reasons and the original values, quoting what CSV needs quoted', () => {
    const csv = invalidRowsCsv(
      [{ row: 2, reasons: ['bad phone', 'no company'], values: ['Koma, Inc.', 'say "hi"', '=1+1'] }],
      ['Company', 'Memo'],
      labels,
    );
    expect(Papa.parse<string[]>(csv).data).toEqual([
      ['Row', 'Reasons', 'Company', 'Memo', 'Column 3'],
      ['2', 'bad phone; no company', 'Koma, Inc.', 'say "hi"', "'=1+1"],
    ]);
  });

  it('pads short rows so every line has the same columns', () => {
    const csv = invalidRowsCsv([{ row: 5, reasons: ['empty'], values: [] }], ['A', 'B'], labels);
    expect(Papa.parse<string[]>(csv).data).toEqual([
      ['Row', 'Reasons', 'A', 'B'],
      ['5', 'empty', '', ''],
    ]);
  });
});

describe('reportFileName', () => {
  it.each([
    ['leads.csv', 'leads-errors.csv'],
    ['2024.06 展示会.CSV', '2024.06 展示会-errors.csv'],
    ['noext', 'noext-errors.csv'],
    ['.csv', 'import-errors.csv'],
  ])('%s → %s', (name, expected) => {
    expect(reportFileName(name, 'errors')).toBe(expected);
  });
});

describe('the page cache', () => {
  it.each([
    { first: 0, last: 29, total: 10_000, expected: [0] },
    { first: 95, last: 130, total: 10_000, expected: [0, 100] },
    { first: 9_990, last: 10_020, total: 10_000, expected: [9_900] },
    { first: 0, last: -1, total: 10_000, expected: [] },
    { first: 0, last: 30, total: 0, expected: [] },
  ])('rows $first..$last of $total need pages $expected', ({ first, last, total, expected }) => {
    expect(pageOffsetsFor(first, last, total, 100)).toEqual(expected);
  });

  it('finds a row only in the page of the same search', () => {
    const pages = { [pageKey('koma', 100)]: [leadRow(100), leadRow(101)] };
    expect(rowAt(pages, 'koma', 101, 100)?.id).toBe('lead-101');
    expect(rowAt(pages, '', 101, 100)).toBeUndefined();
    expect(rowAt(pages, 'koma', 5, 100)).toBeUndefined();
  });

  const bounds = {
    [pageKey('', 100)]: { first: leadKey(100), last: leadKey(199) },
    [pageKey('', 400)]: { first: leadKey(400), last: leadKey(499) },
  };
  it.each([
    { offset: 0, expected: undefined },
    { offset: 200, expected: { kind: 'after', key: leadKey(199) } },
    { offset: 300, expected: { kind: 'before', key: leadKey(400) } },
    { offset: 9_900, expected: { kind: 'last' } },
    { offset: 5_000, expected: undefined },
  ])('reads the page at $offset by key: $expected', ({ offset, expected }) => {
    expect(cursorFor(bounds, '', offset, 100, 10_000)).toEqual(expected);
  });

  it('keeps only the pages nearest the rows on screen, and none of another search', () => {
    const pages = Object.fromEntries([0, 100, 200, 300, 900].map((offset) => [pageKey('', offset), offset]));
    const kept = capPages({ ...pages, [pageKey('x', 200)]: -1 }, '', 200, 100, 3);
    expect(Object.keys(kept).sort()).toEqual([pageKey('', 100), pageKey('', 200), pageKey('', 300)].sort());
  });
});
