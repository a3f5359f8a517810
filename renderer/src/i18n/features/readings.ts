import type { Messages } from '../messages';

/** Readings (フリガナ) and possible duplicates: issue 13's UI text. */
export const readingsJa = {
  readings: {
    edit: '読みを編集',
    title: '読み（フリガナ）の編集',
    name: '{{name}} の読み',
    company: '{{name}} の読み',
    hint: 'ひらがな・カタカナのどちらでも検索できます。空欄にすると読みを消します。',
    save: '保存',
  },
  importedValues: {
    /** A source or industry from a file that Koma could not read, kept in the file's words. */
    other: 'その他: {{value}}',
  },
  duplicates: {
    review: '重複の可能性を確認',
    title: '重複の可能性があるリード',
    intro: '同じ人かもしれないリードの組です。統合すると、架電・ヒアリング・トスアップの履歴と両方のCRM IDが残したリードにまとまり、CRMにも反映されます。',
    loading: '読み込んでいます…',
    count: '{{count, number}} 組',
    first: '1人目',
    second: '2人目',
    history: '履歴',
    historyCounts: '架電 {{calls, number}} 件・ヒアリング {{hearings, number}} 件',
    keepSeparate: '別人として残す',
    mergeInto: '{{name}} に統合',
    close: '閉じる',
    reason: {
      same_name_other_email: '同じ会社に同じ氏名で、メールアドレスが異なります',
      same_mobile_other_company: '同じ携帯電話番号が別の会社にあります',
    },
  },
} as const;

export const readingsEn: Messages<typeof readingsJa> = {
  readings: {
    edit: 'Edit readings',
    title: 'Edit readings (furigana)',
    name: 'Reading of {{name}}',
    company: 'Reading of {{name}}',
    hint: 'Search finds a reading typed in hiragana or katakana. Leave a field empty to clear it.',
    save: 'Save',
  },
  importedValues: {
    other: 'Other: {{value}}',
  },
  duplicates: {
    review: 'Review possible duplicates',
    title: 'Possible duplicate leads',
    intro: 'Pairs of leads that may be one person. Merging moves every call, hearing and handoff, and both CRM ids, to the lead you keep, and tells the CRM.',
    loading: 'Loading…',
    count: '{{count, number}} pairs',
    first: 'First person',
    second: 'Second person',
    history: 'History',
    historyCounts: '{{calls, number}} calls, {{hearings, number}} hearings',
    keepSeparate: 'Keep separate',
    mergeInto: 'Merge into {{name}}',
    close: 'Close',
    reason: {
      same_name_other_email: 'Same name at the same company, different email addresses',
      same_mobile_other_company: 'The same mobile number at another company',
    },
  },
};
