import type { SalesforceSettings } from '../../../../shared/contract/sync';
import { classifyRecordError } from '../classify';
import type { LeadRef } from '../lookups';
import { parseBatch } from '../batchPayloads';
import type { QuotaMeter } from '../quota';
import {
  SyncRequestError,
  type BatchResult,
  type Connector,
  type CrmAnswer,
  type CrmLead,
  type CrmPhoneCall,
  type FailureKind,
  type ItemResult,
  type LeadEcho,
  type OutboxItem,
  type Puller,
  type PullCursor,
} from '../types';
import type { RecordError, SalesforceApi, SaveResult } from './api';
import { convertHandoffs, readConvertedStatus } from './conversion';
import { ConvertedLeads } from './convertedLeads';
import { DescribeCache } from './describe';
import { prepareRecord, problemMessage, type PreparedRecord } from './fieldRules';
import { isRef, leadIdOf, phases, planItem, sobjectOf, type ConvertPlan, type FieldValue, type ItemPlan, type Phase } from './mapping';
import { checkSalesforceSetup } from './setupCheck';
import { answersQuery, convertedFromQuery, leadsQuery, phoneTasksQuery, soqlString } from './soql';
import { createSalesforceTeamReader } from './teamQueries';
import type { SalesforceSession } from './session';

/** sObject Collections take at most 200 records per request. */
export const collectionLimit = 200;

export interface SalesforceConnectorDeps {
  api: SalesforceApi;
  session: SalesforceSession;
  settings: () => SalesforceSettings;
  /** The current identity of the leads the items name. */
  leadRefs: (leadIds: readonly string[]) => Map<string, LeadRef>;
  /** Koma's count of the org's API requests (Sforce-Limit-Info and its own share). */
  meter: QuotaMeter;
}

interface PendingWrite {
  key: string;
  leadId: string | undefined;
  fields: Record<string, FieldValue>;
  itemIds: string[];
}

function failure(id: string, kind: FailureKind, code: string, message: string): ItemResult {
  return { id, ok: false, kind, code, message };
}

function describe(sobject: string, errors: RecordError[]): { code: string; message: string } {
  const first = errors[0] ?? { statusCode: 'UNKNOWN', message: 'Salesforce gave no reason' };
  const fields = first.fields && first.fields.length > 0 ? ` [${first.fields.join(', ')}]` : '';
  return { code: first.statusCode, message: `${sobject}: ${first.statusCode}: ${first.message}${fields}` };
}

/**
 * An upsert that turned out to be an update (a retry after a lost answer, a correction) refuses the
 * create-only fields it carried: the record exists, so it is written again without them.
 */
/**
 * The activity fields only a manager's team view reads (the koma a call was made in, whether it
 * was a conversation): an org without them still gets every call, just without those two.
 */
function teamOnlyFields(settings: SalesforceSettings): ReadonlySet<string> {
  return new Set([settings.activity.slotField, settings.activity.conversationField].filter((f): f is string => f !== null));
}

/** The person fields a Lead and a Contact share: what a converted Lead's details update carries over. */
const personFieldNames = ['LastName', 'FirstName', 'Title', 'Email', 'Phone'] as const;

function contactFields(leadRecord: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(personFieldNames.filter((f) => f in leadRecord).map((f) => [f, leadRecord[f]]));
}

function refusedCreateOnly(result: SaveResult, createOnly: Record<string, unknown>): boolean {
  const names = Object.keys(createOnly);
  return (
    names.length > 0 &&
    !result.success &&
    result.errors.some((e) => e.statusCode === 'INVALID_FIELD_FOR_INSERT_UPDATE' && names.some((n) => e.fields?.includes(n) || e.message.includes(n)))
  );
}

/**
 * Pushes outbox items to Salesforce and pulls the rep's leads and field sales' answers back.
 * A send walks the phases in order (Accounts, Contacts, Leads, Opportunities, Tasks), one
 * sObject Collections request per 200 records per phase, with allOrNone false so one bad record
 * fails only its own item. An item counts as confirmed only when every record it needs was.
 */
export interface SalesforceConnector extends Connector {
  forgetSchema(): void;
}

export function createSalesforceConnector(deps: SalesforceConnectorDeps): SalesforceConnector {
  const describes = new DescribeCache(
    () => {
      const info = deps.session.info();
      return info ? `${info.instanceUrl} ${info.userId} ${info.signedInAt} ${deps.settings().apiVersion}` : null;
    },
    (sobject, signal) => deps.api.describe(sobject, signal),
  );
  const convertedLeads = new ConvertedLeads();
  // Read with the describes: once per session, again when the rep retries.
  let convertedStatus: { key: string | null; value: Promise<string | null> } | null = null;
  const sessionKey = () => {
    const info = deps.session.info();
    return info ? `${info.instanceUrl} ${info.userId} ${info.signedInAt}` : null;
  };
  const convertedStatusFor = (signal: AbortSignal) => {
    if (!convertedStatus || convertedStatus.key !== sessionKey()) {
      const value = readConvertedStatus(deps.api, signal);
      const entry = { key: sessionKey(), value };
      convertedStatus = entry;
      value.catch(() => {
        if (convertedStatus === entry) convertedStatus = null;
      });
    }
    return convertedStatus.value;
  };

  async function send(items: readonly OutboxItem[], signal: AbortSignal): Promise<BatchResult> {
    const settings = deps.settings();
    const results = new Map<string, ItemResult>();
    const parsed = parseBatch(items, results);
    const refs = deps.leadRefs([...parsed.values()].flatMap((p) => leadIdOf(p) ?? []));
    const plans = new Map<string, ItemPlan>();
    for (const [id, p] of parsed) {
      const leadId = leadIdOf(p);
      const ref = leadId === null ? null : refs.get(leadId);
      if (leadId !== null && !ref) results.set(id, failure(id, 'permanent', 'UNKNOWN_LEAD', `The lead ${leadId} is no longer in Koma`));
      else plans.set(id, planItem(p, ref ?? null, settings));
    }

    const ids = new Map<string, string>();
    const echoes = new Map<string, LeadEcho>();
    for (const phase of phases) {
      const writes = collect(phase, plans, results);
      for (let start = 0; start < writes.length; start += collectionLimit) {
        const chunk = writes.slice(start, start + collectionLimit);
        try {
          await write(phase, chunk, ids, results, settings, signal, echoes);
        } catch (error) {
          if (!(error instanceof SyncRequestError)) throw error;
          // A request-level refusal of one phase (a field the org lacks) fails just those items;
          // anything else stops the send, leaving unconfirmed items to the error's handling.
          if (error.kind !== 'permanent') {
            settle(plans, ids, echoes, results, true);
            return { results: [...results.values()], stopped: error, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
          }
          for (const w of chunk) for (const id of w.itemIds) results.set(id, failure(id, 'permanent', error.code, `${sobjectOf[phase]}: ${error.message}`));
        }
      }
    }
    const converting = new Map<string, ConvertPlan>();
    for (const [id, plan] of plans) if (plan.convert && !results.has(id)) converting.set(id, plan.convert);
    if (converting.size > 0) {
      try {
        await convertHandoffs(
          { api: deps.api, describes, settings, signal, convertedStatus: () => convertedStatusFor(signal), noteConverted: (leadId, c) => convertedLeads.note(leadId, c) },
          converting,
          (value) => (isRef(value) ? (ids.get(value.$ref) ?? null) : null),
          ids,
          results,
        );
      } catch (error) {
        if (!(error instanceof SyncRequestError)) throw error;
        // Whatever was converted is found converted by the retry, which goes on from there.
        if (error.kind !== 'permanent') {
          settle(plans, ids, echoes, results, true);
          return { results: [...results.values()], stopped: error, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
        }
        for (const id of converting.keys()) if (!results.has(id)) results.set(id, failure(id, 'permanent', error.code, `Lead conversion: ${error.message}`));
      }
    }
    const removing = [...plans].filter(([id, plan]) => plan.remove && !results.has(id));
    for (let start = 0; start < removing.length; start += collectionLimit) {
      try {
        await removeByKomaId(removing.slice(start, start + collectionLimit), ids, results, settings, signal);
      } catch (error) {
        if (!(error instanceof SyncRequestError)) throw error;
        if (error.kind !== 'permanent') {
          settle(plans, ids, echoes, results, true);
          return { results: [...results.values()], stopped: error, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
        }
        for (const [id] of removing.slice(start, start + collectionLimit)) results.set(id, failure(id, 'permanent', error.code, `Event: ${error.message}`));
      }
    }
    settle(plans, ids, echoes, results, false);
    return { results: [...results.values()] };
  }

  /**
   * Deletes records Koma wrote, found by Koma's id: one query for their Ids, one collections delete.
   * Idempotent: a record not found, or already deleted (a retry after a lost answer), is gone as wanted.
   */
  async function removeByKomaId(items: [string, ItemPlan][], ids: Map<string, string>, results: Map<string, ItemResult>, settings: SalesforceSettings, signal: AbortSignal): Promise<void> {
    const ext = settings.externalIdField;
    const komaIds = items.map(([, plan]) => plan.remove!.komaId);
    const found = await deps.api.query(`SELECT Id, ${ext} FROM Event WHERE ${ext} IN (${komaIds.map(soqlString).join(', ')})`, signal);
    const sfIdOf = new Map(found.map((r) => [String(r[ext]), String(r.Id)]));
    const toDelete = items.filter(([, plan]) => sfIdOf.has(plan.remove!.komaId));
    for (const [, plan] of items) if (!sfIdOf.has(plan.remove!.komaId)) ids.set(plan.primary, '');
    if (toDelete.length === 0) return;
    const answers = await deps.api.deleteMany(toDelete.map(([, plan]) => sfIdOf.get(plan.remove!.komaId)!), signal);
    answers.forEach((answer, i) => {
      const [id, plan] = toDelete[i]!;
      if (answer.success || (!answer.success && answer.errors.some((e) => e.statusCode === 'ENTITY_IS_DELETED'))) {
        ids.set(plan.primary, sfIdOf.get(plan.remove!.komaId)!);
        return;
      }
      const { code, message } = describe('Event', answer.errors);
      results.set(id, failure(id, classifyRecordError(code), code, message));
    });
  }

  /** Confirms the items whose every record was written; with `partial`, leaves the others unresolved. */
  function settle(plans: Map<string, ItemPlan>, ids: Map<string, string>, echoes: Map<string, LeadEcho>, results: Map<string, ItemResult>, partial: boolean): void {
    for (const [id, plan] of plans) {
      if (results.has(id) || (partial && !(plan.steps.every((step) => ids.has(step.key)) && ids.has(plan.primary)))) continue;
      const echo = echoes.get(id);
      results.set(id, { id, ok: true, crmId: ids.get(plan.primary) ?? null, ...(echo ? { leadEcho: echo } : {}) });
    }
  }

  function collect(phase: Phase, plans: Map<string, ItemPlan>, results: Map<string, ItemResult>): PendingWrite[] {
    const byKey = new Map<string, PendingWrite>();
    for (const [id, plan] of plans) {
      if (results.has(id)) continue;
      for (const step of plan.steps) {
        if (step.phase !== phase) continue;
        const existing = byKey.get(step.key);
        if (existing) {
          Object.assign(existing.fields, step.fields);
          existing.itemIds.push(id);
        } else {
          byKey.set(step.key, { key: step.key, leadId: step.leadId, fields: { ...step.fields }, itemIds: [id] });
        }
      }
    }
    return [...byKey.values()];
  }

  async function write(
    phase: Phase,
    chunk: PendingWrite[],
    ids: Map<string, string>,
    results: Map<string, ItemResult>,
    settings: SalesforceSettings,
    signal: AbortSignal,
    echoes: Map<string, LeadEcho>,
  ): Promise<void> {
    const sobject = sobjectOf[phase];
    const mode = phase === 'LeadUpdate' ? 'update' : 'upsert';
    const described = await describes.describe(sobject, signal);
    const live: PendingWrite[] = [];
    const prepared: PreparedRecord[] = [];
    for (const w of chunk) {
      if (!w.itemIds.some((id) => !results.has(id))) continue;
      const fields = resolve(w.fields, ids);
      const p = prepareRecord(described, sobject === 'Task' ? convertedLeads.repoint(fields) : fields, mode, mode === 'update' ? 'Id' : settings.externalIdField, teamOnlyFields(settings));
      if (!p.ok) {
        // The org cannot take this record as it is set up: named for the admin, no request spent.
        for (const id of w.itemIds) results.set(id, failure(id, 'permanent', 'ORG_SETUP', problemMessage(p.problem)));
        continue;
      }
      live.push(w);
      prepared.push(p.record);
    }
    if (live.length === 0) return;
    const send = (batch: Record<string, unknown>[]) =>
      mode === 'update' ? deps.api.update(sobject, batch, signal) : deps.api.upsert(sobject, settings.externalIdField, batch, signal);
    const records = prepared.map((p) => ({ ...p.fields, ...p.createOnly }));
    const saved = await send(records);
    if (sobject === 'Task') {
      // A call logged after its Lead was converted (by someone in Salesforce, or before a restart):
      // learn where the Lead went and write the Task there.
      const converted = saved.flatMap((r, i) => (ConvertedLeads.refused(r) ? [i] : []));
      if (converted.length > 0) {
        await convertedLeads.learn(deps.api, converted.map((i) => records[i]!.WhoId), signal);
        const moved = converted.filter((i) => convertedLeads.repoint(records[i]!) !== records[i]);
        if (moved.length > 0) {
          const second = await send(moved.map((i) => convertedLeads.repoint(records[i]!)));
          moved.forEach((i, n) => {
            saved[i] = second[n]!;
            records[i] = convertedLeads.repoint(records[i]!);
            prepared[i] = { ...prepared[i]!, fields: convertedLeads.repoint(prepared[i]!.fields) };
          });
        }
      }
    }
    const again = saved.flatMap((r, i) => (refusedCreateOnly(r, prepared[i]!.createOnly) ? [i] : []));
    if (again.length > 0) {
      const second = await send(again.map((i) => prepared[i]!.fields));
      again.forEach((i, n) => {
        saved[i] = second[n]!;
        records[i] = prepared[i]!.fields;
      });
    }
    const toContacts: number[] = [];
    saved.forEach((result, i) => {
      const w = live[i]!;
      if (result.success && result.id) {
        ids.set(w.key, result.id);
        if (w.leadId !== undefined) {
          const echo = leadEcho(w.leadId, result.id, records[i]!, settings);
          for (const id of w.itemIds) echoes.set(id, echo);
        }
        return;
      }
      if (mode === 'update' && sobject === 'Lead' && ConvertedLeads.refused(result)) {
        // The Lead was converted: its status is the converted one now, and a later status change
        // of Koma's has nothing left to change. Confirmed, nothing echoed. The person's details
        // (a re-import's new title or phone) live on its Contact now: written there, just below.
        ids.set(w.key, String(records[i]!.Id));
        if (Object.keys(contactFields(records[i]!)).length > 0) toContacts.push(i);
        return;
      }
      const { code, message } = describe(sobject, result.errors);
      const kind = result.success ? 'transient' : classifyRecordError(code);
      for (const id of w.itemIds) results.set(id, failure(id, kind, result.success ? 'NO_ID' : code, message));
    });
    if (toContacts.length > 0) await writeToContacts(toContacts.map((i) => ({ write: live[i]!, record: records[i]! })), results, signal);
  }

  /**
   * A converted Lead's person details, written by Id on the Contact it became: one query for where
   * the Leads went (once per Lead in this connector's life), one update for all of them.
   */
  async function writeToContacts(targets: { write: PendingWrite; record: Record<string, unknown> }[], results: Map<string, ItemResult>, signal: AbortSignal): Promise<void> {
    await convertedLeads.learn(deps.api, targets.map((t) => t.record.Id), signal);
    const described = await describes.describe('Contact', signal);
    const live: PendingWrite[] = [];
    const batch: Record<string, unknown>[] = [];
    for (const { write: w, record } of targets) {
      const contactId = convertedLeads.contactOf(String(record.Id));
      // Converted without a Contact Koma can name: nothing holds the details any more.
      if (!contactId) continue;
      const p = prepareRecord(described, { Id: contactId, ...contactFields(record) }, 'update', 'Id');
      if (!p.ok) {
        for (const id of w.itemIds) results.set(id, failure(id, 'permanent', 'ORG_SETUP', problemMessage(p.problem)));
        continue;
      }
      live.push(w);
      batch.push(p.record.fields);
    }
    if (batch.length === 0) return;
    const saved = await deps.api.update('Contact', batch, signal);
    saved.forEach((result, i) => {
      if (result.success) return;
      const { code, message } = describe('Contact', result.errors);
      for (const id of live[i]!.itemIds) results.set(id, failure(id, classifyRecordError(code), code, message));
    });
  }

  const pull: Puller = {
    pageSize: collectionLimit,
    leadMapping: () => deps.settings(),
    async leadsSince(cursor: PullCursor | null, signal: AbortSignal): Promise<CrmLead[]> {
      const settings = deps.settings();
      const info = deps.session.info();
      if (!info) throw new SyncRequestError('auth', 'SIGNED_OUT', 'Not signed in to Salesforce.');
      const records = await deps.api.query(leadsQuery(settings, info.userId, cursor, collectionLimit), signal);
      return records.map((r) => toCrmLead(r, settings));
    },
    async answersSince(cursor: PullCursor | null, signal: AbortSignal): Promise<CrmAnswer[]> {
      const settings = deps.settings();
      const info = deps.session.info();
      if (!info) throw new SyncRequestError('auth', 'SIGNED_OUT', 'Not signed in to Salesforce.');
      const soql = answersQuery(settings, info.userId, cursor, collectionLimit);
      if (soql === null) return [];
      const records = await deps.api.query(soql, signal);
      return records.map((r) => toCrmAnswer(r, settings));
    },
    async phoneCallsSince(cursor: PullCursor | null, signal: AbortSignal): Promise<CrmPhoneCall[]> {
      const settings = deps.settings();
      const info = deps.session.info();
      if (!info) throw new SyncRequestError('auth', 'SIGNED_OUT', 'Not signed in to Salesforce.');
      const records = await deps.api.query(phoneTasksQuery(settings, info.userId, cursor, collectionLimit), signal);
      // A Task on a Contact (the Lead was converted, by Koma's handoff or in Salesforce) belongs to
      // the Koma lead of the Lead it was converted from: one more query per page that has any.
      // Key prefix 003 is Contact (Object Reference, Object Identifiers / key prefixes).
      const contacts = [...new Set(records.map((r) => text(r, 'WhoId')).filter((id): id is string => id !== null && id.startsWith('003')))];
      const convertedFrom = new Map<string, string>();
      if (contacts.length > 0) {
        for (const r of await deps.api.query(convertedFromQuery(contacts), signal)) convertedFrom.set(String(r.ConvertedContactId), String(r.Id));
      }
      return records.map((r) => toCrmPhoneCall(r, convertedFrom));
    },
  };

  return {
    name: 'salesforce',
    maxBatch: collectionLimit,
    ready: async () => deps.session.signedIn(),
    send,
    pull,
    setupCheck: (signal, now) => checkSalesforceSetup(deps.api, deps.settings(), signal, now),
    quota: () => deps.meter.snapshot(),
    team: createSalesforceTeamReader(deps.api, deps.settings),
    forgetSchema: () => {
      describes.clear();
      convertedStatus = null;
    },
  };
}

function resolve(fields: Record<string, FieldValue>, ids: Map<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, isRef(value) ? (ids.get(value.$ref) ?? null) : value]));
}

/** The Lead fields as written, without the keys that identify the record. */
function leadEcho(leadId: string, crmId: string, record: Record<string, unknown>, settings: SalesforceSettings): LeadEcho {
  const fields = { ...record };
  delete fields.Id;
  delete fields[settings.externalIdField];
  return { leadId, crmId, fields };
}

function text(record: Record<string, unknown>, field: string | null): string | null {
  if (field === null) return null;
  const value = record[field];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function toCrmLead(r: Record<string, unknown>, s: SalesforceSettings): CrmLead {
  return {
    crmId: String(r.Id),
    komaId: text(r, s.externalIdField),
    firstName: text(r, 'FirstName'),
    lastName: text(r, 'LastName'),
    company: text(r, 'Company'),
    title: text(r, 'Title'),
    email: text(r, 'Email'),
    phone: text(r, 'Phone'),
    status: text(r, 'Status'),
    recycleReason: text(r, s.lead.fields.recycleReason),
    recycleUntil: text(r, s.lead.fields.recycleUntil),
    excludeReason: text(r, s.lead.fields.excludeReason),
    doNotCall: r.DoNotCall === true,
    modstamp: new Date(String(r.SystemModstamp)).toISOString(),
  };
}

function toCrmPhoneCall(r: Record<string, unknown>, convertedFrom: Map<string, string>): CrmPhoneCall {
  const whoId = text(r, 'WhoId');
  const callType = text(r, 'CallType');
  const duration = r.CallDurationInSeconds;
  return {
    crmId: String(r.Id),
    whoId,
    convertedFromLeadId: whoId ? (convertedFrom.get(whoId) ?? null) : null,
    createdAt: new Date(String(r.CreatedDate)).toISOString(),
    durationSec: typeof duration === 'number' && Number.isInteger(duration) && duration >= 0 ? duration : null,
    direction: callType === 'Outbound' ? 'outbound' : callType === 'Inbound' ? 'inbound' : null,
    result: text(r, 'CallDisposition'),
    description: text(r, 'Description'),
    modstamp: new Date(String(r.SystemModstamp)).toISOString(),
  };
}

function toCrmAnswer(r: Record<string, unknown>, s: SalesforceSettings): CrmAnswer {
  const raw = text(r, s.opportunity.fields.fieldState);
  const states = s.opportunity.fieldStates;
  const fieldState = raw === states.accepted ? 'accepted' : raw === states.meeting_held ? 'meeting_held' : raw === states.rejected ? 'rejected' : null;
  return {
    crmId: String(r.Id),
    handoffId: String(r[s.externalIdField]),
    fieldState,
    fieldReason: text(r, s.opportunity.fields.fieldReason),
    modstamp: new Date(String(r.SystemModstamp)).toISOString(),
  };
}
