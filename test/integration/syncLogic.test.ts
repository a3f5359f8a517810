// The sync's pure rules, table-driven (no store, no network): backoff, error classes, headers,
// SOQL building, URL safety, the webhook signature, and how a CRM lead maps onto Koma's.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultSyncSettings, isSafeUrl, webhookSecretSchema } from '../../shared/contract/sync';
import { fullJitterDelay, retryDelay } from '../../electron/backend/sync/backoff';
import { classifyRecordError, classifyResponse } from '../../electron/backend/sync/classify';
import { parseRetryAfter } from '../../electron/backend/sync/http';
import { parseLimitInfo } from '../../electron/backend/sync/quota';
import { crmChanges, komaFields, type LocalLead } from '../../electron/backend/sync/pull/leadFields';
import { answersQuery, leadsQuery, soqlDateTime, soqlString } from '../../electron/backend/sync/salesforce/soql';
import { localDate } from '../../electron/backend/sync/salesforce/mapping';
import { maskSecret, signWebhook } from '../../electron/backend/sync/webhook/signature';
import type { CrmLead } from '../../electron/backend/sync/types';

const policy = { baseMs: 1_000, capMs: 60_000 };

describe('backoff with full jitter', () => {
  it.each([
    [1, 0.5, 500],
    [2, 0.5, 1_000],
    [3, 0.5, 2_000],
    [7, 0.5, 30_000],
    [8, 0.5, 30_000],
    [50, 0.999, 59_940],
    [3, 0, 0],
  ])('attempt %i with draw %f waits %i ms', (attempt, draw, expected) => {
    expect(fullJitterDelay(attempt, policy, () => draw)).toBe(expected);
  });

  it('never waits less than the server asked', () => {
    expect(retryDelay(1, policy, () => 0.5, 120_000)).toBe(120_000);
    expect(retryDelay(8, policy, () => 0.9, 1_000)).toBe(54_000);
  });
});

describe('error classes', () => {
  it.each([
    [200, null, true, 'ok'],
    [401, 'INVALID_SESSION_ID', true, 'auth'],
    [401, null, false, 'permanent'],
    [403, 'REQUEST_LIMIT_EXCEEDED', true, 'limit'],
    [403, 'INSUFFICIENT_ACCESS', true, 'permanent'],
    [400, 'INVALID_FIELD', true, 'permanent'],
    [404, 'NOT_FOUND', true, 'permanent'],
    [408, null, false, 'transient'],
    [429, null, false, 'transient'],
    [500, 'UNKNOWN_EXCEPTION', true, 'transient'],
    [503, 'SERVER_UNAVAILABLE', true, 'transient'],
  ] as const)('HTTP %i %s (refreshable: %s) is %s', (status, code, refreshable, expected) => {
    expect(classifyResponse(status, code, refreshable)).toBe(expected);
  });

  it.each([
    ['UNABLE_TO_LOCK_ROW', 'transient'],
    ['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'transient'],
    ['FIELD_CUSTOM_VALIDATION_EXCEPTION', 'permanent'],
    ['REQUIRED_FIELD_MISSING', 'permanent'],
    ['INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'permanent'],
    ['DUPLICATE_EXTERNAL_ID', 'permanent'],
  ])('record error %s is %s', (code, expected) => {
    expect(classifyRecordError(code)).toBe(expected);
  });
});

describe('headers', () => {
  const now = new Date('2025-04-07T00:00:00Z');
  it.each([
    ['120', 120_000],
    [' 5 ', 5_000],
    ['Mon, 07 Apr 2025 00:01:30 GMT', 90_000],
    ['Sun, 06 Apr 2025 00:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('Retry-After %s → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each([
    ['api-usage=25/15000', { used: 25, max: 15000 }],
    ['api-usage=10018/100000, per-app-api-usage=17/250(appName=sample)', { used: 10018, max: 100000 }],
    ['per-app-api-usage=17/250(appName=sample)', null],
    ['api-usage=1/0', null],
    [null, null],
  ])('Sforce-Limit-Info %s', (value, expected) => {
    expect(parseLimitInfo(value)).toEqual(expected);
  });
});

describe('SOQL', () => {
  it('escapes string literals and writes dateTimes unquoted at second precision', () => {
    expect(soqlString("O'Brien \\ Co")).toBe("'O\\'Brien \\\\ Co'");
    expect(soqlDateTime('2025-04-07T09:30:15.000Z')).toBe('2025-04-07T09:30:15Z');
  });

  it('builds the lead pull from the mapped fields, resuming after a cursor with ties broken by Id', () => {
    const s = defaultSyncSettings.salesforce;
    expect(leadsQuery(s, '005000000000001AAA', null, 200)).toBe(
      "SELECT Id, Koma_Id__c, FirstName, LastName, Company, Title, Email, Phone, Status, DoNotCall, SystemModstamp, Koma_Recycle_Reason__c, Koma_Recycle_Until__c, Koma_Exclude_Reason__c FROM Lead WHERE OwnerId = '005000000000001AAA' AND IsConverted = false ORDER BY SystemModstamp, Id LIMIT 200",
    );
    expect(leadsQuery(s, '005000000000001AAA', { modstamp: '2025-04-07T00:00:00.000Z', id: '00Q000000000001AAA' }, 200)).toContain(
      "AND (SystemModstamp > 2025-04-07T00:00:00Z OR (SystemModstamp = 2025-04-07T00:00:00Z AND Id > '00Q000000000001AAA'))",
    );
    expect(leadsQuery(s, '005000000000001AAA', { modstamp: '2025-04-07T00:00:00.000Z', id: '' }, 200)).toContain('AND SystemModstamp >= 2025-04-07T00:00:00Z ORDER BY');
    expect(() => leadsQuery(s, "x' OR Name != '", null, 200)).toThrow('Not a Salesforce Id');
  });

  it('skips the answer pull when the org maps no answer field', () => {
    const s = structuredClone(defaultSyncSettings.salesforce);
    expect(answersQuery(s, '005000000000001AAA', null, 200)).toMatch(/^SELECT Id, Koma_Id__c, Koma_Field_State__c, Koma_Field_Reason__c, SystemModstamp FROM Opportunity WHERE CreatedById = /);
    s.opportunity.fields.fieldState = null;
    expect(answersQuery(s, '005000000000001AAA', null, 200)).toBeNull();
  });
});

it.each([
  ['https://login.salesforce.com', true],
  ['https://hooks.example.co.jp/koma?x=1', true],
  ['http://127.0.0.1:8080/hook', true],
  ['http://[::1]:8080/hook', true],
  ['http://localhost:8080/hook', false],
  ['http://example.com/hook', false],
  ['https://user:pass@example.com/', false],
  ['javascript:alert(1)', false],
  ['not a url', false],
])('URL %s is safe: %s', (url, expected) => {
  expect(isSafeUrl(url)).toBe(expected);
});

describe('the webhook secret and signature', () => {
  const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
  it.each([
    [secret, true],
    [`whsec_${Buffer.alloc(16, 7).toString('base64')}`, false],
    ['whsec_not base64!', false],
    [Buffer.alloc(32, 7).toString('base64'), false],
  ])('%s is a valid secret: %s', (value, expected) => {
    expect(webhookSecretSchema.safeParse(value).success).toBe(expected);
  });

  it('signs "{id}.{timestamp}.{body}" with HMAC-SHA256 under the decoded key, as Standard Webhooks specifies', () => {
    const body = '{"a":1}';
    const expected = createHmac('sha256', Buffer.alloc(32, 7)).update(`msg_1.1712448000.${body}`).digest('base64');
    expect(signWebhook(secret, 'msg_1', 1712448000, body)).toBe(`v1,${expected}`);
    expect(maskSecret(secret)).toBe(`whsec_…${secret.slice(-4)}`);
  });
});

it.each([
  ['2025-04-06T15:30:00.000Z', 'Asia/Tokyo', '2025-04-07'],
  ['2025-04-06T14:30:00.000Z', 'Asia/Tokyo', '2025-04-06'],
  ['2025-04-06T23:30:00.000Z', 'America/Los_Angeles', '2025-04-06'],
])('the local date of %s in %s is %s', (instant, zone, date) => {
  expect(localDate(instant, zone)).toBe(date);
});

describe('a CRM lead in Koma terms', () => {
  const s = defaultSyncSettings.salesforce;
  const local: LocalLead = {
    leadId: 'l1',
    crmId: '00Q000000000001AAA',
    firstName: null,
    lastName: null,
    fullName: '山田 太郎',
    title: null,
    department: null,
    email: null,
    phone: '03-0000-0001',
    timeZone: 'Asia/Tokyo',
    companyId: 'c1',
    companyName: '株式会社サクラテック',
    status: 'callback',
    recycleReason: null,
    recycleUntil: null,
    excludeReason: null,
    doNotCall: false,
  };
  const crm = (patch: Partial<CrmLead>): CrmLead => ({
    crmId: '00Q000000000001AAA',
    komaId: null,
    firstName: '太郎',
    lastName: '山田',
    company: '株式会社サクラテック',
    title: null,
    email: null,
    phone: '03-0000-0001',
    status: 'Working',
    recycleReason: null,
    recycleUntil: null,
    excludeReason: null,
    doNotCall: false,
    modstamp: '2025-04-07T00:00:00.000Z',
    ...patch,
  });

  it.each([
    ['a status Koma maps to already keeps Koma’s (callback and working are both Working)', { status: 'Working' }, { status: 'callback' }],
    ['a new value maps back to the first Koma status using it', { status: 'New' }, { status: 'new' }],
    ['an unknown value keeps Koma’s', { status: 'Closed - Converted' }, { status: 'callback' }],
    ['excluded takes the mapped reason when it is one of Koma’s', { status: 'Unqualified', excludeReason: 'competitor' }, { status: 'excluded', excludeReason: 'competitor' }],
    ['excluded with an unknown reason becomes other', { status: 'Unqualified', excludeReason: 'spam' }, { status: 'excluded', excludeReason: 'other' }],
    ['recycled keeps its date', { status: 'Nurturing', recycleReason: 'timing', recycleUntil: '2025-07-01T00:00:00.000+0000' }, { status: 'recycled', recycleReason: 'timing', recycleUntil: '2025-07-01T00:00:00.000Z' }],
  ] as [string, Partial<CrmLead>, object][])('%s', (_case, patch, expected) => {
    expect(komaFields(crm(patch), local, s)).toMatchObject(expected);
  });

  it('names the lead family name first, as Japanese names are written', () => {
    expect(komaFields(crm({}), local, s).fullName).toBe('山田 太郎');
  });

  it.each([
    ['no base: every difference from Koma counts', null, ['Phone']],
    ['a field the CRM changed since the base counts', { Phone: '03-0000-0001', Status: 'Working' }, ['Phone']],
    ['a field unchanged since the base does not, even if Koma differs', { Phone: '03-9999-9999', Status: 'Working' }, []],
    ['a field Koma never wrote is the org’s default, not a change', { Status: 'Working' }, []],
  ] as [string, Record<string, string> | null, string[]][])('%s', (_case, base, expected) => {
    expect(crmChanges({ Phone: '03-9999-9999', Status: 'Working' }, base, { Phone: '03-0000-0001', Status: 'Working' })).toEqual(expected);
  });
});
