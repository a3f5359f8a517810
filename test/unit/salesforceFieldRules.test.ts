import { describe, expect, it } from 'vitest';
import type { ObjectDescribe } from '../../electron/backend/sync/salesforce/describe';
import { prepareRecord, problemMessage, type Prepared } from '../../electron/backend/sync/salesforce/fieldRules';

const f = (name: string, over: Partial<ObjectDescribe['fields'][number]> = {}): ObjectDescribe['fields'][number] => ({
  name,
  type: 'string',
  length: 255,
  createable: true,
  updateable: true,
  nillable: true,
  defaultedOnCreate: false,
  externalId: false,
  restrictedPicklist: false,
  picklistValues: [],
  referenceTo: [],
  ...over,
});

const opportunity: ObjectDescribe = {
  name: 'Opportunity',
  createable: true,
  updateable: true,
  fields: [
    f('Koma_Id__c', { length: 100, externalId: true }),
    f('Name', { length: 120 }),
    f('ContactId', { type: 'reference', updateable: false }),
    f('StageName', { type: 'picklist', restrictedPicklist: true, picklistValues: [{ value: 'Qualification', active: true }, { value: 'Old', active: false }] }),
    f('Description', { type: 'textarea', length: 10 }),
    f('Email__c', { type: 'email', length: 5 }),
    f('IsClosed', { type: 'boolean', createable: false, updateable: false }),
  ],
};

describe('prepareRecord: one rule per field property, from the describe', () => {
  it.each<[string, Record<string, unknown>, 'upsert' | 'update', Prepared]>([
    ['createable and updateable: always sent', { Koma_Id__c: 'h1', Name: 'A' }, 'upsert', { ok: true, record: { fields: { Koma_Id__c: 'h1', Name: 'A' }, createOnly: {} } }],
    ['create-only: kept for the create step', { Koma_Id__c: 'h1', ContactId: '003x' }, 'upsert', { ok: true, record: { fields: { Koma_Id__c: 'h1' }, createOnly: { ContactId: '003x' } } }],
    ['create-only on an update by Id: left out', { Id: '006x', ContactId: '003x', Name: 'B' }, 'update', { ok: true, record: { fields: { Id: '006x', Name: 'B' }, createOnly: {} } }],
    ['text longer than the field: clipped', { Koma_Id__c: 'h1', Description: 'あいうえおかきくけこさ' }, 'upsert', { ok: true, record: { fields: { Koma_Id__c: 'h1', Description: 'あいうえおかきくけ…' }, createOnly: {} } }],
    ['an email is never clipped', { Koma_Id__c: 'h1', Email__c: 'a@b.jp' }, 'upsert', { ok: true, record: { fields: { Koma_Id__c: 'h1', Email__c: 'a@b.jp' }, createOnly: {} } }],
    ['a restricted picklist value the org has', { Koma_Id__c: 'h1', StageName: 'Qualification' }, 'upsert', { ok: true, record: { fields: { Koma_Id__c: 'h1', StageName: 'Qualification' }, createOnly: {} } }],
    ['a field the org lacks', { Koma_Id__c: 'h1', Koma_Need__c: 'x' }, 'upsert', { ok: false, problem: { kind: 'missing', sobject: 'Opportunity', field: 'Koma_Need__c' } }],
    ['a read-only field', { Koma_Id__c: 'h1', IsClosed: true }, 'upsert', { ok: false, problem: { kind: 'readOnly', sobject: 'Opportunity', field: 'IsClosed' } }],
    ['an inactive picklist value', { Koma_Id__c: 'h1', StageName: 'Old' }, 'upsert', { ok: false, problem: { kind: 'picklist', sobject: 'Opportunity', field: 'StageName', value: 'Old' } }],
  ])('%s', (_, record, mode, expected) => {
    expect(prepareRecord(opportunity, record, mode, mode === 'update' ? 'Id' : 'Koma_Id__c')).toEqual(expected);
  });

  it('refuses an upsert keyed by a field that is not an external id', () => {
    expect(prepareRecord({ ...opportunity, fields: opportunity.fields.map((x) => ({ ...x, externalId: false })) }, { Koma_Id__c: 'h1' }, 'upsert', 'Koma_Id__c')).toEqual({
      ok: false,
      problem: { kind: 'missing', sobject: 'Opportunity', field: 'Koma_Id__c' },
    });
  });

  it('refuses every record of an object the rep may not create', () => {
    expect(prepareRecord({ ...opportunity, createable: false }, { Koma_Id__c: 'h1' }, 'upsert', 'Koma_Id__c')).toEqual({ ok: false, problem: { kind: 'object', sobject: 'Opportunity' } });
  });

  it('names each problem in plain words with where to look', () => {
    expect(problemMessage({ kind: 'missing', sobject: 'Opportunity', field: 'Koma_Budget_Status__c' })).toBe(
      'Opportunity has no field Koma_Budget_Status__c: ask your Salesforce admin to create it — see Settings → CRM connection → Setup check.',
    );
  });
});
