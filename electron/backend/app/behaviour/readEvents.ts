import type { InvalidRow } from '../../../../shared/contract/imports';
import { behaviourMappingProblem, mapBehaviourHeaders, type BehaviourMapping } from '../../../../shared/domain/behaviour/columns';
import { checkEventRow, type EventRow, type EventRowContext } from '../../../../shared/domain/behaviour/eventRow';
import { decodeCsvBytes } from '../imports/decode';
import { ImportFailure } from '../imports/failure';
import { readTable } from '../imports/table';

/** A valid row of the file: where it was, what it said, and the event it names. */
export interface ReadEvent {
  row: number;
  values: string[];
  event: EventRow;
}

export interface ReadEvents {
  events: ReadEvent[];
  invalid: InvalidRow[];
}

/**
 * Reads an events file the way the lead import reads a call list (same encoding detection, same CSV
 * reader, same blank-row and header rules) and checks every row. Throws ImportFailure when the file
 * as a whole cannot be read as events; a bad row only lands in `invalid`.
 */
export async function readEvents(bytes: Uint8Array, context: EventRowContext): Promise<ReadEvents> {
  const { text } = decodeCsvBytes(bytes);
  const events: ReadEvent[] = [];
  const invalid: InvalidRow[] = [];
  let mapping: BehaviourMapping | null = null;
  const { dataRows, blankRows } = await readTable(text, {
    onHeader(headers) {
      mapping = mapBehaviourHeaders(headers);
      const problem = behaviourMappingProblem(mapping);
      if (problem) throw new ImportFailure(problem);
    },
    onRows(records) {
      for (const { row, values, problem } of records) {
        const check = problem ? { ok: false as const, reasons: [problem] } : checkEventRow(values, mapping!, context);
        if (check.ok) events.push({ row, values, event: check.event });
        else invalid.push({ row, reasons: check.reasons, values });
      }
    },
  });
  if (dataRows - blankRows === 0) throw new ImportFailure('The file has a header row but no data rows');
  return { events, invalid };
}
