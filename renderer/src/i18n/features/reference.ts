import type { Messages } from '../messages';

/** Reference values (参考値) on the dashboard and in settings: typical figures, never targets. */
export const referenceJa = {
  reference: {
    heading: '参考値（目標ではありません）',
    hint: '一般的なインサイドセールスの数値です。自分の数値の位置を見るための目安で、目標ではありません。',
    metric: '指標',
    own: 'あなた',
    band: '参考値',
    definition: '定義',
    metrics: {
      connectRate: '接続率',
      appointmentRate: 'アポ率',
      dialsPerDay: '1日あたり架電数',
    },
    definitions: {
      connectRate: '担当者につながった架電 ÷ 架電数',
      appointmentRate: '獲得したアポ ÷ 架電数',
      dialsPerDay: '架電数 ÷ 期間中の営業日数（祝日・休業日を除く）',
    },
    standing: {
      below: '参考値より低い',
      within: '参考値の範囲内',
      above: '参考値より高い',
    },
    notMeasured: '—',
    bandText: '{{low}}〜{{high}}',
    dialsValue: '{{value}}件',
    source: '出典: IS factory magazine「テレアポの適正コール数は1日何件？」BtoB営業のKPI平均値（wsf-is.com/?p=6591）',
    sourceCustom: '出典: チームが設定で変更した値',
    settingsHeading: 'ダッシュボードの参考値',
    settingsHint: '自分の数値の横に表示する一般的な数値です（目標ではありません）。チームの実績に合わせて変更できます。',
    low: '{{metric}}（下限）',
    high: '{{metric}}（上限）',
    percentUnit: '%',
    dialsUnit: '件',
    save: '参考値を保存',
    reset: '既定値に戻す',
    saved: '保存しました。',
    invalid: '下限は上限以下の数値にしてください（率は0〜100%、架電数は0〜1000件）。',
  },
};

export const referenceEn: Messages<typeof referenceJa> = {
  reference: {
    heading: 'Reference values (not targets)',
    hint: 'Typical inside-sales figures, to see where your own stand. Reference only, not targets.',
    metric: 'Metric',
    own: 'You',
    band: 'Reference',
    definition: 'Definition',
    metrics: {
      connectRate: 'Connect rate',
      appointmentRate: 'Appointment rate',
      dialsPerDay: 'Dials per day',
    },
    definitions: {
      connectRate: 'Calls that reached the person ÷ dials',
      appointmentRate: 'Appointments booked ÷ dials',
      dialsPerDay: 'Dials ÷ working days in the range (holidays and closures left out)',
    },
    standing: {
      below: 'below the reference',
      within: 'within the reference',
      above: 'above the reference',
    },
    notMeasured: '—',
    bandText: '{{low}}–{{high}}',
    dialsValue: '{{value}}',
    source: 'Source: IS factory magazine, “How many tele-appointment calls a day?”, average B2B sales KPIs (wsf-is.com/?p=6591)',
    sourceCustom: 'Source: values set by the team in Settings',
    settingsHeading: 'Dashboard reference values',
    settingsHint: 'Typical figures shown beside your own (not targets). Change them to your team’s experience.',
    low: '{{metric}} (low)',
    high: '{{metric}} (high)',
    percentUnit: '%',
    dialsUnit: 'dials',
    save: 'Save reference values',
    reset: 'Back to the defaults',
    saved: 'Saved.',
    invalid: 'Each low value must not be above its high value (rates 0–100 %, dials 0–1000).',
  },
};
