import { prepChecklistSchema, type LeadDetail, type TimelineItem } from '../../../../shared/contract/callFlow';
import { callDraftSchema } from '../../../../shared/contract/callFlow';
import type { CallOutcome } from '../../../../shared/contract/calls';
import type { FollowupKind } from '../../../../shared/contract/followup';
import type { LeadSource, LeadStatus } from '../../../../shared/contract/leads';
import type { BehaviourKind } from '../../../../shared/contract/scoringRules';
import { isWithinCallingHours } from '../../../../shared/domain/queue/callingHours';
import { classifyLead, leadAge } from '../../../../shared/domain/queue/classify';
import { scoreLead } from '../../../../shared/domain/scoring/score';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { BackendContext } from '../../core/context';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import { toQueueLead } from '../queue/requeue';
import { requireLead } from './rows';
import { objectionsOfCalls } from '../talk/objections';
import { phoneDetailsOfCalls } from '../phoneCalls/queries';

interface CompanyRecord {
  id: string;
  name: string;
  name_reading: string | null;
  corporate_number: string | null;
  website: string | null;
  industry: string | null;
  employees: number | null;
  address: string | null;
  phone: string | null;
  prep_notes: string;
  prep_notes_saved_at: string | null;
  prep_checklist: string;
  created_at: string;
}

interface TimelineRecord {
  kind: TimelineItem['kind'];
  at: string;
  id: string;
  lead_id: string;
  lead_name: string;
  a: string | null;
  b: string | null;
  c: string | null;
  n: number | null;
  m: number | null;
}

/** How many timeline entries the prep screen shows; older history stays in the store. */
const timelineLimit = 200;

const statements = perDatabase((db: Db) => ({
  company: db.prepare<[string], CompanyRecord>(
    'SELECT id, name, name_reading, corporate_number, website, industry, employees, address, phone, prep_notes, prep_notes_saved_at, prep_checklist, created_at FROM companies WHERE id = ?',
  ),
  colleagues: db.prepare<[string, string], { id: string; full_name: string; title: string | null; status: string }>(
    'SELECT id, full_name, title, status FROM leads WHERE company_id = ? AND id <> ? ORDER BY full_name LIMIT 100',
  ),
  events: db.prepare<[string], { kind: string; occurred_at: string }>('SELECT kind, occurred_at FROM behaviour_events WHERE lead_id = ?'),
  draft: db.prepare<[string], { draft: string }>('SELECT draft FROM call_drafts WHERE lead_id = ?'),
  saveNotes: db.prepare<[string, string, string]>('UPDATE leads SET notes = ?, notes_saved_at = ? WHERE id = ?'),
  // Every lead at the company: what a colleague heard last month is prep for today's call.
  timeline: db.prepare<{ companyId: string; limit: number }, TimelineRecord>(`
    WITH company_leads AS (SELECT id, full_name FROM leads WHERE company_id = @companyId)
    SELECT * FROM (
      SELECT 'call' AS kind, c.started_at AS at, c.id, c.lead_id, cl.full_name AS lead_name, c.outcome AS a, c.notes AS b, c.next_action AS c, c.duration_sec AS n, c.conversation AS m
        FROM calls c JOIN company_leads cl ON cl.id = c.lead_id
      UNION ALL
      SELECT 'behaviour', e.occurred_at, e.id, e.lead_id, cl.full_name, e.kind, NULL, NULL, NULL, NULL
        FROM behaviour_events e JOIN company_leads cl ON cl.id = e.lead_id
      UNION ALL
      SELECT 'hearing', h.created_at, h.id, h.lead_id, cl.full_name, NULL, NULL, NULL, h.version, NULL
        FROM hearings h JOIN company_leads cl ON cl.id = h.lead_id
      UNION ALL
      SELECT 'handoff', ho.created_at, ho.id, ho.lead_id, cl.full_name, ho.state, NULL, NULL, NULL, NULL
        FROM handoffs ho JOIN company_leads cl ON cl.id = ho.lead_id
      UNION ALL
      -- A call's own queue exit ('called') is the call itself: one entry per call. Decisions
      -- (recycle, exclude, qualify, skip, restore) are entries of their own, with or without a call.
      SELECT 'exit', x.at, x.id, x.lead_id, cl.full_name, x.kind, x.reason, NULL, NULL, NULL
        FROM lead_exits x JOIN company_leads cl ON cl.id = x.lead_id WHERE x.kind <> 'called'
      UNION ALL
      SELECT 'followup', f.created_at, f.id, f.lead_id, cl.full_name, f.kind, f.subject, f.due_at, NULL, NULL
        FROM followups f JOIN company_leads cl ON cl.id = f.lead_id
    ) ORDER BY at DESC, id DESC LIMIT @limit`),
}));

function timelineItem(r: TimelineRecord): TimelineItem {
  const common = { at: r.at, id: r.id, leadId: r.lead_id, leadName: r.lead_name };
  switch (r.kind) {
    case 'call':
      return { kind: 'call', ...common, outcome: r.a as CallOutcome, notes: r.b ?? '', nextAction: r.c, durationSec: r.n, conversation: r.m === 1 };
    case 'behaviour':
      return { kind: 'behaviour', ...common, event: r.a ?? '' };
    case 'hearing':
      return { kind: 'hearing', ...common, version: r.n ?? 0 };
    case 'handoff':
      return { kind: 'handoff', ...common, state: r.a ?? '' };
    case 'exit':
      return { kind: 'exit', ...common, exit: r.a ?? '', reason: r.b };
    case 'followup':
      return { kind: 'followup', ...common, followup: r.a as FollowupKind, subject: r.b ?? '', dueAt: r.c };
  }
}

/** Each call on the timeline with the objections raised in it (only calls that had some carry the field). */
function withObjections(db: Db, items: TimelineItem[]): TimelineItem[] {
  const byCall = objectionsOfCalls(db, items.filter((i) => i.kind === 'call').map((i) => i.id));
  return byCall.size === 0 ? items : items.map((i) => (i.kind === 'call' && byCall.has(i.id) ? { ...i, objections: byCall.get(i.id) } : i));
}

/** Each call the phone system reported with what it recorded (duration, recording link, summary). */
function withPhoneDetails(db: Db, items: TimelineItem[]): TimelineItem[] {
  const byCall = phoneDetailsOfCalls(db, items.filter((i) => i.kind === 'call').map((i) => i.id));
  return byCall.size === 0 ? items : items.map((i) => (i.kind === 'call' && byCall.has(i.id) ? { ...i, phone: byCall.get(i.id) } : i));
}

export function leadDetail(ctx: BackendContext, leadId: string): LeadDetail {
  const s = statements(ctx.db);
  const now = ctx.clock.now();
  const queueRules = readSetting(ctx.db, settingSpecs.queueRules);
  const scoringRules = readSetting(ctx.db, settingSpecs.scoringRules);
  const lead = requireLead(ctx.db, leadId);
  const company = s.company.get(lead.company_id)!;
  const events = s.events.all(lead.id).map((e) => ({ kind: e.kind as BehaviourKind, occurredAt: e.occurred_at }));
  const score = scoreLead({ employees: company.employees, industry: company.industry, title: lead.title }, events, scoringRules, now);
  const calendar = readSetting(ctx.db, settingSpecs.calendar);
  const entry = classifyLead(toQueueLead(lead), queueRules, now, calendar);
  const draftRow = s.draft.get(lead.id);
  const draft = draftRow ? callDraftSchema.safeParse(JSON.parse(draftRow.draft)) : null;
  const checklist = prepChecklistSchema.partial().safeParse(JSON.parse(company.prep_checklist));
  return {
    lead: {
      id: lead.id,
      fullName: lead.full_name,
      nameReading: lead.name_reading,
      title: lead.title,
      department: lead.department,
      phone: lead.phone,
      email: lead.email,
      source: lead.source as LeadSource,
      sourceDetail: lead.source_detail,
      stage: lead.stage as LeadDetail['lead']['stage'],
      status: lead.status as LeadStatus,
      attempts: lead.attempts,
      lastContactAt: lead.last_contact_at,
      nextCallAt: lead.next_call_at,
      recycleReason: lead.recycle_reason,
      recycleUntil: lead.recycle_until,
      excludeReason: lead.exclude_reason,
      doNotCall: lead.do_not_call === 1,
      timeZone: lead.time_zone,
      createdAt: lead.created_at,
      notes: lead.notes,
    },
    score,
    queue: {
      bucket: entry.bucket,
      reason: entry.reason,
      withinCallingHours: isWithinCallingHours(now, lead.time_zone, queueRules, calendar),
      age: leadAge(lead.last_contact_at ?? lead.created_at, queueRules, now),
    },
    company: {
      id: company.id,
      name: company.name,
      nameReading: company.name_reading,
      corporateNumber: company.corporate_number,
      website: company.website,
      industry: company.industry,
      employees: company.employees,
      address: company.address,
      phone: company.phone,
      prepNotes: company.prep_notes,
      prepNotesSavedAt: company.prep_notes_saved_at ?? company.created_at,
      prepChecklist: { website_read: false, news_checked: false, previous_contact_read: false, ...(checklist.success ? checklist.data : {}) },
    },
    colleagues: s.colleagues.all(lead.company_id, lead.id).map((c) => ({ id: c.id, fullName: c.full_name, title: c.title, status: c.status as LeadStatus })),
    timeline: withPhoneDetails(ctx.db, withObjections(ctx.db, s.timeline.all({ companyId: lead.company_id, limit: timelineLimit }).map(timelineItem))),
    draft: draft?.success ? draft.data : null,
  };
}

export const leadDetailHandlers: FeatureHandlers = {
  'lead.get': (input, ctx) => ctx.db.transaction(() => leadDetail(ctx, input.leadId))(),

  /** The lead's own notes: local to Koma (not sent to the CRM), so no outbox row and no version bump. */
  'lead.saveNotes': (input, ctx) => {
    const savedAt = ctx.clock.now().toISOString();
    ctx.db.transaction(() => {
      requireLead(ctx.db, input.leadId);
      statements(ctx.db).saveNotes.run(input.notes, savedAt, input.leadId);
    })();
    return { savedAt };
  },
};
