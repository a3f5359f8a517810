import { XMLParser } from 'fast-xml-parser';

/**
 * The SOAP API's XML, both ways: requests are written here with every value escaped; answers
 * (a result or a fault) are read with fast-xml-parser, namespace prefixes removed, so
 * `soapenv:Envelope/soapenv:Body/convertLeadResponse/result` reads as Envelope.Body.….
 */
const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => name === 'result' || name === 'errors' || name === 'fields' });

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A Partner API envelope around one call's body, with the session in the SessionHeader. */
export function envelope(sessionId: string, body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">' +
    `<soapenv:Header><urn:SessionHeader><urn:sessionId>${escapeXml(sessionId)}</urn:sessionId></urn:SessionHeader></soapenv:Header>` +
    `<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
  );
}

/** An element with text content, or nothing when the value is absent. */
export function element(name: string, value: string | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return `<urn:${name}>${escapeXml(String(value))}</urn:${name}>`;
}

export function parseXml(text: string): Record<string, unknown> | null {
  try {
    const parsed = parser.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The Body of a SOAP answer, or null when the text is not one. */
export function soapBody(text: string): Record<string, unknown> | null {
  const doc = parseXml(text);
  const body = (doc?.Envelope as Record<string, unknown> | undefined)?.Body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
}

/** A SOAP fault as Salesforce sends it: faultcode "sf:INVALID_SESSION_ID", faultstring the message. */
export function soapFault(text: string): { errorCode: string; message: string } | null {
  const fault = soapBody(text)?.Fault as Record<string, unknown> | undefined;
  if (!fault) return null;
  const code = String(fault.faultcode ?? 'UNKNOWN_EXCEPTION').replace(/^.*:/, '');
  return { errorCode: code, message: String(fault.faultstring ?? 'Salesforce answered with a SOAP fault') };
}
