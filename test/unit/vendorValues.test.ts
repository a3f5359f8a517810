import { describe, expect, it } from 'vitest';
import { defaultScoringRules } from '../../shared/contract/scoringRules';
import { industryOf, unmappedIndustry } from '../../shared/domain/import/industry';
import { readLeadSource, type SourceValue } from '../../shared/domain/import/leadSource';
import { attributeParts } from '../../shared/domain/scoring/score';

describe('readLeadSource: vendor values first, then keywords, else other with the words kept', () => {
  it.each<[string | undefined, SourceValue | null]>([
    [undefined, null],
    ['  ', null],
    // HubSpot's original source, as internal values and as export labels.
    ['ORGANIC_SEARCH', { source: 'web_inquiry', detail: null }],
    ['PAID_SEARCH', { source: 'web_inquiry', detail: null }],
    ['DIRECT_TRAFFIC', { source: 'web_inquiry', detail: null }],
    ['SOCIAL_MEDIA', { source: 'web_inquiry', detail: null }],
    ['PAID_SOCIAL', { source: 'web_inquiry', detail: null }],
    ['EMAIL_MARKETING', { source: 'web_inquiry', detail: null }],
    ['OTHER_CAMPAIGNS', { source: 'web_inquiry', detail: null }],
    ['REFERRALS', { source: 'web_inquiry', detail: null }],
    ['Referrals', { source: 'web_inquiry', detail: null }],
    ['Organic search', { source: 'web_inquiry', detail: null }],
    ['OFFLINE', { source: 'outbound_list', detail: null }],
    ['Offline sources', { source: 'outbound_list', detail: null }],
    // Salesforce's default LeadSource picklist, API values and Japanese labels.
    ['Web', { source: 'web_inquiry', detail: null }],
    ['Phone Inquiry', { source: 'web_inquiry', detail: null }],
    ['電話問い合わせ', { source: 'web_inquiry', detail: null }],
    ['Partner Referral', { source: 'referral', detail: null }],
    ['パートナー紹介', { source: 'referral', detail: null }],
    ['Purchased List', { source: 'outbound_list', detail: null }],
    ['購入リスト', { source: 'outbound_list', detail: null }],
    ['広告', { source: 'web_inquiry', detail: null }],
    ['社員紹介', { source: 'referral', detail: null }],
    ['外部紹介', { source: 'referral', detail: null }],
    ['Seminar - Partner', { source: 'seminar', detail: null }],
    ['セミナー', { source: 'seminar', detail: null }],
    ['Trade Show', { source: 'exhibition', detail: null }],
    ['展示会', { source: 'exhibition', detail: null }],
    ['その他', { source: 'other', detail: null }],
    ['Other', { source: 'other', detail: null }],
    // Koma's own values read back.
    ['content_download', { source: 'content_download', detail: null }],
    // Unknown: other, with the file's words (trimmed), never lost.
    ['広報', { source: 'other', detail: '広報' }],
    ['Public Relations', { source: 'other', detail: 'Public Relations' }],
    [' チラシ ', { source: 'other', detail: 'チラシ' }],
    ['AFFILIATE_PROGRAM', { source: 'other', detail: 'AFFILIATE_PROGRAM' }],
  ])('%j → %j', (value, expected) => {
    expect(readLeadSource(value)).toEqual(expected);
  });
});

describe('industryOf: vendor codes in Koma’s words, unknown codes kept as other', () => {
  it.each<[string | undefined, string | null]>([
    [undefined, null],
    ['', null],
    ['INFORMATION_TECHNOLOGY_AND_SERVICES', 'IT・情報サービス'],
    ['COMPUTER_SOFTWARE', 'ソフトウェア'],
    ['INTERNET', 'IT・インターネット'],
    ['TELECOMMUNICATIONS', '通信'],
    ['MACHINERY', '製造（機械）'],
    ['FINANCIAL_SERVICES', '金融'],
    ['BANKING', '金融（銀行）'],
    ['Technology', 'IT・情報サービス'],
    ['テクノロジー', 'IT・情報サービス'],
    ['Manufacturing', '製造'],
    ['Telecommunications', '通信'],
    ['電気通信', '通信'],
    ['Not For Profit', '非営利団体'],
    ['Other', 'その他'],
    // A code Koma does not know stays visible as one.
    ['MARITIME_SHIPPING_X', 'other: MARITIME_SHIPPING_X'],
    ['IT_CONSULTING_SERVICES', 'other: IT_CONSULTING_SERVICES'],
    // What a person wrote is kept as written.
    ['造船業', '造船業'],
    ['SaaS', 'SaaS'],
    ['IT', 'IT'],
  ])('%j → %j', (value, expected) => {
    expect(industryOf(value)).toBe(expected);
  });

  it.each([
    ['other: FOO_BAR', 'FOO_BAR'],
    ['IT・情報サービス', null],
    ['その他', null],
  ])('unmappedIndustry(%j) = %j', (industry, code) => {
    expect(unmappedIndustry(industry)).toBe(code);
  });
});

describe('industry score after mapping', () => {
  const industryPoints = (industry: string | null) =>
    attributeParts({ employees: null, industry, title: null }, defaultScoringRules).find((p) => p.kind === 'industry')!.points;
  const other = defaultScoringRules.otherIndustryPoints;

  it.each<[string, number]>([
    // Mapped HubSpot and Salesforce values now meet the default keywords instead of scoring as other.
    ['INFORMATION_TECHNOLOGY_AND_SERVICES', 20],
    ['COMPUTER_SOFTWARE', 20],
    ['TELECOMMUNICATIONS', 20],
    ['MACHINERY', 15],
    ['Manufacturing', 15],
    ['FINANCIAL_SERVICES', 10],
    ['テクノロジー', 20],
    // An unknown code scores as other even when its letters hold a keyword (IT_…).
    ['IT_CONSULTING_SERVICES', other],
    ['MARITIME_SHIPPING_X', other],
    ['造船業', other],
  ])('%s scores %d', (value, points) => {
    expect(industryPoints(industryOf(value))).toBe(points);
  });
});
