import { z } from 'zod';
import { SyncRequestError } from '../types';
import type { RecordError, SalesforceApi } from './api';
import { element, envelope, soapBody } from './soapXml';

/**
 * convertLead() of the SOAP API (Partner WSDL), the lead conversion available to API clients:
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_convertlead.htm
 * One LeadConvert per lead; the results come back in the same order (LeadConvertResult).
 */
export interface LeadConvert {
  leadId: string;
  /** A LeadStatus value with IsConverted = true. */
  convertedStatus: string;
  /** Merge into this Account instead of creating one. */
  accountId: string | null;
  opportunityName: string;
  ownerId: string | null;
}

export type LeadConvertResult =
  | { success: true; leadId: string; accountId: string; contactId: string; opportunityId: string }
  | { success: false; leadId: string | null; errors: RecordError[] };

/** convertLead takes at most this many leads a call (the SOAP API's per-call array limit for it). */
export const convertLimit = 100;

const text = z.string().min(1);
const resultSchema = z.object({
  success: z.enum(['true', 'false']),
  leadId: z.string().optional(),
  accountId: z.string().optional(),
  contactId: z.string().optional(),
  opportunityId: z.string().optional(),
  errors: z
    .array(z.object({ statusCode: z.string().default('UNKNOWN'), message: z.string().default(''), fields: z.array(z.string()).optional() }))
    .default([]),
});

function leadConvertXml(c: LeadConvert): string {
  // The elements in the order of the LeadConvert complex type.
  return (
    '<urn:leadConverts>' +
    element('accountId', c.accountId) +
    element('convertedStatus', c.convertedStatus) +
    element('doNotCreateOpportunity', false) +
    element('leadId', c.leadId) +
    element('opportunityName', c.opportunityName) +
    element('overwriteLeadSource', false) +
    element('ownerId', c.ownerId) +
    element('sendNotificationEmail', false) +
    '</urn:leadConverts>'
  );
}

export async function convertLeads(api: SalesforceApi, converts: readonly LeadConvert[], signal: AbortSignal): Promise<LeadConvertResult[]> {
  const answer = await api.soap((sessionId) => envelope(sessionId, `<urn:convertLead>${converts.map(leadConvertXml).join('')}</urn:convertLead>`), signal);
  const response = soapBody(answer)?.convertLeadResponse as { result?: unknown[] } | undefined;
  const results = response?.result;
  if (!Array.isArray(results) || results.length !== converts.length) {
    // The conversion may have happened: the retry reads the lead first and finds it converted.
    throw new SyncRequestError('transient', 'BAD_RESPONSE', `Salesforce answered convertLead with ${Array.isArray(results) ? results.length : 'no'} results for ${converts.length} leads`);
  }
  return results.map((raw) => {
    const r = resultSchema.safeParse(raw);
    if (!r.success) return { success: false, leadId: null, errors: [{ statusCode: 'BAD_RESPONSE', message: 'Salesforce answered convertLead with an unreadable result' }] };
    const ids = z.object({ accountId: text, contactId: text, opportunityId: text, leadId: text }).safeParse(r.data);
    if (r.data.success === 'true' && ids.success) return { success: true, ...ids.data };
    return { success: false, leadId: r.data.leadId ?? null, errors: r.data.errors.length > 0 ? r.data.errors : [{ statusCode: 'UNKNOWN', message: 'Salesforce did not convert the lead and gave no reason' }] };
  });
}
