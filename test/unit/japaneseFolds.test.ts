import { describe, expect, it } from 'vitest';
import { corporateNumberCheckDigit, parseCorporateNumber } from '../../shared/domain/company/corporateNumber';
import { spellOutLegalForms } from '../../shared/domain/company/legalForm';
import { companyNameKey, leadSearchText, personNameKey, searchKey } from '../../shared/domain/normalize';
import { foldItaiji } from '../../shared/domain/text/itaiji';
import { foldKanaForSearch, hiraganaToKatakana } from '../../shared/domain/text/kanaFold';

describe('foldItaiji', () => {
  it.each([
    ['髙橋', '高橋'],
    ['山﨑', '山崎'],
    ['嵜本', '崎本'],
    ['齋藤', '斎藤'],
    ['齊藤', '斎藤'],
    ['渡邊', '渡辺'],
    ['渡邉', '渡辺'],
    ['濵田', '浜田'],
    ['德永', '徳永'],
    ['𠮷田', '吉田'],
    ['高橋', '高橋'],
  ])('%s → %s', (input, expected) => expect(foldItaiji(input)).toBe(expected));
});

describe('kana folds', () => {
  it.each([
    ['はせがわ', 'ハセガワ'],
    ['ゝゞ', 'ヽヾ'],
    ['ハセガワ', 'ハセガワ'],
    ['abc', 'abc'],
  ])('hiraganaToKatakana %s → %s', (input, expected) => expect(hiraganaToKatakana(input)).toBe(expected));
  it.each([
    ['コンピューター', 'コンピユタ'],
    ['コンピュータ', 'コンピユタ'],
    ['きゃのん', 'キヤノン'],
    ['キヤノン', 'キヤノン'],
    ['すずらん', 'スズラン'],
  ])('foldKanaForSearch %s → %s', (input, expected) => expect(foldKanaForSearch(input)).toBe(expected));
});

describe('spellOutLegalForms', () => {
  it.each([
    ['㈱見本精機', '株式会社見本精機'],
    ['(株)見本精機', '株式会社見本精機'],
    ['（株）見本精機', '株式会社見本精機'],
    ['見本精機㈱', '見本精機株式会社'],
    ['㈲山田商店', '有限会社山田商店'],
    ['(有)山田商店', '有限会社山田商店'],
    ['(同)見本', '合同会社見本'],
    ['(一社)日本見本協会', '一般社団法人日本見本協会'],
    ['(医)見本会', '医療法人見本会'],
    ['(特非)見本', '特定非営利活動法人見本'],
    ['見本(東京)', '見本(東京)'],
  ])('%s → %s', (input, expected) => expect(spellOutLegalForms(input)).toBe(expected));
});

describe('companyNameKey: the same company however its legal form is written', () => {
  it.each([
    ['株式会社見本精機', '㈱見本精機', true],
    ['株式会社見本精機', '(株)見本精機', true],
    ['株式会社見本精機', '（株）見本精機', true],
    ['株式会社 見本精機', '株式会社　見本精機', true],
    ['株式会社ﾐﾎﾝ', '株式会社ミホン', true],
    ['有限会社山田商店', '㈲山田商店', true],
    ['有限会社山田商店', '(有)山田商店', true],
    ['合同会社見本', '(同)見本', true],
    ['一般社団法人見本協会', '(一社)見本協会', true],
    ['ＡＢＣ株式会社', 'abc㈱', true],
    // 前株 and 後株 are different names.
    ['株式会社見本精機', '見本精機株式会社', false],
    ['㈱見本精機', '見本精機㈱', false],
    ['株式会社見本精機', '有限会社見本精機', false],
    // Identity does not fold kanji variants.
    ['髙島屋株式会社', '高島屋株式会社', false],
  ])('%s vs %s: same %s', (a, b, same) => expect(companyNameKey(a) === companyNameKey(b)).toBe(same));
});

describe('personNameKey', () => {
  it.each([
    ['髙橋 太郎', '髙橋　太郎', true],
    ['髙橋太郎', '髙橋 太郎', true],
    ['髙橋 太郎', '山﨑 花子', false],
    ['ﾀｶﾊｼ', 'タカハシ', true],
  ])('%s vs %s: same %s', (a, b, same) => expect(personNameKey(a) === personNameKey(b)).toBe(same));
});

describe('parseCorporateNumber (財務省令第七十号 第二条)', () => {
  it.each<[string, string | null | false]>([
    ['4011001098993', '4011001098993'],
    ['7123456789012', '7123456789012'],
    ['2120901007402', '2120901007402'],
    ['４０１１００１０９８９９３', '4011001098993'],
    ['4-0110-0109-8993', '4011001098993'],
    ['', null],
    ['5011001098993', false],
    ['401100109899', false],
    ['0123456789012', false],
    ['40110010989931', false],
    ['abc', false],
  ])('%s → %s', (cell, expected) => {
    const parsed = parseCorporateNumber(cell);
    if (expected === false) expect(parsed.ok).toBe(false);
    else expect(parsed).toEqual({ ok: true, value: expected });
  });
  it('the check digit is 1 to 9', () => expect(corporateNumberCheckDigit('000000000000')).toBe(9));
});

describe('searchKey: what a rep types finds the lead', () => {
  const text = leadSearchText({
    companyName: '㈱見本精機',
    fullName: '髙橋 太郎',
    nameReading: 'タカハシ タロウ',
    companyReading: 'ミホンセイキ',
    phone: '03-0000-0000',
    email: 'takahashi@mihon.example.jp',
  });
  const other = leadSearchText({ companyName: 'スズラン商事', fullName: '山﨑 花子', nameReading: 'やまざき はなこ' });
  it.each([
    ['高橋', text, true],
    ['たかはし', text, true],
    ['ﾀｶﾊｼ', text, true],
    ['タカハシタロウ', text, true],
    ['みほんせいき', text, true],
    ['株式会社見本', text, true],
    ['(株)見本精機', text, true],
    ['03-0000', text, true],
    ['0300000000', text, true],
    ['すずらん', other, true],
    ['山崎', other, true],
    ['ヤマザキ', other, true],
    ['鈴木', text, false],
    ['すずらん', text, false],
  ])('%s', (term, haystack, found) => expect(haystack.includes(searchKey(term))).toBe(found));
});
