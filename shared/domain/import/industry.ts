/**
 * Industries as Koma keeps them: free text on the company, scored by the team's keywords
 * (settings → scoring: IT, 通信, ソフトウェア, 製造, 金融 by default). Vendor exports carry codes
 * instead of words, which no keyword matches, so they are read into Koma's words here:
 *
 * - HubSpot's company `industry` is an enumeration property: an export or the API gives its internal
 *   values (INFORMATION_TECHNOLOGY_AND_SERVICES), not labels
 *   (https://developers.hubspot.com/docs/api/crm/properties: "enumeration — a string representing
 *   a set of options"). All 148 default options are read (the LinkedIn industry list HubSpot ships;
 *   two spellings seen in older portals, NONPROFIT_… and ELEARNING, too).
 * - Salesforce's default Industry picklist on Lead and Account, by API value (Technology) and by the
 *   label a Japanese org exports (テクノロジー). The field is a picklist on Lead:
 *   https://developer.salesforce.com/docs/atlas.ja-jp.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 *   (the values are an org's defaults, not listed on that page).
 *
 * Each of Koma's words also names the default Salesforce value nearest to it, which is what a
 * handoff writes to Account.Industry: a picklist (restricted in many orgs) takes `Technology`, not
 * 「IT・情報サービス」 (`salesforceIndustryOf`).
 *
 * A vendor code Koma does not know is not lost and does not pass for a word: it is kept as
 * "other: CODE", shown to the rep that way and scored as an other industry whatever it contains.
 * Text a person wrote (造船業) is kept as written.
 */
type Row = readonly [koma: string, salesforce: string, vendorValues: readonly string[]];

const koma: readonly Row[] = [
  ['IT・情報サービス', 'Technology', ['INFORMATION_TECHNOLOGY_AND_SERVICES', 'INFORMATION_SERVICES', 'Technology', 'テクノロジー']],
  ['ソフトウェア', 'Technology', ['COMPUTER_SOFTWARE', 'PROGRAM_DEVELOPMENT']],
  ['IT・インターネット', 'Technology', ['INTERNET', 'ONLINE_MEDIA']],
  ['IT・ハードウェア', 'Technology', ['COMPUTER_HARDWARE']],
  ['IT・ネットワーク', 'Technology', ['COMPUTER_NETWORKING']],
  ['IT・セキュリティ', 'Technology', ['COMPUTER_NETWORK_SECURITY']],
  ['IT・ゲーム', 'Technology', ['COMPUTER_GAMES', 'MOBILE_GAMES']],
  ['IT・ナノテクノロジー', 'Technology', ['NANOTECHNOLOGY']],
  ['通信', 'Telecommunications', ['TELECOMMUNICATIONS', 'WIRELESS', 'Telecommunications', 'Communications', '電気通信']],
  ['製造', 'Manufacturing', ['Manufacturing', '製造', 'PLASTICS', 'TEXTILES', 'PAPER_FOREST_PRODUCTS', 'GLASS_CERAMICS_CONCRETE', 'PACKAGING_AND_CONTAINERS', 'FURNITURE', 'TOBACCO', 'BUILDING_MATERIALS', 'BUSINESS_SUPPLIES_AND_EQUIPMENT', 'PRINTING']],
  ['製造（機械）', 'Machinery', ['MACHINERY', 'MECHANICAL_OR_INDUSTRIAL_ENGINEERING', 'Machinery', '機械']],
  ['製造（電子機器）', 'Electronics', ['ELECTRICAL_ELECTRONIC_MANUFACTURING', 'CONSUMER_ELECTRONICS', 'Electronics', 'エレクトロニクス']],
  ['製造（半導体）', 'Electronics', ['SEMICONDUCTORS']],
  ['製造（自動車）', 'Manufacturing', ['AUTOMOTIVE']],
  ['製造（産業オートメーション）', 'Manufacturing', ['INDUSTRIAL_AUTOMATION']],
  ['製造（鉄道車両）', 'Manufacturing', ['RAILROAD_MANUFACTURE']],
  ['製造（造船）', 'Manufacturing', ['SHIPBUILDING']],
  ['製造（航空宇宙・防衛）', 'Manufacturing', ['AVIATION_AEROSPACE', 'DEFENSE_SPACE']],
  ['鉱業・金属', 'Manufacturing', ['MINING_METALS']],
  ['化学', 'Chemicals', ['CHEMICALS', 'Chemicals', '化学']],
  ['食品', 'Food & Beverage', ['FOOD_PRODUCTION', 'FOOD_BEVERAGES', 'FOOD_AND_BEVERAGES', 'DAIRY', 'WINE_AND_SPIRITS', 'Food & Beverage', '食品・飲料']],
  ['消費財', 'Retail', ['CONSUMER_GOODS', 'COSMETICS', 'LUXURY_GOODS_JEWELRY', 'SPORTING_GOODS']],
  ['金融', 'Finance', ['FINANCIAL_SERVICES', 'CAPITAL_MARKETS', 'Finance', '金融']],
  ['金融（銀行）', 'Banking', ['BANKING', 'INVESTMENT_BANKING', 'Banking', '銀行']],
  ['金融（保険）', 'Insurance', ['INSURANCE', 'Insurance', '保険']],
  ['金融（資産運用）', 'Finance', ['INVESTMENT_MANAGEMENT', 'VENTURE_CAPITAL_PRIVATE_EQUITY']],
  ['小売', 'Retail', ['RETAIL', 'SUPERMARKETS', 'Retail', '小売']],
  ['卸売・商社', 'Retail', ['WHOLESALE', 'IMPORT_AND_EXPORT', 'INTERNATIONAL_TRADE_AND_DEVELOPMENT']],
  ['医療', 'Healthcare', ['HOSPITAL_HEALTH_CARE', 'MEDICAL_PRACTICE', 'MENTAL_HEALTH_CARE', 'ALTERNATIVE_MEDICINE', 'HEALTH_WELLNESS_AND_FITNESS', 'VETERINARY', 'Healthcare', 'ヘルスケア']],
  ['医療機器', 'Healthcare', ['MEDICAL_DEVICES']],
  ['製薬', 'Healthcare', ['PHARMACEUTICALS']],
  ['建設', 'Construction', ['CONSTRUCTION', 'CIVIL_ENGINEERING', 'ARCHITECTURE_PLANNING', 'ARCHITECTURE_AND_PLANNING', 'Construction', '建設']],
  ['不動産', 'Other', ['REAL_ESTATE', 'COMMERCIAL_REAL_ESTATE']],
  ['ビルメンテナンス', 'Other', ['FACILITIES_SERVICES']],
  ['物流', 'Shipping', ['LOGISTICS_AND_SUPPLY_CHAIN', 'PACKAGE_FREIGHT_DELIVERY', 'WAREHOUSING', 'MARITIME', 'Shipping', '海運']],
  ['運輸', 'Transportation', ['TRANSPORTATION_TRUCKING_RAILROAD', 'AIRLINES_AVIATION', 'Transportation', '運輸']],
  ['教育', 'Education', ['EDUCATION_MANAGEMENT', 'HIGHER_EDUCATION', 'PRIMARY_SECONDARY_EDUCATION', 'E_LEARNING', 'ELEARNING', 'PROFESSIONAL_TRAINING_COACHING', 'Education', '教育']],
  ['コンサルティング', 'Consulting', ['MANAGEMENT_CONSULTING', 'OUTSOURCING_OFFSHORING', 'Consulting', 'コンサルティング']],
  ['広告・マーケティング', 'Media', ['MARKETING_AND_ADVERTISING', 'PUBLIC_RELATIONS_AND_COMMUNICATIONS', 'MARKET_RESEARCH']],
  ['デザイン', 'Other', ['DESIGN', 'GRAPHIC_DESIGN', 'PHOTOGRAPHY']],
  ['人材', 'Other', ['STAFFING_AND_RECRUITING', 'HUMAN_RESOURCES']],
  ['翻訳・ライティング', 'Other', ['TRANSLATION_AND_LOCALIZATION', 'WRITING_AND_EDITING']],
  ['警備・調査', 'Other', ['SECURITY_AND_INVESTIGATIONS']],
  ['研究機関', 'Other', ['RESEARCH', 'THINK_TANKS']],
  ['官公庁', 'Government', ['GOVERNMENT_ADMINISTRATION', 'GOVERNMENT_RELATIONS', 'LEGISLATIVE_OFFICE', 'JUDICIARY', 'LAW_ENFORCEMENT', 'PUBLIC_SAFETY', 'PUBLIC_POLICY', 'MILITARY', 'INTERNATIONAL_AFFAIRS', 'EXECUTIVE_OFFICE', 'Government', '官公庁']],
  ['非営利団体', 'Not For Profit', ['NON_PROFIT_ORGANIZATION_MANAGEMENT', 'NONPROFIT_ORGANIZATION_MANAGEMENT', 'CIVIC_SOCIAL_ORGANIZATION', 'FUND_RAISING', 'PHILANTHROPY', 'POLITICAL_ORGANIZATION', 'RELIGIOUS_INSTITUTIONS', 'INDIVIDUAL_FAMILY_SERVICES', 'LIBRARIES', 'MUSEUMS_AND_INSTITUTIONS', 'Not For Profit', '非営利']],
  ['電力・ガス・水道', 'Utilities', ['UTILITIES', 'Utilities', '公益事業']],
  ['エネルギー', 'Energy', ['OIL_ENERGY', 'RENEWABLES_ENVIRONMENT', 'Energy', 'エネルギー']],
  ['宿泊・観光', 'Hospitality', ['HOSPITALITY', 'LEISURE_TRAVEL_TOURISM', 'Hospitality', 'ホスピタリティ']],
  ['飲食', 'Hospitality', ['RESTAURANTS']],
  ['イベント', 'Hospitality', ['EVENTS_SERVICES']],
  ['会計', 'Finance', ['ACCOUNTING']],
  ['法律', 'Other', ['LEGAL_SERVICES', 'LAW_PRACTICE', 'ALTERNATIVE_DISPUTE_RESOLUTION']],
  ['メディア', 'Media', ['MEDIA_PRODUCTION', 'BROADCAST_MEDIA', 'PUBLISHING', 'NEWSPAPERS', 'Media', 'メディア']],
  ['エンターテインメント', 'Entertainment', ['ENTERTAINMENT', 'MOTION_PICTURES_AND_FILM', 'MUSIC', 'ANIMATION', 'PERFORMING_ARTS', 'FINE_ART', 'ARTS_AND_CRAFTS', 'ARTS_CRAFTS', 'GAMBLING_CASINOS', 'GAMBLING_AND_CASINOS', 'Entertainment', 'エンターテイメント']],
  ['農林水産', 'Agriculture', ['FARMING', 'RANCHING', 'FISHERY', 'Agriculture', '農業']],
  ['アパレル', 'Apparel', ['APPAREL_FASHION', 'Apparel', 'アパレル']],
  ['バイオテクノロジー', 'Biotechnology', ['BIOTECHNOLOGY', 'Biotechnology', 'バイオテクノロジー']],
  ['エンジニアリング', 'Engineering', ['Engineering', 'エンジニアリング']],
  ['環境', 'Environmental', ['ENVIRONMENTAL_SERVICES', 'Environmental', '環境']],
  ['レジャー', 'Recreation', ['RECREATIONAL_FACILITIES_AND_SERVICES', 'SPORTS', 'Recreation', 'レクリエーション']],
  ['サービス', 'Other', ['CONSUMER_SERVICES']],
  ['その他', 'Other', ['Other', 'OTHER', 'その他']],
];

const otherPrefix = 'other: ';
const byVendorValue = new Map<string, string>(koma.flatMap(([label, , values]) => values.map((v) => [v.normalize('NFKC').toLowerCase(), label] as const)));
const salesforceByKoma = new Map<string, string>(koma.map(([label, salesforce]) => [label, salesforce]));
/** HubSpot's internal values: upper-case words joined by underscores. */
const vendorCode = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** The industry a cell names, in Koma's words; null for an empty cell. */
export function industryOf(value: string | undefined): string | null {
  const raw = (value ?? '').trim();
  if (raw.length === 0) return null;
  const mapped = byVendorValue.get(raw.normalize('NFKC').toLowerCase());
  if (mapped) return mapped;
  return vendorCode.test(raw) ? `${otherPrefix}${raw}` : raw;
}

/** The code kept for an industry Koma could not read ("other: CODE"), or null for any other industry. */
export function unmappedIndustry(industry: string): string | null {
  return industry.startsWith(otherPrefix) ? industry.slice(otherPrefix.length) : null;
}

/**
 * The default Salesforce Industry value for an industry as Koma keeps it: the nearest of the org's
 * defaults for one of Koma's words, `Other` for a vendor code Koma could not read, and what a person
 * wrote for anything else (an org may have added it; a restricted picklist that lacks it is named
 * by the field rules before sending).
 */
export function salesforceIndustryOf(industry: string): string {
  if (unmappedIndustry(industry) !== null) return 'Other';
  return salesforceByKoma.get(industry) ?? industry;
}
