import { KomaError } from '../../../../shared/contract';
import type { PhoneCallImportResult } from '../../../../shared/contract/phoneCalls';
import { detectCallLog, readCallLogRow, type CallLogLayout, type CallLogRow } from '../../../../shared/domain/phone/callLogCsv';
import type { BackendContext } from '../../core/context';
import { ingestPhoneCalls, type IncomingPhoneCall } from '../../core/phoneCalls';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { decodeCsvBytes } from '../imports/decode';
import { ImportFailure } from '../imports/failure';
import { readTable } from '../imports/table';

/** A month of one rep's calls is a few thousand rows; a whole team's year is not what this is for. */
export const maxCallLogRows = 50_000;

const statements = perDatabase((db: Db) => ({
  leadsByPhone: db.prepare<[string], { id: string }>(
    `SELECT DISTINCT coalesce(merged_into, id) AS id FROM leads WHERE phone_key = ?`,
  ),
}));

/**
 * A phone system's call-history export (MiiTel, Zoom Phone) read the way a lead list is — the same
 * decoding (UTF-8 with or without BOM, CP932), line breaks and CSV reader — and taken in as the
 * phone system's calls in one transaction. Each row finds its lead by the other party's number (a
 * switchboard shared by several leads gives them all; the one with a Koma call at that time wins)
 * and is matched like a pulled Task. Every data row is accounted for: matched, unmatched (no lead
 * with the number, or no call near that time), already known, invalid with its reason, or blank.
 */
export async function importCallLog(ctx: BackendContext, bytes: Uint8Array): Promise<PhoneCallImportResult> {
  const zone = readSetting(ctx.db, settingSpecs.workWeek).timeZone;
  let layout: CallLogLayout | null = null;
  const parsed: { row: number; call: CallLogRow }[] = [];
  const invalid: PhoneCallImportResult['invalid'] = [];
  let counts: { dataRows: number; blankRows: number };
  try {
    const { text } = decodeCsvBytes(bytes);
    counts = await readTable(text, {
      onHeader(headers) {
        const detected = detectCallLog(headers);
        if (!detected.ok) {
          throw new ImportFailure(`This is not a MiiTel or Zoom Phone call history: no column for the call's ${detected.missing.map((m) => (m === 'start' ? 'start time' : 'phone number')).join(' or ')}`);
        }
        layout = detected.layout;
      },
      onRows(rows) {
        for (const record of rows) {
          if (parsed.length + invalid.length >= maxCallLogRows) throw new ImportFailure(`The file has more than ${maxCallLogRows} calls: export a shorter period and import each`);
          if (record.problem) {
            invalid.push({ row: record.row, problem: 'malformed' });
            continue;
          }
          const read = readCallLogRow(layout!, record.values, zone);
          if (read.ok) parsed.push({ row: record.row, call: read.row });
          else invalid.push({ row: record.row, problem: read.problem });
        }
      },
    });
  } catch (error) {
    if (error instanceof ImportFailure) throw new KomaError('invalid_input', error.message);
    throw error;
  }
  const vendor = (layout as CallLogLayout | null)?.vendor ?? 'miitel';
  const result: PhoneCallImportResult = { vendor, rows: counts.dataRows, matched: 0, unmatchedNoLead: 0, unmatchedNoCall: 0, alreadyKnown: 0, skipped: counts.blankRows, invalid };
  ctx.db.transaction(() => {
    const s = statements(ctx.db);
    const leadsOf = new Map<string, string[]>();
    const leadsFor = (key: string) => {
      let ids = leadsOf.get(key);
      if (!ids) leadsOf.set(key, (ids = s.leadsByPhone.all(key).map((r) => r.id)));
      return ids;
    };
    const incoming = parsed.map(({ call }): IncomingPhoneCall => {
      const withLeads = call.numberKeys.find((key) => leadsFor(key).length > 0) ?? call.numberKeys[0]!;
      return {
        source: vendor,
        externalId: call.externalId,
        leadIds: leadsFor(withLeads),
        crmWhoId: null,
        phoneKey: withLeads,
        startedAt: call.startedAt,
        durationSec: call.durationSec,
        direction: call.direction,
        result: call.result,
        recordingUrl: call.recordingUrl,
        summary: call.summary,
      };
    });
    ingestPhoneCalls(ctx.db, ctx.ids, ctx.clock.now(), incoming).forEach((outcome, i) => {
      if (outcome === 'matched') result.matched++;
      else if (outcome === 'unmatched') {
        if (incoming[i]!.leadIds.length === 0) result.unmatchedNoLead++;
        else result.unmatchedNoCall++;
      } else result.alreadyKnown++;
    });
  })();
  return result;
}
