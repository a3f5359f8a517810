import { KomaError } from '../../../../shared/contract';
import type { LeadSource, LeadStatus } from '../../../../shared/contract/leads';
import { talkFileFormat, talkFileSchema, type MergeValues, type TalkFile, type TalkForLead } from '../../../../shared/contract/talk';
import { pickScript, callStageOf } from '../../../../shared/domain/talk/pick';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import { requireLead, type LeadRecord } from '../leads/rows';
import { objectionReport } from './objections';
import { currentTalkSet, saveTalkSet } from './sets';

const statements = perDatabase((db: Db) => ({
  companyName: db.prepare<[string], { name: string }>('SELECT name FROM companies WHERE id = ?'),
  // What the lead did last of a kind, by the name the events file gave it (a seminar's title…).
  lastDetail: db.prepare<[string, string], { detail: string | null }>(
    "SELECT detail FROM behaviour_events WHERE lead_id = ? AND kind = ? AND coalesce(detail, '') <> '' ORDER BY occurred_at DESC LIMIT 1",
  ),
}));

/** The values a lead's merge fields take (scripts here, follow-up mail in app/followup). */
export function mergeValuesOf(db: Db, lead: LeadRecord): MergeValues {
  const s = statements(db);
  return {
    company: s.companyName.get(lead.company_id)?.name ?? null,
    person: lead.full_name || null,
    title: lead.title,
    department: lead.department,
    seminar: s.lastDetail.get(lead.id, 'seminar')?.detail ?? null,
    lastDownload: s.lastDetail.get(lead.id, 'content_download')?.detail ?? null,
    rep: readSetting(db, settingSpecs.profile).repName || null,
  };
}

/** The script for a lead, the cards, and the values its merge fields take. */
function talkForLead(db: Db, leadId: string): TalkForLead {
  const lead = requireLead(db, leadId);
  const { version, set } = currentTalkSet(db);
  const stage = callStageOf({ status: lead.status as LeadStatus, attempts: lead.attempts });
  const values = mergeValuesOf(db, lead);
  return { version, stage, script: pickScript(set.scripts, { source: lead.source as LeadSource, stage })!, cards: set.cards, values };
}

/**
 * A shared file read back: JSON, in Koma's talk set format, every script and card valid. Anything
 * else is refused with what is wrong and where, before anything is written.
 */
export function parseTalkFile(content: string): TalkFile {
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    throw new KomaError('invalid_input', 'This file is not JSON, so it is not a Koma talk script file. Nothing was changed.');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== talkFileFormat) {
    throw new KomaError('invalid_input', `This JSON file is not a Koma talk script file (its "format" is not "${talkFileFormat}"). Nothing was changed.`);
  }
  const parsed = talkFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new KomaError('invalid_input', 'This talk script file has errors, so nothing was imported. Nothing was changed.', issues);
  }
  return parsed.data;
}

export const talkHandlers: FeatureHandlers = {
  'talk.get': (_input, ctx) => currentTalkSet(ctx.db),
  'talk.forLead': (input, ctx) => ctx.db.transaction(() => talkForLead(ctx.db, input.leadId))(),
  'talk.save': (input, ctx) => ctx.db.transaction(() => saveTalkSet(ctx.db, input.set, 'edited', ctx.clock.now().toISOString(), input.basedOn))(),
  'talk.export': (_input, ctx) => {
    const { version, set } = currentTalkSet(ctx.db);
    const file: TalkFile = { format: talkFileFormat, formatVersion: 1, exportedAt: ctx.clock.now().toISOString(), set };
    return { fileName: `koma-talk-scripts-v${version}.json`, content: `${JSON.stringify(file, null, 2)}\n` };
  },
  /** An import is a new version like a save: the previous set stays, and calls keep theirs. */
  'talk.import': (input, ctx) => {
    const file = parseTalkFile(input.content);
    return ctx.db.transaction(() => saveTalkSet(ctx.db, file.set, 'imported', ctx.clock.now().toISOString(), null))();
  },
  'kpi.objections': (input, ctx) => ctx.db.transaction(() => ({ rows: objectionReport(ctx.db, new Date(input.from).toISOString(), new Date(input.to).toISOString()) }))(),
};
