/**
 * The pain options Koma ships as default settings data, by a stable key, so the UI can show them
 * in the rep's language. The stored value stays the Japanese text (hearings and CRM fields hold
 * it); a pain the team added or reworded has no key and is shown exactly as written.
 */
const keysByValue = {
  業務効率化: 'efficiency',
  コスト削減: 'cost',
  属人化の解消: 'knowledgeSilos',
  売上拡大: 'revenue',
  データ活用: 'data',
  セキュリティ強化: 'security',
  システム老朽化: 'legacy',
} as const;

export type DefaultPainKey = (typeof keysByValue)[keyof typeof keysByValue];

/** The stable key of a default pain option, or null for the team's own wording. */
export function defaultPainKey(value: string): DefaultPainKey | null {
  return Object.hasOwn(keysByValue, value) ? keysByValue[value as keyof typeof keysByValue] : null;
}
