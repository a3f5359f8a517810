import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvRecord } from '../../electron/backend/app/imports/csvReader';
import { rowReasons } from '../../shared/domain/import/reasons';

async function readAll(text: string, batchSize: number): Promise<{ records: CsvRecord[]; batches: number; lastConsumed: number }> {
  const records: CsvRecord[] = [];
  let batches = 0;
  let lastConsumed = -1;
  await readCsv(
    text,
    (batch, progress) => {
      batches++;
      expect(progress.consumed).toBeGreaterThanOrEqual(lastConsumed);
      lastConsumed = progress.consumed;
      records.push(...batch);
    },
    { batchSize },
  );
  return { records, batches, lastConsumed };
}

describe('readCsv', () => {
  it.each([
    ['CRLF and a trailing newline', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['empty trailing lines add no records', 'a,b\r\n1,2\r\n\r\n\r\n', [['a', 'b'], ['1', '2']]],
    ['quoted comma, quote and CRLF inside a field (kept as a line break)', 'a,b\r\n"x, y","say ""hi""\r\nbye"\r\n', [['a', 'b'], ['x, y', 'say "hi"\nbye']]],
    ['CRLF header with rows alternating LF and CRLF', 'a,b\r\n1,2\n3,4\r\n5,"6\r\n7"\n8,9', [['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6\n7'], ['8', '9']]],
    ['old Mac CR line breaks', 'a,b\r1,2\r3,4', [['a', 'b'], ['1', '2'], ['3', '4']]],
    ['LF only, no trailing newline', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['tab-separated', 'a\tb\n1\t2', [['a', 'b'], ['1', '2']]],
    ['blank lines in the middle keep their row numbers', 'a,b\n\n1,2', [['a', 'b'], [''], ['1', '2']]],
  ])('%s', async (_name, text, expected) => {
    const { records } = await readAll(text, 2);
    expect(records.map((r) => r.values)).toEqual(expected);
    expect(records.map((r) => r.row)).toEqual(expected.map((_, i) => i + 1));
  });

  it('reports an unclosed quote on the row where it starts', async () => {
    const { records } = await readAll('a,b\n1,2\n3,"open\n4,5\n', 10);
    expect(records[2]).toMatchObject({ row: 3, problem: rowReasons.unclosedQuote });
    expect(records[1]?.problem).toBeNull();
  });

  it('hands over batches of the requested size and ends with everything consumed', async () => {
    const text = ['h1,h2', ...Array.from({ length: 25 }, (_, i) => `v${i},"w\n${i}"`)].join('\r\n');
    const { records, batches, lastConsumed } = await readAll(text, 10);
    expect(records).toHaveLength(26);
    expect(batches).toBe(3);
    expect(lastConsumed).toBe(text.replace(/\r\n/g, '\n').length);
    expect(records[25]?.values).toEqual(['v24', 'w\n24']);
  });

  it('reads exactly what a one-shot parse reads, however the batches fall', async () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', '日', '本', ' ', ',', '"', '\n', '\r\n') }),
      fc.constantFrom('', 'x'),
    );
    const quoted = cell.map((value) => `"${value.replace(/"/g, '""')}"`);
    const plain = fc.string({ unit: fc.constantFrom('a', '1', '日', ' ') });
    const row = fc.array(fc.oneof(quoted, plain), { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    const file = fc.tuple(fc.array(row, { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'));
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 1, max: 40 }), async ([rows, newline], batchSize) => {
        const text = `a,b,c,d${newline}${rows.join(newline)}`;
        // Trailing line breaks end the last row (see readCsv), so the one-shot parse gets the same text.
        // Line breaks are read as LF everywhere, quoted ones included (see normaliseLineBreaks).
        const oneShot = Papa.parse<string[]>(text.replace(/[\r\n]+$/, '').replace(/\r\n?/g, '\n'), { header: false, skipEmptyLines: false, delimiter: ',', newline: '\n' });
        const { records } = await readAll(text, batchSize);
        expect(records.map((r) => r.values)).toEqual(oneShot.data);
      }),
      { numRuns: 300 },
    );
  });
});
