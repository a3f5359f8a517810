import type { Messages } from '../messages';

/** The backend's fixed row-level reasons (shared/domain/import/reasons.ts, behaviour/reasons.ts), in the rep's language. */
export const rowReasonsJa = {
  rowReasons: {
    missingCompany: '会社名がありません',
    missingName: '氏名がありません（氏名、または姓と名）',
    employeesNotNumber: '従業員数が数値ではありません',
    emailMalformed: 'メールアドレスの形式が正しくありません',
    phoneTooShort: '電話番号の桁数が足りません',
    malformedQuotes: 'この行の引用符（"）が正しくありません',
    unclosedQuote: '引用符（"）が閉じられていないため、以降がひとつの値として読まれました',
    tooManyCells: 'この行には見出しより多くの値があります（引用符の外にカンマがありませんか）',
    corporateNumberInvalid: '法人番号が13桁でないか、チェックデジットが合いません',
    valueTooLong: '値が長すぎます',
    replacementCharacter: 'このセルにShift_JISで読めない文字があり、�で表示されています',
    missingLeadKey: 'メールアドレスもCRM IDもありません',
    noLead: 'このメールアドレス／CRM IDのリードがありません',
    ambiguousEmail: 'このメールアドレスのリードが複数あります。CRM IDを指定してください',
    leadMismatch: 'メールアドレスとCRM IDが別のリードを指しています',
    missingKind: '行動の種類がありません',
    unknownKind: '行動の種類が不明です（Webアクセス・資料ダウンロード・無料トライアル・見積依頼・セミナー参加のいずれか）',
    missingTime: '日時がありません',
    badTime: '日時の形式が正しくありません（例: 2025/04/07 10:15）',
    futureTime: '日時が1日以上先になっています',
    fieldTooLong: '{{field}}が長すぎます（{{max, number}}文字まで）',
  },
} as const;

export const rowReasonsEn: Messages<typeof rowReasonsJa> = {
  rowReasons: {
    missingCompany: 'Company name is missing',
    missingName: 'Name is missing (full name, or last and first name)',
    employeesNotNumber: 'Employees is not a number',
    emailMalformed: 'Email address is malformed',
    phoneTooShort: 'Phone number has too few digits',
    malformedQuotes: 'Quotes in this row are malformed',
    unclosedQuote: 'A quoted field is never closed, so the rest of the file was read as one value',
    tooManyCells: 'This row has more values than the header has columns (a comma outside quotes?)',
    corporateNumberInvalid: 'The corporate number (法人番号) is not 13 digits with a valid check digit',
    valueTooLong: 'A value is longer than its field allows',
    replacementCharacter: 'A character in this cell could not be read from Shift_JIS and is shown as �',
    missingLeadKey: 'Neither an email nor a CRM id is given',
    noLead: 'No lead with this email/CRM id',
    ambiguousEmail: 'More than one lead has this email; give the CRM id instead',
    leadMismatch: 'The email and the CRM id belong to different leads',
    missingKind: 'Event kind is missing',
    unknownKind: 'Event kind is not one of: web visit, content download, free trial, quote request, seminar',
    missingTime: 'Event time is missing',
    badTime: 'Event time is not a valid date and time (e.g. 2025/04/07 10:15)',
    futureTime: 'Event time is more than a day in the future',
    fieldTooLong: '{{field}} is longer than {{max, number}} characters',
  },
};
