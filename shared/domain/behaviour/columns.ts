import { headerAliases, headerKey } from '../import/headerMapping';

/** The columns of a behaviour events file. A row names its lead by email or CRM id (or both). */
export const behaviourColumns = ['email', 'crmId', 'kind', 'occurredAt', 'detail'] as const;
export type BehaviourColumn = (typeof behaviourColumns)[number];
export type BehaviourMapping = Record<BehaviourColumn, number | null>;

/**
 * Header names as marketing-automation and CRM exports write them (Salesforce reports, HubSpot
 * activity exports, hand-made Japanese sheets). Within a column the order is the preference:
 * Salesforce's case-insensitive 18-character id before the 15-character one. Compared through
 * headerKey, like the lead import, so width, case and decorations ("日時（JST）") do not matter.
 */
export const behaviourHeaderAliases: Readonly<Record<BehaviourColumn, readonly string[]>> = {
  email: headerAliases.email,
  crmId: [
    'CRM ID', 'Salesforce ID', 'SFDC ID', '18桁ID', '18 Digit ID', '18 Digit Lead ID', '18 Digit Contact ID',
    'Lead ID', 'Contact ID', 'リードID', 'コンタクトID', '取引先責任者ID', 'Record ID', 'レコードID', 'HubSpot ID', 'ID',
  ],
  kind: ['イベント種別', '行動種別', 'アクション種別', 'アクティビティ種別', 'イベント', '行動', 'アクション', 'アクティビティ', '種別', 'Event Type', 'Activity Type', 'Event', 'Activity', 'Action', 'Behaviour', 'Behavior', 'Kind', 'Type'],
  occurredAt: ['発生日時', 'イベント日時', '実施日時', 'アクセス日時', '日時', 'タイムスタンプ', '日付', 'Occurred At', 'Event Date', 'Activity Date', 'Timestamp', 'Date Time', 'Date', 'Time'],
  detail: ['詳細', '内容', 'ページ', 'ページURL', '資料名', 'セミナー名', 'メモ', 'Detail', 'Details', 'Page', 'Page URL', 'URL', 'Asset', 'Content', 'Description', 'Note'],
};

const aliasKeys = behaviourColumns.map((column) => [column, behaviourHeaderAliases[column].map(headerKey)] as const);

/** Which column holds what, by header name; a column feeds at most one of them. */
export function mapBehaviourHeaders(headers: readonly string[]): BehaviourMapping {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const mapping = {} as BehaviourMapping;
  for (const [column, aliases] of aliasKeys) {
    mapping[column] = null;
    for (const alias of aliases) {
      const index = keys.findIndex((key, i) => key === alias && !taken.has(i));
      if (index >= 0) {
        mapping[column] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** Why the file cannot be read as behaviour events, or null when it can. */
export function behaviourMappingProblem(mapping: BehaviourMapping): string | null {
  if (mapping.email === null && mapping.crmId === null) return "No column holds the lead's email or CRM id";
  if (mapping.kind === null) return 'No column holds the event kind';
  if (mapping.occurredAt === null) return 'No column holds the event date and time';
  return null;
}
