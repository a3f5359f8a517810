import { describe, expect, it } from 'vitest';
import { knownPairs, mappedPairs } from '../../electron/backend/sync/fieldPairs';
import { emailAddress, personName } from '../../electron/backend/sync/person';

describe('personName: the last name a CRM requires', () => {
  it.each([
    ['last and first name', { lastName: '髙橋', firstName: '﨑子', fullName: '髙橋 﨑子' }, { lastName: '髙橋', firstName: '﨑子' }],
    ['only the full name (one name column)', { lastName: null, firstName: null, fullName: '髙橋 﨑子' }, { lastName: '髙橋 﨑子', firstName: null }],
    ['a blank last name: the full name, and no first name beside it', { lastName: '　 ', firstName: '﨑子', fullName: '﨑子' }, { lastName: '﨑子', firstName: null }],
    ['a last name without a first name', { lastName: '佐藤', firstName: null, fullName: '佐藤' }, { lastName: '佐藤', firstName: null }],
  ])('%s', (_, ref, expected) => {
    expect(personName(ref)).toEqual(expected);
  });
});

describe('emailAddress', () => {
  it.each([
    ['sato@hokuto.co.jp', 'sato@hokuto.co.jp'],
    ['sato＠hokuto.co.jp', null],
    ['不明', null],
    ['', null],
    [null, null],
  ])('%s → %s', (email, expected) => {
    expect(emailAddress(email)).toBe(expected);
  });
});

describe('field pairs', () => {
  const pairs: [string | null, string | null][] = [
    ['役職', '課長'],
    ['メール', null],
    [null, '未設定の項目'],
  ];
  it('known: only mapped fields with a value', () => {
    expect(knownPairs(pairs)).toEqual([['役職', '課長']]);
  });
  it('mapped: every mapped field, an empty string clearing', () => {
    expect(mappedPairs(pairs)).toEqual([
      ['役職', '課長'],
      ['メール', ''],
    ]);
  });
});
