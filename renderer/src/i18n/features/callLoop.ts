import type { Messages } from '../messages';

/**
 * The call loop's own strings (issue 11): the open call taken along by a decision, honest
 * conversations, lead notes and pages, search across all leads, the dial setting and errors a rep
 * can act on. A namespace of its own so these additions do not collide with other features' edits.
 */
export const callLoopJa = {
  loop: {
    listSeparator: '、',
    pendingCall: {
      willLog: 'この架電（{{outcome}}）も記録してから実行します。',
      needsOutcome: '通話メモに架電結果がありません。結果を選んで（1〜8キー）記録するか、メモを破棄してから実行してください。',
      discard: 'メモを破棄',
    },
    conversation: {
      label: '有効会話',
      hint: '短い通話でも、担当者と中身のある会話ができた場合はチェックしてください。',
    },
    goal: {
      assumed: '{{stages}}はまだ実績がないため、目標値で逆算しています。',
      assumedMark: '目標値で計算',
    },
    history: {
      unknownDuration: '通話時間不明',
      conversation: '有効会話',
    },
    leadNotes: {
      label: 'このリードについてのメモ',
      hint: 'CSVの「説明」「備考」列もここに入ります。',
      saving: '保存中…',
      saved: '保存しました {{time}}',
    },
    search: {
      heading: 'すべてのリードを検索',
      label: '名前・会社・電話・メールで検索',
      status: '状態',
      anyStatus: 'すべての状態',
      results_one: '{{count}}件',
      results_other: '{{count}}件',
      none: '該当するリードはありません。',
    },
    dial: {
      heading: 'S キーの動作',
      tel: '電話をかける（tel: リンクをソフトフォンに渡す）',
      callto: '電話をかける（callto: リンク。Skype などのソフトフォン）',
      zoomphone: 'Zoom Phone で発信する（zoomphonecall://）',
      dialpad: 'Dialpad で発信する（dialpad://。Koma の通話IDを customData で渡す）',
      timer: 'タイマーだけ開始する（電話は手元の電話機でかける）',
      hint: '番号は国際形式（+81…）で渡します。ソフトフォンがない環境でリンクを開くと、OSの確認画面にキーボード操作が奪われます。',
    },
    connection: {
      retry: '再試行',
    },
    announce: {
      opened: '{{name}}（{{company}}）を開きました',
    },
    sync: {
      who: '{{lead}}（{{company}}）',
      unknownLead: '（削除されたリード）',
      call: '{{who}} への架電: {{outcome}}（{{at}}）',
      status: '{{who}} の状態: {{status}}（{{at}}）',
      statusWithReason: '{{who}} の状態: {{status}}・{{reason}}（{{at}}）',
      doNotCallOn: '{{who}} を架電禁止に設定（{{at}}）',
      doNotCallOff: '{{who}} の架電禁止を解除（{{at}}）',
      details: '{{who}} の氏名・連絡先をインポートで更新（{{at}}）',
      handoff: '{{who}} のトスアップ（{{at}}）',
      handoffCorrection: '{{who}} のトスアップの修正（{{at}}）',
      followup: '{{who}} へのフォローアップメール「{{kind}}」（{{at}}）',
      slot: '週間計画の架電コマ（{{at}}）',
      slotRemoved: '週間計画から外した架電コマ（{{at}}）',
      waitingForCrm: 'CRMに接続すると送信します',
    },
  },
} as const;

export const callLoopEn: Messages<typeof callLoopJa> = {
  loop: {
    listSeparator: ', ',
    pendingCall: {
      willLog: 'This call ({{outcome}}) is logged first.',
      needsOutcome: 'The call notes have no outcome. Choose an outcome (keys 1–8) to log them, or discard the notes first.',
      discard: 'Discard notes',
    },
    conversation: {
      label: 'Real conversation',
      hint: 'Tick when you had a real conversation with the person, however short the call.',
    },
    goal: {
      assumed: 'Not measured yet, worked out at the target rate: {{stages}}.',
      assumedMark: 'target used',
    },
    history: {
      unknownDuration: 'length unknown',
      conversation: 'real conversation',
    },
    leadNotes: {
      label: 'Notes about this person',
      hint: 'The CSV’s Description / Notes column is imported here.',
      saving: 'Saving…',
      saved: 'Saved {{time}}',
    },
    search: {
      heading: 'Search all leads',
      label: 'Search by name, company, phone or email',
      status: 'Status',
      anyStatus: 'Any status',
      results_one: '{{count}} lead',
      results_other: '{{count}} leads',
      none: 'No leads match.',
    },
    dial: {
      heading: 'What S does',
      tel: 'Dial (hand the tel: link to the softphone)',
      callto: 'Dial with a callto: link (Skype and other softphones)',
      zoomphone: 'Dial with Zoom Phone (zoomphonecall://)',
      dialpad: "Dial with Dialpad (dialpad://, Koma's call id as customData)",
      timer: 'Only start the timer (dial on your desk phone)',
      hint: 'The number is handed over in international form (+81…). Without a softphone, opening the link shows an OS prompt that takes the keyboard.',
    },
    connection: {
      retry: 'Retry',
    },
    announce: {
      opened: 'Opened {{name}} ({{company}})',
    },
    sync: {
      who: '{{lead}} ({{company}})',
      unknownLead: '(a removed lead)',
      call: 'Call to {{who}}: {{outcome}} ({{at}})',
      status: '{{who}}: status {{status}} ({{at}})',
      statusWithReason: '{{who}}: status {{status}}, {{reason}} ({{at}})',
      doNotCallOn: '{{who}} set to do not call ({{at}})',
      doNotCallOff: '{{who}} no longer do not call ({{at}})',
      details: '{{who}}: name and contact details updated by an import ({{at}})',
      handoff: 'Handoff of {{who}} ({{at}})',
      handoffCorrection: 'Correction to the handoff of {{who}} ({{at}})',
      followup: 'Follow-up mail “{{kind}}” to {{who}} ({{at}})',
      slot: 'Call block on the week plan ({{at}})',
      slotRemoved: 'Call block taken off the week plan ({{at}})',
      waitingForCrm: 'Sent once a CRM is connected',
    },
  },
};
