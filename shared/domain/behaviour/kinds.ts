import { behaviourKinds, type BehaviourKind } from '../../contract/scoringRules';
import { headerKey } from '../import/headerMapping';

/**
 * The names an events file uses for each kind, Japanese and English, plus the code itself. Compared
 * in headerKey's folded form, so "Web Visit", "web_visit" and "ＷＥＢ訪問" are one name. No name may
 * appear under two kinds (a test checks).
 */
export const behaviourKindAliases: Readonly<Record<BehaviourKind, readonly string[]>> = {
  web_visit: ['Webアクセス', 'Web訪問', 'ウェブアクセス', 'サイト訪問', 'ページ閲覧', 'ページビュー', 'Web Visit', 'Website Visit', 'Page View', 'Visit'],
  content_download: ['資料ダウンロード', '資料DL', 'ホワイトペーパーダウンロード', 'ダウンロード', 'Content Download', 'Whitepaper Download', 'Download'],
  free_trial: ['無料トライアル', '無料トライアル申込', 'トライアル申込', 'トライアル', 'Free Trial', 'Free Trial Signup', 'Trial Signup', 'Trial'],
  quote_request: ['見積依頼', '見積り依頼', '見積もり依頼', 'お見積り依頼', 'お見積もり依頼', '見積', 'Quote Request', 'Request a Quote', 'Quotation Request', 'Quote'],
  seminar: ['セミナー参加', 'セミナー出席', 'ウェビナー参加', 'セミナー', 'ウェビナー', 'Seminar', 'Seminar Attendance', 'Webinar', 'Webinar Attendance'],
};

const byKey = new Map<string, BehaviourKind>(
  behaviourKinds.flatMap((kind) => [kind, ...behaviourKindAliases[kind]].map((name) => [headerKey(name), kind] as const)),
);

/** The kind a cell names, or null when it names none we know. */
export function behaviourKindOf(cell: string): BehaviourKind | null {
  return byKey.get(headerKey(cell)) ?? null;
}
