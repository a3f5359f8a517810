import type { LeadSource } from '../../contract/leads';

/**
 * Keywords that name a source in the values Japanese teams type and Salesforce ("Web", "Trade Show",
 * "Purchased List", "Partner Referral") and HubSpot ("Organic Search", "Direct Traffic",
 * "Referrals") export. Checked in this order, because the more specific source must win over the
 * general one: "Webinar" and "Webセミナー" are seminars, "Webサイトから資料ダウンロード" a download.
 * Keys are compared in their folded form (see sourceKey).
 */
const sourceKeywords: ReadonlyArray<readonly [LeadSource, readonly string[]]> = [
  ['seminar', ['seminar', 'webinar', 'セミナー', 'ウェビナー', '勉強会', '講演']],
  ['exhibition', ['tradeshow', 'exhibition', '展示会', '見本市', 'イベント', 'event']],
  ['referral', ['referral', '紹介', 'wordofmouth', '口コミ']],
  ['content_download', ['download', 'ダウンロード', '資料請求', 'whitepaper', 'ホワイトペーパー', 'ebook', 'content']],
  ['outbound_list', ['purchasedlist', 'outbound', 'アウトバウンド', 'リスト', 'coldcall', 'テレアポ', '新規開拓']],
  [
    'web_inquiry',
    ['web', 'ウェブ', 'inquiry', '問い合わせ', '問合せ', '問合わせ', 'お問合せ', 'フォーム', 'organicsearch', 'paidsearch', 'directtraffic', 'socialmedia', 'paidsocial', 'ホームページ'],
  ],
];

function sourceKey(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * The lead source a cell names; 'other' when it names none we know (the lead still comes in),
 * null when the cell is empty so a re-import does not overwrite a known source with nothing.
 * A phone inquiry counts as an inquiry: it wants the same fast follow-up as a web form.
 */
export function leadSourceOf(value: string | undefined): LeadSource | null {
  const key = sourceKey(value ?? '');
  if (key.length === 0) return null;
  for (const [source, keywords] of sourceKeywords) {
    if (keywords.some((keyword) => key.includes(keyword))) return source;
  }
  return 'other';
}
