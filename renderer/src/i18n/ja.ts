/**
 * Japanese, the reference language: every other language must provide exactly these keys
 * (see en.ts). Plural keys carry both _one and _other so the key sets stay identical; Japanese
 * only ever uses _other.
 */
import { backupsJa } from './features/backups';
import { handoffsJa } from './features/handoffs';
import { hearingJa } from './features/hearing';
import { navJa } from './features/nav';
import { plannerJa } from './features/planner';
import { dashboardJa } from './features/dashboard';
import { syncJa } from './features/sync';
import { hubspotSyncJa } from './features/hubspotSync';
import { kintoneSyncJa } from './features/kintoneSync';
import { rowReasonsJa } from './features/rowReasons';
import { callListRowsJa } from './features/callListRows';
import { headerSlotJa } from './features/headerSlot';
import { dialogsJa } from './features/dialogs';
import { defaultDataJa } from './features/defaultData';
import { ruleUnitsJa } from './features/ruleUnits';
import { bantContentJa } from './features/bantContent';
import { textJoinJa } from './features/textJoin';
import { readingsJa } from './features/readings';
import { workJa } from './features/work';
import { callLoopJa } from './features/callLoop';
import { talkJa } from './features/talk';
import { followupJa } from './features/followup';
import { calendarJa } from './features/calendar';
import { referenceJa } from './features/reference';
import { phoneCallsJa } from './features/phoneCalls';
import type { Messages } from './messages';
import { teamJa } from './features/team';

export const ja = {
  // One spread per feature file in ./features: each feature owns its strings in both languages.
  ...navJa,
  ...teamJa,
  ...backupsJa,
  ...hearingJa,
  ...handoffsJa,
  ...rowReasonsJa,
  ...readingsJa,
  ...workJa,
  ...callListRowsJa,
  ...headerSlotJa,
  ...dialogsJa,
  ...defaultDataJa,
  ...ruleUnitsJa,
  ...bantContentJa,
  ...textJoinJa,
  ...plannerJa,
  ...dashboardJa,
  ...syncJa,
  ...hubspotSyncJa,
  ...kintoneSyncJa,
  ...callLoopJa,
  ...talkJa,
  ...followupJa,
  ...calendarJa,
  ...referenceJa,
  ...phoneCallsJa,
  app: {
    name: 'Koma',
    loading: '読み込み中…',
  },
  header: {
    leadCount_one: 'リード {{count, number}} 件',
    leadCount_other: 'リード {{count, number}} 件',
    importCsv: 'CSVをインポート',
    language: '表示言語',
  },
  languages: {
    ja: '日本語',
    en: 'English',
  },
  empty: {
    title: 'コールリストはまだ空です',
    body: 'サンプルデータで試すか、CRMや展示会のリードリストをCSVで取り込んでください。',
    loadSample: 'サンプルデータを読み込む',
    importCsv: 'CSVをインポート',
  },
  callList: {
    title: 'コールリスト',
    searchLabel: '会社名・氏名・電話番号で検索',
    count_one: '{{count, number}} 件',
    count_other: '{{count, number}} 件',
    counting: '件数を確認中…',
    noMatches: '該当するリードはありません。',
    loadingRow: '読み込み中',
    columns: {
      company: '会社名',
      person: '氏名',
      title: '役職',
      source: 'リードソース',
      status: 'ステータス',
      score: 'スコア',
    },
  },
  source: {
    web_inquiry: 'Web問い合わせ',
    seminar: 'セミナー',
    exhibition: '展示会',
    content_download: '資料ダウンロード',
    outbound_list: 'アウトバウンドリスト',
    referral: '紹介',
    other: 'その他',
  },
  status: {
    new: '新規',
    working: '対応中',
    callback: '再架電予定',
    recycled: 'リサイクル',
    excluded: '除外',
    qualified: '商談化',
  },
  field: {
    companyName: '会社名',
    companyReading: '会社名（フリガナ）',
    corporateNumber: '法人番号',
    companyPhone: '代表電話',
    lastNameReading: '姓（フリガナ）',
    firstNameReading: '名（フリガナ）',
    nameReading: '氏名（フリガナ）',
    lastName: '姓',
    firstName: '名',
    fullName: '氏名',
    phone: '電話番号',
    email: 'メールアドレス',
    title: '役職',
    department: '部署',
    industry: '業種',
    employees: '従業員数',
    source: 'リードソース',
    website: 'Webサイト',
    address: '住所',
    notes: 'メモ（説明・備考）',
  },
  encoding: {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8（BOM付き）',
    shift_jis: 'Shift_JIS',
  },
  importDialog: {
    title: 'CSVからリードをインポート',
    sampleTitle: 'サンプルデータの読み込み',
    close: '閉じる',
    fileLabel: 'CSVファイル（UTF-8 / Shift_JIS）',
    fileHint: '1行目は見出し行にしてください。同じ電話番号・メールアドレスのリードは上書き更新されます。',
    reading: 'ファイルを読み込んでいます…',
    encoding: '文字コード',
    rowCount: '行数',
    rows_one: '{{count, number}} 行',
    rows_other: '{{count, number}} 行',
    sampleHeading: '先頭 {{count, number}} 行のプレビュー',
    mappingHeading: '列の対応付け',
    mappingHint: '各項目に対応するCSVの列を選んでください。',
    notInFile: '（ファイルにない）',
    chooseAnother: '別のファイルを選ぶ',
    start: 'インポート',
    progressLabel: 'インポートの進捗',
    progress: '{{processed, number}} / {{total, number}} 行',
    phase: {
      decoding: '文字コードを判定しています…',
      parsing: 'CSVを解析しています…',
      writing: 'リードを書き込んでいます…',
      done: '完了しました',
      failed: '失敗しました',
    },
    backgroundHint: 'このダイアログを閉じてもインポートは続きます。',
    doneHeading: 'インポートが完了しました',
    inserted: '新規追加',
    updated: '更新',
    skipped: '空行（スキップ）',
    totalRows: 'データ行',
    warningsHeading: '注意が必要な行',
    warningCell: '{{row, number}}行目 {{column, number}}列目',
    possibleDuplicates: '重複の可能性: {{count, number}} 組（「重複の確認」で確認できます）',
    invalid: '取り込めなかった行',
    invalidHeading: '取り込めなかった行',
    invalidCapped: '先頭 {{shown, number}} 件を表示しています（全 {{total, number}} 件）。すべての行はレポートで確認できます。',
    rowNumber: '行番号',
    reasons: '理由',
    saveReport: 'レポートを保存',
    reportFileSuffix: '取り込みエラー',
    finish: '完了',
  },
  report: {
    row: '行番号',
    reasons: '理由',
    column: '列{{number}}',
  },
  problems: {
    invalid_input: { title: '入力内容に問題があります', action: '内容を確認してもう一度お試しください。' },
    unknown_command: { title: 'この操作にはまだ対応していません', action: 'Komaを最新版に更新してください。' },
    not_found: { title: '対象が見つかりません', action: '一覧を再読み込みしてからもう一度お試しください。' },
    conflict: { title: 'ほかの変更と競合しました', action: '最新の内容を読み込んでからもう一度お試しください。' },
    unauthorized: { title: 'このページからはKomaに接続できません', action: 'Komaを再起動し、起動時に開いたページで続けてください。' },
    internal: { title: '処理を完了できませんでした', action: '何も変更されていません。もう一度お試しください。繰り返す場合はログを確認してください。' },
    disk_full: { title: 'ディスクの空き容量がありません', action: '空き容量を確保してから、もう一度お試しください。これまでに保存した内容は失われていません。' },
    store_busy: { title: 'Komaのデータがほかの処理で使用中です', action: '少し待ってから、もう一度お試しください。これまでに保存した内容は失われていません。' },
    store_io: { title: 'Komaのデータファイルを読み書きできませんでした', action: 'ディスクの状態とフォルダーが読み取り専用でないことを確認して、もう一度お試しください。これまでに保存した内容は失われていません。' },
    store_damaged: { title: 'Komaのデータファイルが破損しています', action: 'Komaを再起動してください。最新のバックアップから復元し、復元できなかった期間をお知らせします。' },
    key_refused: { title: 'Komaのデータのロックを解除できません', action: 'キーの保存場所がリセットされたか、別のキーで暗号化されたファイルです。何も変更されていません。' },
    backend_unreachable: { title: 'Komaに接続できません。Komaを再起動してください', action: '再起動したら「再試行」を押してください。入力中の内容はこの画面に残っています。' },
    file_too_large: { title: 'ファイルが大きすぎます', action: '{{limit}} MB以下のCSVに分割してからインポートしてください。' },
    file_unreadable: { title: 'ファイルを読み込めませんでした', action: 'ファイルがほかのアプリで開かれていないか確認して、もう一度選んでください。' },
    import_failed: { title: 'インポートに失敗しました', action: 'ファイルの内容を確認して、もう一度お試しください。' },
    details: '詳細',
  },
} as const;

/** The shape every language must fill in: the same keys as Japanese, any strings. */
export type KomaMessages = Messages<typeof ja>;
