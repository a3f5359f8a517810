import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeRest, signInToFake } from '../fakes/fakeClient';
import { startFakeSalesforce, type FakeSalesforce } from '../fakes/fakeSalesforce';

/**
 * The strict fake refuses what Salesforce's documentation says Salesforce refuses (each rule cites
 * its page in test/fakes/fakeSalesforce.ts): spoken to over HTTP directly, as any client would, so
 * a rule that quietly stopped holding fails here and not only in Koma's own flows.
 */
let fake: FakeSalesforce;
let token: string;
const version = 'v67.0';

const signIn = () => signInToFake(fake);
const rest = (method: string, path: string, body?: unknown, contentType = 'application/json') => fakeRest(fake, token, method, path, body, contentType);

const firstError = (json: unknown) => (json as { errors: { statusCode: string; fields: string[] }[] }[])[0]!.errors[0]!;
const lead = (i: number, extra: Record<string, unknown> = {}) => ({ attributes: { type: 'Lead' }, Koma_Id__c: `lead-${i}`, LastName: `髙橋${i}`, Company: '株式会社見本精機', ...extra });

beforeAll(async () => {
  fake = await startFakeSalesforce();
  token = await signIn();
});
afterAll(async () => fake?.close());

describe('the fake Salesforce refuses what Salesforce refuses', () => {
  it('a REST write that is not JSON: 415, nothing stored', async () => {
    const answer = await rest('PATCH', 'composite/sobjects/Lead/Koma_Id__c', JSON.stringify({ records: [lead(1)] }), 'text/plain');
    expect(answer.status).toBe(415);
    expect(answer.json).toEqual([expect.objectContaining({ errorCode: 'UNSUPPORTED_MEDIA_TYPE' })]);
    expect(fake.findByExternalId('Lead', 'lead-1')).toEqual([]);
  });

  it('a token request that is not a form post', async () => {
    const answer = await fetch(`${fake.url}/services/oauth2/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ grant_type: 'refresh_token' }) });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('the REST API on the login host (the data lives on instance_url)', async () => {
    const answer = await fetch(`${fake.url}/services/data/${version}/limits`, { headers: { Authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(404);
  });

  it.each([
    ['upsert', 'composite/sobjects/Lead/Koma_Id__c', 201, (i: number) => lead(i)],
    ['update', 'composite/sobjects', 201, (i: number) => ({ attributes: { type: 'Lead' }, id: `00Q${String(i).padStart(15, '0')}`, Title: '部長' })],
  ])('an sObject Collections %s of more than 200 records: 400 EXCEEDED_ID_LIMIT', async (_, path, count, record) => {
    const answer = await rest('PATCH', path, { allOrNone: false, records: Array.from({ length: count }, (_x, i) => record(i)) });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual([expect.objectContaining({ errorCode: 'EXCEEDED_ID_LIMIT' })]);
  });

  it('a mixed update in more than 10 chunks of one type: 400; the same records grouped by type go through', async () => {
    const account = fake.insert('Account', { Name: '株式会社見本精機' });
    const contact = fake.insert('Contact', { LastName: '髙橋', AccountId: account });
    // Account, Contact, Account, Contact … : eleven chunks.
    const interleaved = Array.from({ length: 11 }, (_, i) =>
      i % 2 === 0 ? { attributes: { type: 'Account' }, Id: account, Phone: `03-0000-00${i}` } : { attributes: { type: 'Contact' }, Id: contact, Title: `課長${i}` },
    );
    const refused = await rest('PATCH', 'composite/sobjects', { allOrNone: false, records: interleaved });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual([expect.objectContaining({ errorCode: 'EXCEEDED_MAX_TYPES_LIMIT' })]);
    const grouped = [...interleaved].sort((a, b) => a.attributes.type.localeCompare(b.attributes.type));
    const accepted = await rest('PATCH', 'composite/sobjects', { allOrNone: false, records: grouped });
    expect(accepted.status).toBe(200);
    expect((accepted.json as { success: boolean }[]).every((r) => r.success)).toBe(true);
  });

  it.each([
    ['a value longer than the field (Lead.LastName is 80)', lead(2, { LastName: '髙'.repeat(81) }), 'STRING_TOO_LONG', ['LastName']],
    ['a value a restricted picklist lacks', lead(3, { Status: '商談化' }), 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', ['Status']],
    ['a required field left out', { attributes: { type: 'Lead' }, Koma_Id__c: 'lead-4', LastName: '山﨑' }, 'REQUIRED_FIELD_MISSING', ['Company']],
    ['a read-only field', lead(5, { IsConverted: true }), 'INVALID_FIELD_FOR_INSERT_UPDATE', ['IsConverted']],
    ['a record Id in an upsert', lead(6, { Id: '00Q000000000001AAA' }), 'INVALID_FIELD', ['Id']],
    ['a record without attributes.type', { Koma_Id__c: 'lead-7', LastName: '佐藤', Company: '㈱見本' }, 'INVALID_TYPE', []],
  ])('%s: the record fails, nothing stored', async (_, record, statusCode, fields) => {
    const answer = await rest('PATCH', 'composite/sobjects/Lead/Koma_Id__c', { allOrNone: false, records: [record] });
    expect(answer.status).toBe(200);
    expect(firstError(answer.json)).toMatchObject({ statusCode, fields });
    expect(fake.findByExternalId('Lead', String((record as { Koma_Id__c: string }).Koma_Id__c))).toEqual([]);
  });

  describe('a Task and a converted Lead', () => {
    const task = (id: string, fields: Record<string, unknown>) => ({ attributes: { type: 'Task' }, Koma_Id__c: id, Subject: 'Call', Status: 'Completed', ...fields });

    it('refuses a converted Lead as WhoId (CANNOT_UPDATE_CONVERTED_LEAD), and takes its Contact with the Opportunity', async () => {
      const account = fake.insert('Account', { Name: '北斗物流株式会社' });
      const contact = fake.insert('Contact', { LastName: '佐藤', AccountId: account });
      const opportunity = fake.insert('Opportunity', { Name: '北斗物流 佐藤様', StageName: 'Qualification', CloseDate: '2025-06-30', AccountId: account });
      const converted = fake.insert('Lead', { LastName: '佐藤', Company: '北斗物流株式会社' });
      fake.update('Lead', converted, { IsConverted: true, ConvertedAccountId: account, ConvertedContactId: contact, ConvertedOpportunityId: opportunity });

      const refused = await rest('PATCH', 'composite/sobjects/Task/Koma_Id__c', { allOrNone: false, records: [task('call-1', { WhoId: converted })] });
      expect(firstError(refused.json)).toMatchObject({ statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD', fields: ['WhoId'] });
      expect(fake.findByExternalId('Task', 'call-1')).toEqual([]);

      const accepted = await rest('PATCH', 'composite/sobjects/Task/Koma_Id__c', { allOrNone: false, records: [task('call-1', { WhoId: contact, WhatId: opportunity })] });
      expect((accepted.json as { success: boolean }[])[0]!.success).toBe(true);
    });

    it('refuses a What on a Task whose Who is a Lead (FIELD_INTEGRITY_EXCEPTION)', async () => {
      const open = fake.insert('Lead', { LastName: '鈴木', Company: 'ツバキ物流株式会社' });
      const account = fake.insert('Account', { Name: 'ツバキ物流株式会社' });
      const answer = await rest('PATCH', 'composite/sobjects/Task/Koma_Id__c', { allOrNone: false, records: [task('call-2', { WhoId: open, WhatId: account })] });
      expect(firstError(answer.json)).toMatchObject({ statusCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['WhoId', 'WhatId'] });
    });
  });

  describe('the SOAP API', () => {
    const envelope = (body: string, session = token) =>
      `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com"><soapenv:Header><urn:SessionHeader><urn:sessionId>${session}</urn:sessionId></urn:SessionHeader></soapenv:Header><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
    const convert = (count: number) =>
      `<urn:convertLead>${Array.from({ length: count }, (_, i) => `<urn:leadConverts><urn:leadId>00Q${String(i).padStart(15, '0')}</urn:leadId><urn:convertedStatus>Qualified</urn:convertedStatus></urn:leadConverts>`).join('')}</urn:convertLead>`;
    const post = async (xml: string, headers: Record<string, string>) => {
      const response = await fetch(`${fake.instanceUrl}/services/Soap/u/67.0`, { method: 'POST', headers, body: xml });
      return { status: response.status, text: await response.text() };
    };

    it.each([
      ['not text/xml', { 'Content-Type': 'application/json', SOAPAction: '""' }, () => envelope(convert(1)), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['without SOAPAction', { 'Content-Type': 'text/xml; charset=utf-8' }, () => envelope(convert(1)), 500, 'INVALID_SOAP_HEADER'],
      ['with a session that is not one', { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '""' }, () => envelope(convert(1), 'forged'), 500, 'INVALID_SESSION_ID'],
      ['with more than 100 leads', { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '""' }, () => envelope(convert(101)), 500, 'EXCEEDED_ID_LIMIT'],
    ])('refuses a convertLead %s with a fault', async (_, headers, xml, status, code) => {
      const answer = await post(xml(), headers);
      expect(answer.status).toBe(status);
      expect(answer.text).toContain(`<faultcode>sf:${code}</faultcode>`);
    });
  });
});
