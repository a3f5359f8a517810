import { describe, expect, it } from 'vitest';
import { splitCompanyName, type CompanyNameParts } from '../../shared/domain/companyName';

describe('splitCompanyName', () => {
  it.each<[string, CompanyNameParts]>([
    ['株式会社サクラテック', { distinctive: 'サクラテック', legalForm: '株式会社', abbreviation: '(株)', position: 'before' }],
    ['サクラテック株式会社', { distinctive: 'サクラテック', legalForm: '株式会社', abbreviation: '(株)', position: 'after' }],
    ['株式会社　サクラテック', { distinctive: 'サクラテック', legalForm: '株式会社', abbreviation: '(株)', position: 'before' }],
    ['㈱サクラテック', { distinctive: 'サクラテック', legalForm: '㈱', abbreviation: '(株)', position: 'before' }],
    ['(株)サクラテック', { distinctive: 'サクラテック', legalForm: '(株)', abbreviation: '(株)', position: 'before' }],
    ['サクラテック（株）', { distinctive: 'サクラテック', legalForm: '（株）', abbreviation: '(株)', position: 'after' }],
    // Shown folded (NFKC): half-width kana and full-width letters as the list shows them elsewhere.
    ['ｻｸﾗﾃｯｸ㈱', { distinctive: 'サクラテック', legalForm: '㈱', abbreviation: '(株)', position: 'after' }],
    ['ＡＢＣ商事（有）', { distinctive: 'ABC商事', legalForm: '（有）', abbreviation: '(有)', position: 'after' }],
    ['一般財団法人 みらい', { distinctive: 'みらい', legalForm: '一般財団法人', abbreviation: '(一財)', position: 'before' }],
    ['社団法人 みらい', { distinctive: 'みらい', legalForm: '社団法人', abbreviation: '(社)', position: 'before' }],
    ['有限会社髙﨑商店', { distinctive: '髙﨑商店', legalForm: '有限会社', abbreviation: '(有)', position: 'before' }],
    ['㈲髙﨑商店', { distinctive: '髙﨑商店', legalForm: '㈲', abbreviation: '(有)', position: 'before' }],
    ['合同会社ヨツバ', { distinctive: 'ヨツバ', legalForm: '合同会社', abbreviation: '(同)', position: 'before' }],
    ['一般社団法人 日本データ協会', { distinctive: '日本データ協会', legalForm: '一般社団法人', abbreviation: '(一社)', position: 'before' }],
    ['医療法人社団 桜会', { distinctive: '桜会', legalForm: '医療法人社団', abbreviation: '(医)', position: 'before' }],
    ['医療法人桜会', { distinctive: '桜会', legalForm: '医療法人', abbreviation: '(医)', position: 'before' }],
    ['特定非営利活動法人みどり', { distinctive: 'みどり', legalForm: '特定非営利活動法人', abbreviation: '(特非)', position: 'before' }],
    ['(NPO)みどり', { distinctive: 'みどり', legalForm: '(NPO)', abbreviation: '(特非)', position: 'before' }],
    // No legal form: the whole name is the distinctive part.
    ['Acme Corp', { distinctive: 'Acme Corp', legalForm: null, abbreviation: null, position: null }],
    ['ツバキリテール', { distinctive: 'ツバキリテール', legalForm: null, abbreviation: null, position: null }],
    // A name that is only a legal form keeps it whole rather than showing an empty name.
    ['株式会社', { distinctive: '株式会社', legalForm: null, abbreviation: null, position: null }],
    // The form inside a name is part of the name.
    ['東京株式会社研究所', { distinctive: '東京株式会社研究所', legalForm: null, abbreviation: null, position: null }],
    ['  ㈱ サクラ  ', { distinctive: 'サクラ', legalForm: '㈱', abbreviation: '(株)', position: 'before' }],
  ])('%s', (name, expected) => expect(splitCompanyName(name)).toEqual(expected));
});
