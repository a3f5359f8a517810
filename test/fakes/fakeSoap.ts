import { XMLParser } from 'fast-xml-parser';

/**
 * The SOAP side of the fake Salesforce: reads a Partner API request and writes answers and faults
 * the way the SOAP API Developer Guide shows them: the SOAP 1.1 envelope
 * (https://www.w3.org/TR/2000/NOTE-SOAP-20000508/), the SessionHeader carrying the session id
 * (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_header_sessionheader.htm),
 * a soapenv:Fault whose faultcode is sf:<ExceptionCode> for an error of the whole request, and a
 * per-record Error with a StatusCode otherwise (Core Data Types Used in API Calls:
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm),
 * and convertLead()'s LeadConvertResult
 * (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_convertlead.htm).
 */
const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => name === 'leadConverts' });

export interface SoapRequest {
  sessionId: string | null;
  call: string;
  body: Record<string, unknown>;
}

export function readSoap(text: string): SoapRequest | null {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  const env = doc.Envelope as Record<string, unknown> | undefined;
  const body = env?.Body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return null;
  const call = Object.keys(body)[0];
  if (!call) return null;
  const header = env?.Header as { SessionHeader?: { sessionId?: string } } | undefined;
  return { sessionId: header?.SessionHeader?.sessionId ?? null, call, body: (body[call] ?? {}) as Record<string, unknown> };
}

const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

export function soapFault(code: string, message: string): string {
  return envelope(`<soapenv:Fault><faultcode>sf:${escape(code)}</faultcode><faultstring>${escape(`${code}: ${message}`)}</faultstring></soapenv:Fault>`);
}

export type ConvertAnswer =
  | { success: true; leadId: string; accountId: string; contactId: string; opportunityId: string }
  | { success: false; leadId: string | null; statusCode: string; message: string; fields: string[] };

/** convertLeadResponse: one result per LeadConvert, in order (LeadConvertResult). */
export function convertLeadResponse(answers: readonly ConvertAnswer[]): string {
  const results = answers.map((a) =>
    a.success
      ? `<result><accountId>${a.accountId}</accountId><contactId>${a.contactId}</contactId><leadId>${a.leadId}</leadId><opportunityId>${a.opportunityId}</opportunityId><success>true</success></result>`
      : `<result><errors>${a.fields.map((f) => `<fields>${escape(f)}</fields>`).join('')}<message>${escape(a.message)}</message><statusCode>${escape(a.statusCode)}</statusCode></errors><leadId${a.leadId ? `>${a.leadId}</leadId>` : ' xsi:nil="true"/>'}<success>false</success></result>`,
  );
  return envelope(`<convertLeadResponse>${results.join('')}</convertLeadResponse>`);
}
