/**
 * Industries as Koma keeps them: free text on the company, scored by the team's keywords
 * (settings → scoring: IT, 通信, ソフトウェア, 製造, 金融 by default). Vendor exports carry codes
 * instead of words, which no keyword matches, so they are read into Koma's words here:
 *
 * - HubSpot's company `industry` is an enumeration property: an export or the API gives its internal
 *   values (INFORMATION_TECHNOLOGY_AND_SERVICES), not labels
 *   (https://developers.hubspot.com/docs/api/crm/properties: "enumeration — a string representing
 *   a set of options"). The common B2B values are mapped; the list is long and grows.
 * - Salesforce's default Industry picklist on Lead and Account, by API value (Technology) and by the
 *   label a Japanese org exports (テクノロジー). The field is a picklist on Lead:
 *   https://developer.salesforce.com/docs/atlas.ja-jp.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 *   (the values are an org's defaults, not listed on that page).
 *
 * A vendor code Koma does not know is not lost and does not pass for a word: it is kept as
 * "other: CODE", shown to the rep that way and scored as an other industry whatever it contains.
 * Text a person wrote (造船業) is kept as written.
 */
const koma: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['IT・情報サービス', ['INFORMATION_TECHNOLOGY_AND_SERVICES', 'Technology', 'テクノロジー']],
  ['ソフトウェア', ['COMPUTER_SOFTWARE']],
  ['IT・インターネット', ['INTERNET']],
  ['IT・ハードウェア', ['COMPUTER_HARDWARE']],
  ['IT・ネットワーク', ['COMPUTER_NETWORKING']],
  ['IT・セキュリティ', ['COMPUTER_NETWORK_SECURITY']],
  ['通信', ['TELECOMMUNICATIONS', 'WIRELESS', 'Telecommunications', 'Communications', '電気通信']],
  ['製造', ['Manufacturing']],
  ['製造（機械）', ['MACHINERY', 'Machinery', '機械']],
  ['製造（電子機器）', ['ELECTRICAL_ELECTRONIC_MANUFACTURING', 'Electronics', 'エレクトロニクス']],
  ['製造（半導体）', ['SEMICONDUCTORS']],
  ['製造（自動車）', ['AUTOMOTIVE']],
  ['製造（産業オートメーション）', ['INDUSTRIAL_AUTOMATION']],
  ['化学', ['CHEMICALS', 'Chemicals']],
  ['食品', ['FOOD_PRODUCTION', 'FOOD_BEVERAGES', 'Food & Beverage']],
  ['金融', ['FINANCIAL_SERVICES', 'Finance']],
  ['金融（銀行）', ['BANKING', 'Banking', '銀行']],
  ['金融（保険）', ['INSURANCE', 'Insurance', '保険']],
  ['金融（資産運用）', ['INVESTMENT_MANAGEMENT']],
  ['小売', ['RETAIL', 'Retail']],
  ['医療', ['HOSPITAL_HEALTH_CARE', 'Healthcare', 'ヘルスケア']],
  ['医療機器', ['MEDICAL_DEVICES']],
  ['製薬', ['PHARMACEUTICALS']],
  ['建設', ['CONSTRUCTION', 'Construction']],
  ['不動産', ['REAL_ESTATE']],
  ['物流', ['LOGISTICS_AND_SUPPLY_CHAIN', 'Shipping']],
  ['運輸', ['TRANSPORTATION_TRUCKING_RAILROAD', 'Transportation']],
  ['教育', ['EDUCATION_MANAGEMENT', 'HIGHER_EDUCATION', 'E_LEARNING', 'Education']],
  ['コンサルティング', ['MANAGEMENT_CONSULTING', 'Consulting']],
  ['広告・マーケティング', ['MARKETING_AND_ADVERTISING']],
  ['人材', ['STAFFING_AND_RECRUITING', 'HUMAN_RESOURCES']],
  ['官公庁', ['GOVERNMENT_ADMINISTRATION', 'Government']],
  ['非営利団体', ['NONPROFIT_ORGANIZATION_MANAGEMENT', 'Not For Profit']],
  ['電力・ガス・水道', ['UTILITIES', 'Utilities']],
  ['エネルギー', ['OIL_ENERGY', 'RENEWABLES_ENVIRONMENT', 'Energy']],
  ['宿泊・観光', ['HOSPITALITY', 'Hospitality']],
  ['会計', ['ACCOUNTING']],
  ['法律', ['LEGAL_SERVICES', 'LAW_PRACTICE']],
  ['メディア', ['MEDIA_PRODUCTION', 'BROADCAST_MEDIA', 'PUBLISHING', 'Media']],
  ['エンターテインメント', ['ENTERTAINMENT', 'Entertainment']],
  ['農業', ['FARMING', 'Agriculture']],
  ['アパレル', ['APPAREL_FASHION', 'Apparel']],
  ['バイオテクノロジー', ['BIOTECHNOLOGY', 'Biotechnology']],
  ['エンジニアリング', ['Engineering']],
  ['環境', ['ENVIRONMENTAL_SERVICES', 'Environmental']],
  ['レジャー', ['Recreation']],
  ['その他', ['Other', 'OTHER', 'その他']],
];

const otherPrefix = 'other: ';
const byVendorValue = new Map<string, string>(koma.flatMap(([label, values]) => values.map((v) => [v.normalize('NFKC').toLowerCase(), label] as const)));
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
