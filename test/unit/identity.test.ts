import { describe, expect, it } from 'vitest';
import { autoMapHeaders, readingFieldOf } from '../../shared/domain/import/headerMapping';
import { decideIdentity, isMobileNumber, type PersonKeys, type StoredPerson } from '../../shared/domain/import/identity';
import { personNameKey } from '../../shared/domain/normalize';

function stored(id: string, name: string, email: string | null, phone: string | null = null): StoredPerson {
  return { id, full_name: name, name_key: personNameKey(name), email, email_key: email, phone_key: phone };
}
function row(name: string, email: string | null, phone: string | null = null): PersonKeys {
  return { nameKey: personNameKey(name), emailKey: email, phoneKey: phone };
}

const takahashi = stored('t', '髙橋 太郎', 'taro@x.jp', '0300000000');
const takahashiNoEmail = stored('t0', '髙橋 太郎', null, '0300000000');

describe('decideIdentity', () => {
  it.each<[string, PersonKeys, Parameters<typeof decideIdentity>[1], { kind: 'same' | 'new'; id?: string; switchboard: boolean; duplicates?: string[] }]>([
    ['same email at the company is the same person, whatever the name', row('Taro Takahashi', 'taro@x.jp'), { byEmail: takahashi, byPhone: [], byName: [] }, { kind: 'same', id: 't', switchboard: false }],
    ['same phone, different name and email: a switchboard, a new person', row('山﨑 花子', 'hanako@x.jp', '0300000000'), { byEmail: null, byPhone: [takahashi], byName: [] }, { kind: 'new', switchboard: true, duplicates: [] }],
    ['same phone, different name, no emails: a switchboard', row('山﨑 花子', null, '0300000000'), { byEmail: null, byPhone: [takahashiNoEmail], byName: [] }, { kind: 'new', switchboard: true, duplicates: [] }],
    ['same phone and same name: the same person', row('髙橋　太郎', null, '0300000000'), { byEmail: null, byPhone: [takahashiNoEmail], byName: [takahashiNoEmail] }, { kind: 'same', id: 't0', switchboard: false }],
    ['same phone, same name, stored email missing: the same person', row('髙橋 太郎', 'taro@x.jp', '0300000000'), { byEmail: null, byPhone: [takahashiNoEmail], byName: [takahashiNoEmail] }, { kind: 'same', id: 't0', switchboard: false }],
    ['same phone, same name, another email: not certain, a possible duplicate', row('髙橋 太郎', 'other@x.jp', '0300000000'), { byEmail: null, byPhone: [takahashi], byName: [takahashi] }, { kind: 'new', switchboard: true, duplicates: ['t'] }],
    ['same name, no phone, no emails: the same person', row('髙橋 太郎', null), { byEmail: null, byPhone: [], byName: [takahashiNoEmail] }, { kind: 'same', id: 't0', switchboard: false }],
    ['same name, different emails: a possible duplicate', row('髙橋 太郎', 'other@x.jp'), { byEmail: null, byPhone: [], byName: [takahashi] }, { kind: 'new', switchboard: false, duplicates: ['t'] }],
    ['nothing in common: a new person', row('渡邊 健', 'ken@x.jp', '0311111111'), { byEmail: null, byPhone: [], byName: [] }, { kind: 'new', switchboard: false, duplicates: [] }],
    ['a name that differs only by a kanji variant is a different name (identity is strict)', row('高橋 太郎', null), { byEmail: null, byPhone: [], byName: [] }, { kind: 'new', switchboard: false, duplicates: [] }],
  ])('%s', (_name, keys, candidates, expected) => {
    const decision = decideIdentity(keys, candidates);
    expect(decision.kind).toBe(expected.kind);
    expect(decision.switchboard).toBe(expected.switchboard);
    if (decision.kind === 'same') expect(decision.lead.id).toBe(expected.id);
    else expect(decision.possibleDuplicates).toEqual(expected.duplicates);
  });
});

describe('isMobileNumber', () => {
  it.each([
    ['09012345678', true],
    ['08012345678', true],
    ['07012345678', true],
    ['0312345678', false],
    ['0120123456', false],
  ])('%s → %s', (key, expected) => expect(isMobileNumber(key)).toBe(expected));
});

describe('readingFieldOf', () => {
  it.each([
    ['会社名（フリガナ）', 'companyReading'],
    ['会社名(カナ)', 'companyReading'],
    ['姓（フリガナ）', 'lastNameReading'],
    ['名（フリガナ）', 'firstNameReading'],
    ['ﾌﾘｶﾞﾅ', 'nameReading'],
    ['フリガナ', 'nameReading'],
    ['よみがな', 'nameReading'],
    ['氏名（ヨミ）', 'nameReading'],
    ['Last Name (Furigana)', 'lastNameReading'],
    ['Company Kana', 'companyReading'],
    ['姓', null],
    ['会社名', null],
    ['購読状況', null],
  ])('%s → %s', (header, expected) => expect(readingFieldOf(header)).toBe(expected));

  it('maps readings in any column order without taking them for the names', () => {
    expect(autoMapHeaders(['姓（フリガナ）', '名（フリガナ）', '姓', '名', '会社名（フリガナ）', '会社名'])).toMatchObject({
      lastNameReading: 0,
      firstNameReading: 1,
      lastName: 2,
      firstName: 3,
      companyReading: 4,
      companyName: 5,
    });
  });
});
