import type { LeadSource } from '../../contract/leads';

/**
 * Vendor vocabularies, matched whole (after folding, see sourceKey) before any keyword, because
 * their words mean something else than they seem:
 *
 * - HubSpot's original source (`hs_analytics_source`), as its enumerated values (ORGANIC_SEARCH)
 *   and its export labels (Organic Search). Every value but OFFLINE says how a *website visitor*
 *   arrived — REFERRALS is traffic from another site's link, not a person's introduction — and the
 *   contact exists because that visitor filled in a form: a web inquiry. OFFLINE ("Offline sources")
 *   is a contact imported or created by hand or by an integration: a list.
 *   https://knowledge.hubspot.com/properties/understand-source-properties (the values) and
 *   https://knowledge.hubspot.com/articles/kcs_article/reports/hubspot-sources-frequently-asked-questions
 *   ("Referrals: visits from links clicked on other websites"; "Offline sources: … contacts … who
 *   originated outside of your website like those who are imported").
 * - Salesforce's default LeadSource picklist (Setup → Object Manager → Lead → Lead Source), by API
 *   value and by the Japanese label a Japanese org exports: Web, Phone Inquiry 電話問い合わせ,
 *   Partner Referral パートナー紹介, Purchased List 購入リスト, Other その他, and the older orgs' set
 *   (Advertisement 広告, Employee Referral 社員紹介, External Referral 外部紹介, Partner パートナー,
 *   Public Relations 広報, Seminar - Internal/Partner, Trade Show 展示会, Word of mouth 口コミ).
 *   The field is a picklist on Lead:
 *   https://developer.salesforce.com/docs/atlas.ja-jp.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 *   (the values themselves are an org's defaults, not listed on that page).
 * An advertisement lead came through an ad's landing page form; a phone inquiry wants the same fast
 * follow-up as a web form. Public relations names no source Koma plans by: kept as other, with its
 * words.
 */
const vendorValues: ReadonlyArray<readonly [LeadSource, readonly string[]]> = [
  [
    'web_inquiry',
    [
      'ORGANIC_SEARCH', 'Organic Search', 'オーガニック検索', 'PAID_SEARCH', 'Paid Search', '有料検索', 'DIRECT_TRAFFIC', 'Direct Traffic',
      'ダイレクトトラフィック', 'SOCIAL_MEDIA', 'Social Media', 'Organic Social', 'ソーシャルメディア', 'PAID_SOCIAL', 'Paid Social',
      'EMAIL_MARKETING', 'Email Marketing', 'メールマーケティング', 'REFERRALS', 'Referrals', 'OTHER_CAMPAIGNS', 'Other Campaigns',
      'AI_REFERRALS', 'AI Referrals', 'Web', 'Phone Inquiry', '電話問い合わせ', 'Advertisement', '広告',
    ],
  ],
  ['outbound_list', ['OFFLINE', 'Offline Sources', 'Offline', 'オフラインソース', 'Purchased List', '購入リスト']],
  ['referral', ['Partner Referral', 'パートナー紹介', 'Employee Referral', '社員紹介', 'External Referral', '外部紹介', 'Partner', 'パートナー', 'Word of mouth', '口コミ']],
  ['seminar', ['Seminar - Internal', 'セミナー - 社内', 'Seminar - Partner', 'セミナー - パートナー']],
  ['exhibition', ['Trade Show', '展示会']],
  ['other', ['Other', 'その他', 'OTHER']],
];

/**
 * Keywords that name a source in the values Japanese teams type. Checked in this order, because
 * the more specific source must win over the general one: "Webinar" and "Webセミナー" are seminars,
 * "Webサイトから資料ダウンロード" a download. Keys are compared in their folded form (see sourceKey).
 */
const sourceKeywords: ReadonlyArray<readonly [LeadSource, readonly string[]]> = [
  ['seminar', ['seminar', 'webinar', 'セミナー', 'ウェビナー', '勉強会', '講演']],
  ['exhibition', ['tradeshow', 'exhibition', '展示会', '見本市', 'イベント', 'event']],
  ['referral', ['referral', '紹介', 'wordofmouth', '口コミ']],
  ['content_download', ['download', 'ダウンロード', '資料請求', 'whitepaper', 'ホワイトペーパー', 'ebook', 'content']],
  ['outbound_list', ['purchasedlist', 'outbound', 'アウトバウンド', 'リスト', 'coldcall', 'テレアポ', '新規開拓']],
  ['web_inquiry', ['web', 'ウェブ', 'inquiry', '問い合わせ', '問合せ', '問合わせ', 'お問合せ', 'フォーム', 'ホームページ']],
];

function sourceKey(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

const byVendorValue = new Map<string, LeadSource>(vendorValues.flatMap(([source, values]) => values.map((v) => [sourceKey(v), source] as const)));
const koma = new Set<string>(['web_inquiry', 'seminar', 'exhibition', 'content_download', 'outbound_list', 'referral', 'other']);

/** A source as read from a file: Koma's source, and the file's words when they named none Koma knows. */
export interface SourceValue {
  source: LeadSource;
  /** The cell as written when it maps to 'other' and says more than "other" (shown as "other: …"). */
  detail: string | null;
}

/**
 * The lead source a cell names; null when the cell is empty, so a re-import does not overwrite a
 * known source with nothing. A value Koma does not know is not lost: it is 'other', with its words
 * kept as the detail the rep sees.
 */
export function readLeadSource(value: string | undefined): SourceValue | null {
  const raw = (value ?? '').trim();
  const key = sourceKey(raw);
  if (key.length === 0) return null;
  if (koma.has(raw)) return { source: raw as LeadSource, detail: null };
  const vendor = byVendorValue.get(key);
  if (vendor) return { source: vendor, detail: null };
  for (const [source, keywords] of sourceKeywords) {
    if (keywords.some((keyword) => key.includes(keyword))) return { source, detail: null };
  }
  return { source: 'other', detail: raw };
}

/** Koma's source for a cell (see readLeadSource); null for an empty cell. */
export function leadSourceOf(value: string | undefined): LeadSource | null {
  return readLeadSource(value)?.source ?? null;
}
