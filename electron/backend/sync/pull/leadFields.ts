import { excludeReasons, recycleReasons } from '../../../../shared/contract/calls';
import type { LeadStatus } from '../../../../shared/contract/leads';
import type { LeadRef } from '../lookups';
import { leadIdentity } from '../salesforce/mapping';
import type { CrmLead, LeadMapped } from '../types';
import { joinPersonName } from '../../../../shared/domain/personName';

/** A lead in the CRM's terms: field API name → value. What a pull compares. */
export type RawLead = Record<string, string | boolean | null>;

/** A lead in Koma's terms, as a pull would write it. */
export interface KomaLeadFields {
  lastName: string | null;
  firstName: string | null;
  fullName: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  companyName: string;
  status: LeadStatus;
  recycleReason: string | null;
  recycleUntil: string | null;
  excludeReason: string | null;
  doNotCall: boolean;
}

export interface LocalLead extends Omit<LeadRef, 'unsynced'> {
  status: LeadStatus;
  recycleReason: string | null;
  recycleUntil: string | null;
  excludeReason: string | null;
  doNotCall: boolean;
}

function reasonFields(s: LeadMapped): [string | null, string | null, string | null] {
  return [s.lead.fields.recycleReason, s.lead.fields.recycleUntil, s.lead.fields.excludeReason];
}

/** Blank is absent; a datetime compares by instant, however Salesforce spelled it. */
export function normalise(field: string, value: unknown, s: LeadMapped): string | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  const text = String(value).trim();
  if (text.length === 0) return null;
  if (field === s.lead.fields.recycleUntil) {
    const at = Date.parse(text);
    return Number.isNaN(at) ? text : new Date(at).toISOString();
  }
  return text;
}

function withReasons(s: LeadMapped, base: Record<string, unknown>, reasons: [unknown, unknown, unknown]): RawLead {
  const [rr, ru, er] = reasonFields(s);
  const all: Record<string, unknown> = { ...base };
  if (rr) all[rr] = reasons[0];
  if (ru) all[ru] = reasons[1];
  if (er) all[er] = reasons[2];
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, normalise(k, v, s)]));
}

/** How Koma would show this lead in the CRM (what it sends, had it sent everything). */
export function localRaw(lead: LocalLead, s: LeadMapped): RawLead {
  const identity = leadIdentity(lead);
  return withReasons(
    s,
    {
      LastName: identity.LastName ?? null,
      FirstName: identity.FirstName ?? null,
      Company: identity.Company ?? null,
      Title: identity.Title ?? null,
      Email: identity.Email ?? null,
      Phone: identity.Phone ?? null,
      Status: s.lead.statuses[lead.status],
      DoNotCall: lead.doNotCall,
    },
    [lead.recycleReason, lead.recycleUntil, lead.excludeReason],
  );
}

export function crmRaw(crm: CrmLead, s: LeadMapped): RawLead {
  return withReasons(
    s,
    { LastName: crm.lastName, FirstName: crm.firstName, Company: crm.company, Title: crm.title, Email: crm.email, Phone: crm.phone, Status: crm.status, DoNotCall: crm.doNotCall },
    [crm.recycleReason, crm.recycleUntil, crm.excludeReason],
  );
}

/** Several Koma statuses may share one CRM value; a CRM value maps back to the first of these that uses it. */
const reversePreference: readonly LeadStatus[] = ['working', 'new', 'recycled', 'excluded', 'callback', 'qualified'];

function oneOf(value: string | null, allowed: readonly string[]): string | null {
  return value !== null && allowed.includes(value) ? value : null;
}

function instant(value: string | null): string | null {
  if (value === null) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/**
 * The CRM's lead in Koma's terms. A status value Koma's own status already maps to keeps Koma's
 * (working and callback may both be "Working"); an unknown value keeps Koma's too. Reasons come
 * from the mapped fields when the org has them, else stay as Koma knows them.
 */
export function komaFields(crm: CrmLead, local: LocalLead | null, s: LeadMapped): KomaLeadFields {
  const statuses = s.lead.statuses;
  let status: LeadStatus;
  if (local && (crm.status === null || statuses[local.status] === crm.status)) status = local.status;
  else status = reversePreference.find((k) => statuses[k] === crm.status) ?? local?.status ?? 'new';
  const keepLocal = local !== null && local.status === status;
  const name = joinPersonName(crm.lastName, crm.firstName);
  return {
    lastName: crm.lastName,
    firstName: crm.firstName,
    fullName: name.length > 0 ? name : (local?.fullName ?? '(no name)'),
    title: crm.title,
    email: crm.email,
    phone: crm.phone,
    companyName: crm.company ?? local?.companyName ?? '(no company)',
    status,
    recycleReason:
      status === 'recycled' ? (oneOf(crm.recycleReason, recycleReasons) ?? (keepLocal ? local.recycleReason : null) ?? 'other') : null,
    recycleUntil: status === 'recycled' ? (instant(crm.recycleUntil) ?? (keepLocal ? local.recycleUntil : null)) : null,
    excludeReason: status === 'excluded' ? (oneOf(crm.excludeReason, excludeReasons) ?? (keepLocal ? local.excludeReason : null) ?? 'other') : null,
    doNotCall: crm.doNotCall,
  };
}

/**
 * The fields the CRM changed since Koma last saw or wrote them. A field Koma never wrote on a Lead
 * it created holds the org's default: that is the base, not a change. With no base at all, the
 * CRM's value counts as a change where it differs from Koma's own.
 */
export function crmChanges(crm: RawLead, base: RawLead | null, local: RawLead): string[] {
  return Object.keys(crm).filter((field) => {
    if (!base) return crm[field] !== local[field];
    return field in base && crm[field] !== base[field];
  });
}
