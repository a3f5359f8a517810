import { describe, expect, it } from 'vitest';
import { defaultScoringRules } from '../../shared/contract/scoringRules';
import { industryOf, salesforceIndustryOf, unmappedIndustry } from '../../shared/domain/import/industry';
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

/** HubSpot's default company `industry` options (its internal values), as a portal lists them. */
const hubspotIndustryCodes = [
  'ACCOUNTING', 'AIRLINES_AVIATION', 'ALTERNATIVE_DISPUTE_RESOLUTION', 'ALTERNATIVE_MEDICINE', 'ANIMATION', 'APPAREL_FASHION',
  'ARCHITECTURE_PLANNING', 'ARTS_AND_CRAFTS', 'AUTOMOTIVE', 'AVIATION_AEROSPACE', 'BANKING', 'BIOTECHNOLOGY',
  'BROADCAST_MEDIA', 'BUILDING_MATERIALS', 'BUSINESS_SUPPLIES_AND_EQUIPMENT', 'CAPITAL_MARKETS', 'CHEMICALS', 'CIVIC_SOCIAL_ORGANIZATION',
  'CIVIL_ENGINEERING', 'COMMERCIAL_REAL_ESTATE', 'COMPUTER_NETWORK_SECURITY', 'COMPUTER_GAMES', 'COMPUTER_HARDWARE', 'COMPUTER_NETWORKING',
  'COMPUTER_SOFTWARE', 'INTERNET', 'CONSTRUCTION', 'CONSUMER_ELECTRONICS', 'CONSUMER_GOODS', 'CONSUMER_SERVICES',
  'COSMETICS', 'DAIRY', 'DEFENSE_SPACE', 'DESIGN', 'EDUCATION_MANAGEMENT', 'E_LEARNING',
  'ELECTRICAL_ELECTRONIC_MANUFACTURING', 'ENTERTAINMENT', 'ENVIRONMENTAL_SERVICES', 'EVENTS_SERVICES', 'EXECUTIVE_OFFICE', 'FACILITIES_SERVICES',
  'FARMING', 'FINANCIAL_SERVICES', 'FINE_ART', 'FISHERY', 'FOOD_BEVERAGES', 'FOOD_PRODUCTION',
  'FUND_RAISING', 'FURNITURE', 'GAMBLING_CASINOS', 'GLASS_CERAMICS_CONCRETE', 'GOVERNMENT_ADMINISTRATION', 'GOVERNMENT_RELATIONS',
  'GRAPHIC_DESIGN', 'HEALTH_WELLNESS_AND_FITNESS', 'HIGHER_EDUCATION', 'HOSPITAL_HEALTH_CARE', 'HOSPITALITY', 'HUMAN_RESOURCES',
  'IMPORT_AND_EXPORT', 'INDIVIDUAL_FAMILY_SERVICES', 'INDUSTRIAL_AUTOMATION', 'INFORMATION_SERVICES', 'INFORMATION_TECHNOLOGY_AND_SERVICES', 'INSURANCE',
  'INTERNATIONAL_AFFAIRS', 'INTERNATIONAL_TRADE_AND_DEVELOPMENT', 'INVESTMENT_BANKING', 'INVESTMENT_MANAGEMENT', 'JUDICIARY', 'LAW_ENFORCEMENT',
  'LAW_PRACTICE', 'LEGAL_SERVICES', 'LEGISLATIVE_OFFICE', 'LEISURE_TRAVEL_TOURISM', 'LIBRARIES', 'LOGISTICS_AND_SUPPLY_CHAIN',
  'LUXURY_GOODS_JEWELRY', 'MACHINERY', 'MANAGEMENT_CONSULTING', 'MARITIME', 'MARKET_RESEARCH', 'MARKETING_AND_ADVERTISING',
  'MECHANICAL_OR_INDUSTRIAL_ENGINEERING', 'MEDIA_PRODUCTION', 'MEDICAL_DEVICES', 'MEDICAL_PRACTICE', 'MENTAL_HEALTH_CARE', 'MILITARY',
  'MINING_METALS', 'MOTION_PICTURES_AND_FILM', 'MUSEUMS_AND_INSTITUTIONS', 'MUSIC', 'NANOTECHNOLOGY', 'NEWSPAPERS',
  'NON_PROFIT_ORGANIZATION_MANAGEMENT', 'OIL_ENERGY', 'ONLINE_MEDIA', 'OUTSOURCING_OFFSHORING', 'PACKAGE_FREIGHT_DELIVERY', 'PACKAGING_AND_CONTAINERS',
  'PAPER_FOREST_PRODUCTS', 'PERFORMING_ARTS', 'PHARMACEUTICALS', 'PHILANTHROPY', 'PHOTOGRAPHY', 'PLASTICS',
  'POLITICAL_ORGANIZATION', 'PRIMARY_SECONDARY_EDUCATION', 'PRINTING', 'PROFESSIONAL_TRAINING_COACHING', 'PROGRAM_DEVELOPMENT', 'PUBLIC_POLICY',
  'PUBLIC_RELATIONS_AND_COMMUNICATIONS', 'PUBLIC_SAFETY', 'PUBLISHING', 'RAILROAD_MANUFACTURE', 'RANCHING', 'REAL_ESTATE',
  'RECREATIONAL_FACILITIES_AND_SERVICES', 'RELIGIOUS_INSTITUTIONS', 'RENEWABLES_ENVIRONMENT', 'RESEARCH', 'RESTAURANTS', 'RETAIL',
  'SECURITY_AND_INVESTIGATIONS', 'SEMICONDUCTORS', 'SHIPBUILDING', 'SPORTING_GOODS', 'SPORTS', 'STAFFING_AND_RECRUITING',
  'SUPERMARKETS', 'TELECOMMUNICATIONS', 'TEXTILES', 'THINK_TANKS', 'TOBACCO', 'TRANSLATION_AND_LOCALIZATION',
  'TRANSPORTATION_TRUCKING_RAILROAD', 'UTILITIES', 'VENTURE_CAPITAL_PRIVATE_EQUITY', 'VETERINARY', 'WAREHOUSING', 'WHOLESALE',
  'WINE_AND_SPIRITS', 'WIRELESS', 'WRITING_AND_EDITING', 'MOBILE_GAMES',
];

/** Salesforce's default Industry picklist values (API names) on Lead and Account. */
const salesforceDefaults = new Set([
  'Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction', 'Consulting',
  'Education', 'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Environmental', 'Finance', 'Food & Beverage',
  'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Machinery', 'Manufacturing', 'Media', 'Not For Profit',
  'Other', 'Recreation', 'Retail', 'Shipping', 'Technology', 'Telecommunications', 'Transportation', 'Utilities',
]);

describe('every HubSpot industry option and the Salesforce value sent back', () => {
  it.each(hubspotIndustryCodes)('%s is read into one of Koma’s words, and a handoff sends a default Salesforce value', (code) => {
    const word = industryOf(code)!;
    expect(unmappedIndustry(word)).toBeNull();
    expect(word).not.toBe(code);
    expect(salesforceDefaults.has(salesforceIndustryOf(word))).toBe(true);
  });

  it.each(
    [...salesforceDefaults].map((value) => [value] as const),
  )('Salesforce %s comes back as itself after reading', (value) => {
    // Communications and Telecommunications read as one word (通信), which sends Telecommunications.
    const back = salesforceIndustryOf(industryOf(value)!);
    expect(back).toBe(value === 'Communications' ? 'Telecommunications' : value);
  });

  it.each([
    ['IT・情報サービス', 'Technology'],
    ['ソフトウェア', 'Technology'],
    ['製造（半導体）', 'Electronics'],
    ['other: FOO_BAR', 'Other'],
    ['造船業', '造船業'],
  ])('salesforceIndustryOf(%j) = %j', (word, value) => expect(salesforceIndustryOf(word)).toBe(value));
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
