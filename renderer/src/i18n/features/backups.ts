import type { Messages } from '../messages';

export const backupsJa = {
  backups: {
    heading: 'バックアップ',
    hint: 'Komaは起動時と毎日、データベースを自動でバックアップし、直近7日分を保存します。',
    createNow: '今すぐバックアップ',
    creating: 'バックアップしています…',
    created: 'バックアップを作成しました: {{name}}',
    listLabel: 'バックアップ一覧',
    createdAt: '作成日時',
    size: 'サイズ',
    safetyCopy: '復元前の自動保存',
    restore: 'この時点に戻す',
    none: 'バックアップはまだありません。',
    confirmTitle: 'バックアップから復元しますか？',
    confirmBody: '{{when}} の状態に戻します。それ以降に記録した架電・ヒアリング・商談化はすべて消えます（現在のデータは復元前に自動で保存され、元に戻せます）。',
    confirm: '復元する',
    cancel: 'キャンセル',
    restored: '{{when}} のバックアップから復元しました。元のデータは「{{safety}}」として保存されています。',
    recoveredTitle: 'データベースが破損していたため、バックアップから復元しました',
    recoveredBody: '{{backup}} の時点のデータで起動しています。破損したファイルは {{path}} に保存してあります。',
    notRecoveredBody: '使えるバックアップがなかったため、空のデータベースで起動しています。破損したファイルは {{path}} に保存してあります。サポートに連絡してください。',
  },
} as const;

export const backupsEn: Messages<typeof backupsJa> = {
  backups: {
    heading: 'Backups',
    hint: 'Koma backs up the database at start and daily, and keeps the last 7 days.',
    createNow: 'Back up now',
    creating: 'Backing up…',
    created: 'Backup created: {{name}}',
    listLabel: 'Backups',
    createdAt: 'Created',
    size: 'Size',
    safetyCopy: 'Saved before a restore',
    restore: 'Restore this',
    none: 'No backups yet.',
    confirmTitle: 'Restore from this backup?',
    confirmBody: 'Koma goes back to {{when}}. Calls, hearings and handoffs recorded since then are removed (the current data is saved first, so the restore can be undone).',
    confirm: 'Restore',
    cancel: 'Cancel',
    restored: 'Restored the backup of {{when}}. The data it replaced is saved as “{{safety}}”.',
    recoveredTitle: 'The database was damaged and has been restored from a backup',
    recoveredBody: 'Koma is running on the data of {{backup}}. The damaged file is kept at {{path}}.',
    notRecoveredBody: 'No usable backup was found, so Koma started with an empty database. The damaged file is kept at {{path}}. Please contact support.',
  },
};
