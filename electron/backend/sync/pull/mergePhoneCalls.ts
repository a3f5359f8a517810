import { readTaskDescription } from '../../../../shared/domain/phone/taskDescription';
import type { BackendContext } from '../../core/context';
import { ingestPhoneCalls, type IncomingPhoneCall } from '../../core/phoneCalls';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { CrmPhoneCall } from '../types';

const statements = perDatabase((db: Db) => ({
  leadByCrmId: db.prepare<[string], { id: string }>('SELECT coalesce(merged_into, id) AS id FROM leads WHERE crm_id = ?'),
}));

/**
 * The call's start: the comment's "通話開始時刻" when the phone system wrote one (MiiTel does), else
 * the Task's creation less the call's duration — phone systems write the Task when the call ends.
 */
export function taskCallStart(call: CrmPhoneCall, statedStart: string | null): string {
  return statedStart ?? new Date(Date.parse(call.createdAt) - (call.durationSec ?? 0) * 1000).toISOString();
}

/**
 * One page of the phone system's call Tasks into the store (in the page's transaction): each Task
 * named by its Id, its lead found by the Who's CRM id (or the Lead a Contact was converted from),
 * then matched to Koma's calls. A Task Koma cannot place with a lead is kept unmatched, for the rep.
 */
export function mergePhoneCalls(ctx: BackendContext, rows: readonly CrmPhoneCall[], now: Date): void {
  if (rows.length === 0) return;
  const s = statements(ctx.db);
  const zone = readSetting(ctx.db, settingSpecs.workWeek).timeZone;
  const incoming = rows.map((row): IncomingPhoneCall => {
    const details = readTaskDescription(row.description, zone);
    const lead = (row.whoId ? s.leadByCrmId.get(row.whoId) : undefined) ?? (row.convertedFromLeadId ? s.leadByCrmId.get(row.convertedFromLeadId) : undefined);
    return {
      source: 'salesforce',
      externalId: row.crmId,
      leadIds: lead ? [lead.id] : [],
      crmWhoId: row.whoId,
      phoneKey: null,
      startedAt: taskCallStart(row, details.startedAt),
      durationSec: row.durationSec,
      direction: row.direction,
      result: row.result,
      recordingUrl: details.recordingUrl,
      summary: details.summary,
    };
  });
  ingestPhoneCalls(ctx.db, ctx.ids, now, incoming);
}
