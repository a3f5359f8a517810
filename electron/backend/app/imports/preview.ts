import type { ImportPreview } from '../../../../shared/contract/imports';
import { autoMapHeaders } from '../../../../shared/domain/import/headerMapping';
import { decodeCsvBytes } from './decode';
import { readTable } from './table';

export const previewSampleRows = 5;

/**
 * What the mapping form needs: the detected encoding, the headers with a proposed mapping, the first
 * rows to show under them (cut or padded to the header's width), and how many rows the file has.
 */
export async function previewCsv(bytes: Uint8Array): Promise<ImportPreview> {
  const { encoding, text } = decodeCsvBytes(bytes);
  let headers: string[] = [];
  const sampleRows: string[][] = [];
  const { dataRows, blankRows } = await readTable(text, {
    onHeader(found) {
      headers = found;
    },
    onRows(rows) {
      for (const { values } of rows.slice(0, previewSampleRows - sampleRows.length)) {
        sampleRows.push(headers.map((_, column) => values[column] ?? ''));
      }
    },
  });
  return { encoding, headers, mapping: autoMapHeaders(headers), sampleRows, rowCount: dataRows - blankRows };
}
