import { describe, expect, it } from 'vitest';
import { companyNameKey, emailKey, leadSearchText, phoneKey, searchKey } from '../../shared/domain/normalize';

describe('phoneKey', () => {
  it.each<[string | null, string | null]>([
    ['03-1234-5678', '0312345678'],
    ['０３－１２３４－５６７８', '0312345678'],
    ['(03) 1234 5678', '0312345678'],
    ['+81 3-1234-5678', '0312345678'],
    ['090-0000-1111', '09000001111'],
    ['内線 12', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, expected) => expect(phoneKey(input)).toBe(expected));
});

describe('emailKey', () => {
  it.each<[string | null, string | null]>([
    [' Taro.Yamada@Example.co.jp ', 'taro.yamada@example.co.jp'],
    ['ＴＡＲＯ@example.com', 'taro@example.com'],
    ['   ', null],
    [null, null],
  ])('%s → %s', (input, expected) => expect(emailKey(input)).toBe(expected));
});

describe('companyNameKey', () => {
  it.each([
    ['株式会社 サクラテック', '株式会社サクラテック'],
    ['株式会社　サクラテック', '株式会社サクラテック'],
    ['ＡＢＣ Trading', 'abctrading'],
    ['ｻｸﾗﾃｯｸ', 'サクラテック'],
  ])('%s → %s', (input, expected) => expect(companyNameKey(input)).toBe(expected));
});

describe('searchKey and leadSearchText', () => {
  const text = leadSearchText({ companyName: '株式会社サクラテック', fullName: '山田 太郎', phone: '03-1234-5678', email: 'Taro@example.co.jp' });
  it.each([
    ['山田太郎', true],
    ['山田　太郎', true],
    ['サクラ', true],
    ['ｻｸﾗ', true],
    ['1234-5678', true],
    ['０３１２３４', true],
    ['taro@', true],
    ['TARO', true],
    ['鈴木', false],
  ])('search %s finds it: %s', (term, found) => expect(text.includes(searchKey(term))).toBe(found));
});
