import type { SalesforceSettings } from '../../../../shared/contract/sync';
import { classifyRecordError } from '../classify';
import type { FailureKind, ItemResult } from '../types';
import type { RecordError, SalesforceApi } from './api';
import type { DescribeCache } from './describe';
import { formatOrgProblem } from '../../../../shared/domain/sync/orgProblem';
import { prepareRecord, problemMessage } from './fieldRules';
import { convertLeads, convertLimit, type LeadConvert } from './leadConvert';
import { isRef, type ConvertPlan, type FieldValue } from './mapping';
import { soqlString } from './soql';

/** Records per query IN list and per sObject Collections request. */
const chunkSize = 200;

export interface ConversionDeps {
  api: SalesforceApi;
  describes: DescribeCache;
  settings: SalesforceSettings;
  signal: AbortSignal;
  /** The converted status for this session, read once (LeadStatus where IsConverted = true). */
  convertedStatus: () => Promise<string | null>;
  /** Told where each converted Lead went, so calls logged later name its Contact. */
  noteConverted?: (leadId: string, converted: { contactId: string; whatId: string }) => void;
}

interface LeadState {
  Id: string;
  IsConverted: boolean;
  ConvertedAccountId: string | null;
  ConvertedContactId: string | null;
  ConvertedOpportunityId: string | null;
}

interface Converted {
  accountId: string;
  contactId: string;
  opportunityId: string;
  /** The Account is Koma's to label with the company's id (new, or one without Koma's id). */
  labelAccount: boolean;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function failure(id: string, kind: FailureKind, code: string, message: string): ItemResult {
  return { id, ok: false, kind, code, message };
}

function fromErrors(id: string, what: string, errors: readonly RecordError[]): ItemResult {
  const first = errors[0] ?? { statusCode: 'UNKNOWN', message: 'Salesforce gave no reason' };
  const fields = first.fields && first.fields.length > 0 ? ` [${first.fields.join(', ')}]` : '';
  return failure(id, classifyRecordError(first.statusCode), first.statusCode, `${what}: ${first.statusCode}: ${first.message}${fields}`);
}

/**
 * Hands off by lead conversion, idempotently:
 * 1. reads each Lead (IsConverted and the Converted…Ids): a retry after a lost answer, or a
 *    correction, finds it converted and goes straight to step 4;
 * 2. looks for the Account to attach to: one with Koma's company id, else one of the same name;
 * 3. converts the rest with convertLead (the converted status from LeadStatus), creating the
 *    Opportunity;
 * 4. writes Koma's ids and the hearing onto the Opportunity and Contact by Id (and Koma's company
 *    id onto an Account that has none), under the org's field rules.
 * `plans` maps item id → plan; `leadIds` gives each plan's Lead Id (learned or just written).
 * Sets a result or an id (`ids`, by `Convert:<handoff id>`) for every plan it was given.
 */
export async function convertHandoffs(
  deps: ConversionDeps,
  plans: ReadonlyMap<string, ConvertPlan>,
  leadIdOf: (value: FieldValue) => string | null,
  ids: Map<string, string>,
  results: Map<string, ItemResult>,
): Promise<void> {
  const { api, settings, signal } = deps;
  const ext = settings.externalIdField;
  const leadIds = new Map<string, string>();
  for (const [id, plan] of plans) {
    const leadId = isRef(plan.lead) ? leadIdOf(plan.lead) : typeof plan.lead === 'string' ? plan.lead : null;
    if (leadId) leadIds.set(id, leadId);
    else if (!results.has(id)) results.set(id, failure(id, 'transient', 'NO_LEAD', 'The Lead was not written yet; it will be tried again.'));
  }
  if (leadIds.size === 0) return;

  // 1. The Leads as Salesforce has them now.
  const states = new Map<string, LeadState>();
  for (const part of chunks([...new Set(leadIds.values())], chunkSize)) {
    const rows = await api.query(
      `SELECT Id, IsConverted, ConvertedAccountId, ConvertedContactId, ConvertedOpportunityId FROM Lead WHERE Id IN (${part.map(soqlString).join(', ')})`,
      signal,
    );
    for (const r of rows) states.set(String(r.Id), r as unknown as LeadState);
  }
  const converted = new Map<string, Converted>();
  const toConvert: [string, ConvertPlan, string][] = [];
  for (const [id, leadId] of leadIds) {
    const state = states.get(leadId);
    if (!state) {
      results.set(id, failure(id, 'permanent', 'LEAD_NOT_FOUND', `The Lead ${leadId} is not in Salesforce any more (deleted or merged): hand it off again after checking it in Salesforce.`));
    } else if (state.IsConverted && state.ConvertedOpportunityId && state.ConvertedAccountId && state.ConvertedContactId) {
      converted.set(id, { accountId: state.ConvertedAccountId, contactId: state.ConvertedContactId, opportunityId: state.ConvertedOpportunityId, labelAccount: false });
    } else if (state.IsConverted) {
      results.set(id, failure(id, 'permanent', 'CONVERTED_WITHOUT_OPPORTUNITY', 'The Lead was converted in Salesforce without an Opportunity: create the Opportunity there, or ask field sales to.'));
    } else {
      toConvert.push([id, plans.get(id)!, leadId]);
    }
  }

  if (toConvert.length > 0) {
    // Conversion needs create and edit on Account, Contact and Opportunity (convertLead()): named
    // for the admin before asking Salesforce.
    for (const sobject of ['Account', 'Contact', 'Opportunity']) {
      const d = await deps.describes.describe(sobject, signal);
      if (d.createable && d.updateable) continue;
      for (const [id] of toConvert) results.set(id, failure(id, 'permanent', 'ORG_SETUP', problemMessage({ kind: 'object', sobject })));
      toConvert.length = 0;
      break;
    }
    // 2. The converted status and the Accounts to attach to.
    const status = toConvert.length > 0 ? await deps.convertedStatus() : '';
    if (status === null) {
      for (const [id] of toConvert) results.set(id, failure(id, 'permanent', 'ORG_SETUP', formatOrgProblem({ kind: 'convertedStatus' })));
      toConvert.length = 0;
    }
    const accounts = toConvert.length > 0 ? await matchAccounts(deps, toConvert.map(([, p]) => p)) : new Map<string, { id: string; label: boolean }>();

    // 3. Convert. Leads of a company without an Account go in rounds: the first creates the
    // Account, the others of that company merge into it, so a company never gets two.
    let pending = toConvert;
    while (pending.length > 0) {
      const round: typeof toConvert = [];
      const later: typeof toConvert = [];
      const creating = new Set<string>();
      for (const entry of pending) {
        const company = entry[1].companyId;
        if (accounts.has(company) || !creating.has(company)) {
          if (!accounts.has(company)) creating.add(company);
          round.push(entry);
        } else {
          later.push(entry);
        }
      }
      for (const part of chunks(round, convertLimit)) {
        const requests: LeadConvert[] = part.map(([, p, leadId]) => ({
          leadId,
          convertedStatus: status!,
          accountId: accounts.get(p.companyId)?.id ?? null,
          opportunityName: p.opportunityName,
          ownerId: p.ownerId,
        }));
        const answers = await convertLeads(api, requests, signal);
        answers.forEach((answer, n) => {
          const [id, p] = part[n]!;
          if (answer.success) {
            const match = accounts.get(p.companyId);
            converted.set(id, { accountId: answer.accountId, contactId: answer.contactId, opportunityId: answer.opportunityId, labelAccount: !match || match.label });
            // The company's Account now exists (and this conversion labels it, if anyone does).
            accounts.set(p.companyId, { id: answer.accountId, label: false });
          } else if (answer.errors.some((e) => e.statusCode === 'CANNOT_UPDATE_CONVERTED_LEAD')) {
            // Converted meanwhile (a repeated request, or someone in Salesforce): the next try reads
            // the Lead, finds it converted and goes on from its Converted…Ids.
            results.set(id, failure(id, 'transient', 'ALREADY_CONVERTED', 'The Lead was converted meanwhile; Koma finishes the handoff on the next try.'));
          } else {
            results.set(id, fromErrors(id, 'Lead conversion', answer.errors));
          }
        });
      }
      pending = later;
    }
  }

  for (const [id, c] of converted) deps.noteConverted?.(leadIds.get(id)!, { contactId: c.contactId, whatId: c.opportunityId });

  // 4. Koma's ids and the hearing, by Id.
  await label(deps, plans, converted, ids, results, ext);
}

/** Per company: the Account to merge into, and whether it may take Koma's company id. */
async function matchAccounts(deps: ConversionDeps, plans: readonly ConvertPlan[]): Promise<Map<string, { id: string; label: boolean }>> {
  const ext = deps.settings.externalIdField;
  const matches = new Map<string, { id: string; label: boolean }>();
  const companies = [...new Map(plans.map((p) => [p.companyId, p])).values()];
  for (const part of chunks(companies, chunkSize / 2)) {
    const rows = await deps.api.query(
      `SELECT Id, Name, ${ext} FROM Account WHERE ${ext} IN (${part.map((p) => soqlString(p.companyId)).join(', ')}) OR Name IN (${part.map((p) => soqlString(p.companyName)).join(', ')}) ORDER BY CreatedDate, Id`,
      deps.signal,
    );
    for (const p of part) {
      const byKoma = rows.find((r) => r[ext] === p.companyId);
      const byName = rows.find((r) => r.Name === p.companyName);
      const found = byKoma ?? byName;
      if (found) matches.set(p.companyId, { id: String(found.Id), label: byKoma === undefined && (found[ext] === null || found[ext] === undefined) });
    }
  }
  return matches;
}

async function label(
  deps: ConversionDeps,
  plans: ReadonlyMap<string, ConvertPlan>,
  converted: ReadonlyMap<string, Converted>,
  ids: Map<string, string>,
  results: Map<string, ItemResult>,
  ext: string,
): Promise<void> {
  const writes: { itemId: string; sobject: string; record: Record<string, unknown> }[] = [];
  const described = new Map<string, Awaited<ReturnType<DescribeCache['describe']>>>();
  for (const sobject of ['Opportunity', 'Contact', 'Account']) described.set(sobject, await deps.describes.describe(sobject, deps.signal));
  for (const [id, c] of converted) {
    const p = plans.get(id)!;
    const records: [string, Record<string, unknown>][] = [
      ['Opportunity', { Id: c.opportunityId, [ext]: p.handoffId, ...p.opportunity }],
      ['Contact', { Id: c.contactId, [ext]: p.leadId, ...p.contact }],
      ...(c.labelAccount ? ([['Account', { Id: c.accountId, [ext]: p.companyId }]] as [string, Record<string, unknown>][]) : []),
    ];
    const prepared = records.map(([sobject, record]) => ({ sobject, p: prepareRecord(described.get(sobject)!, record, 'update', 'Id') }));
    const problem = prepared.find((x) => !x.p.ok);
    if (problem && !problem.p.ok) {
      results.set(id, failure(id, 'permanent', 'ORG_SETUP', problemMessage(problem.p.problem)));
      continue;
    }
    for (const x of prepared) if (x.p.ok) writes.push({ itemId: id, sobject: x.sobject, record: { attributes: { type: x.sobject }, ...x.p.record.fields } });
  }
  // Grouped by object: a mixed request is processed in chunks of consecutive records of one type,
  // at most 10 a request (sObject Collections, update), so interleaving Opportunity, Contact and
  // Account per lead would be refused past three leads.
  const order = ['Opportunity', 'Contact', 'Account'];
  writes.sort((a, b) => order.indexOf(a.sobject) - order.indexOf(b.sobject));
  const failed = new Map<string, ItemResult>();
  for (const part of chunks(writes, chunkSize)) {
    const saved = await deps.api.updateMixed(part.map((w) => w.record), deps.signal);
    saved.forEach((r, n) => {
      const w = part[n]!;
      if (!r.success && !failed.has(w.itemId)) failed.set(w.itemId, fromErrors(w.itemId, w.sobject, r.errors));
    });
  }
  for (const [id, c] of converted) {
    if (results.has(id)) continue;
    const f = failed.get(id);
    if (f) results.set(id, f);
    else ids.set(`Convert:${plans.get(id)!.handoffId}`, c.opportunityId);
  }
}

/** The converted status: the first LeadStatus value with IsConverted = true, null when the org has none. */
export async function readConvertedStatus(api: SalesforceApi, signal: AbortSignal): Promise<string | null> {
  const rows = await api.query('SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true ORDER BY SortOrder LIMIT 1', signal);
  const value = rows[0]?.MasterLabel;
  return typeof value === 'string' && value.length > 0 ? value : null;
}

