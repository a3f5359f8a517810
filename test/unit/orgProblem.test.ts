import { describe, expect, it } from 'vitest';
import { formatOrgProblem, readOrgProblem, type OrgProblem } from '../../shared/domain/sync/orgProblem';

describe('Koma’s own org problems: stored in English, read back for the rep’s language', () => {
  it.each<OrgProblem>([
    { kind: 'object', sobject: 'Opportunity' },
    { kind: 'missing', sobject: 'Opportunity', field: 'Koma_Budget_Status__c' },
    { kind: 'missing', sobject: 'Task', field: 'Koma_Id__c' },
    { kind: 'readOnly', sobject: 'Task', field: 'CallDisposition' },
    { kind: 'picklist', sobject: 'Lead', field: 'Status', value: 'Nurturing' },
    { kind: 'picklist', sobject: 'Opportunity', field: 'StageName', value: '商談化 "A" — 初回' },
    { kind: 'convertedStatus' },
  ])('%o round-trips', (problem) => {
    const text = formatOrgProblem(problem);
    expect(text).toMatch(/Setup check\.$/);
    expect(readOrgProblem(text)).toEqual(problem);
  });

  it.each([
    'Task: FIELD_CUSTOM_VALIDATION_EXCEPTION: 通話メモは必須です',
    'HTTP 503 Server unavailable',
    'Opportunity has no field Koma_Budget_Status__c',
    'Lead conversion: INSUFFICIENT_ACCESS_OR_READONLY: insufficient access rights on object id',
    '',
  ])('reads the CRM’s own words as no problem of Koma’s: %s', (message) => {
    expect(readOrgProblem(message)).toBeNull();
  });
});
