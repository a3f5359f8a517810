import { phoneKey } from '../normalize';
import { firstUrl, parseCallTime, parseDuration } from './callValues';

/**
 * Phone systems' call-history exports, read into one shape. Neither vendor documents its export's
 * exact header in the pages Koma could find (docs/phone-system.md), so each field is recognised by
 * the names the vendor documents for it:
 *
 * - **MiiTel** (応対履歴一覧 → 応対履歴一覧ダウンロード, in a chosen character code: MiiTel Help,
 *   "応対履歴一覧を CSV 形式でダウンロード": https://support.miitel.jp/hc/ja/articles/360036042892).
 *   The items MiiTel names for a call (its Salesforce activity sync, "Step 2 : Salesforce 活動履歴連携":
 *   https://support.miitel.jp/hc/ja/articles/360030158912): ダイヤル開始時刻, 通話開始時刻, 通話終了時刻,
 *   応対メモ, 通話種別, 通話時間 (秒), 応対履歴 URL, 音声認識結果 (要約文).
 * - **Zoom Phone** (call history exported from the web portal). Its fields as the Call Logs API
 *   documents them (Zoom Developer, Get user's call logs / call history:
 *   https://developers.zoom.us/docs/api/phone/#tag/call-logs): date_time, direction, duration,
 *   caller_number, caller_name, callee_number, callee_name, result, call_id; the portal's CSV spells
 *   them as words ("Date / Time", "Caller Number"…), which are accepted too.
 *
 * A header is compared with NFKC, case, spaces, underscores and brackets folded, so 通話時間（秒）,
 * 通話時間 (秒) and "Caller_Number" all match.
 */
export const callLogVendors = ['miitel', 'zoom'] as const;
export type CallLogVendor = (typeof callLogVendors)[number];

export type CallLogField = 'id' | 'start' | 'dialStart' | 'end' | 'duration' | 'number' | 'callerNumber' | 'calleeNumber' | 'direction' | 'result' | 'memo' | 'summary' | 'url' | 'recording';

const aliases: Record<CallLogVendor, Partial<Record<CallLogField, readonly string[]>>> = {
  miitel: {
    id: ['応対履歴ID', '応対ID', 'ID'],
    start: ['通話開始時刻', '通話開始日時', '開始日時', '日時'],
    dialStart: ['ダイヤル開始時刻', 'ダイヤル開始日時'],
    end: ['通話終了時刻', '通話終了日時'],
    duration: ['通話時間(秒)', '通話時間'],
    number: ['相手先電話番号', '相手電話番号', '電話番号', '顧客電話番号'],
    callerNumber: ['発信元電話番号', '発信者番号', '発信元番号'],
    calleeNumber: ['発信先電話番号', '着信先電話番号', '発信先番号'],
    direction: ['通話種別', '種別'],
    memo: ['応対メモ', 'メモ'],
    summary: ['音声認識結果(要約文)', '要約文', '要約'],
    url: ['応対履歴URL', 'URL'],
  },
  zoom: {
    id: ['call_id', 'Call ID', 'call_history_uuid'],
    start: ['date_time', 'Date / Time', 'Date/Time', 'Date Time', 'Start Time', 'start_time'],
    duration: ['duration', 'Duration', 'Duration (sec)', 'Duration(s)'],
    callerNumber: ['caller_number', 'Caller Number', 'From'],
    calleeNumber: ['callee_number', 'Callee Number', 'To'],
    direction: ['direction', 'Direction', 'Call Type'],
    result: ['result', 'Result', 'Call Result'],
    recording: ['recording_url', 'Recording', 'Recording URL', 'Recording Link'],
    memo: ['Notes', 'notes'],
  },
};

export function foldHeader(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_()（）[\]【】/・-]/gu, '');
}

export type CallLogColumns = Partial<Record<CallLogField, number>>;

export interface CallLogLayout {
  vendor: CallLogVendor;
  columns: CallLogColumns;
}

/** Columns found for one vendor: each field at the first header that is one of its names. */
function columnsFor(vendor: CallLogVendor, headers: readonly string[]): CallLogColumns {
  const folded = headers.map(foldHeader);
  const columns: CallLogColumns = {};
  for (const [field, names] of Object.entries(aliases[vendor]) as [CallLogField, readonly string[]][]) {
    for (const name of names) {
      const index = folded.indexOf(foldHeader(name));
      if (index >= 0) {
        columns[field] = index;
        break;
      }
    }
  }
  return columns;
}

/**
 * The vendor whose export this header is: a call log needs a start time and a number; the vendor
 * with more recognised columns wins (MiiTel's are Japanese, Zoom's English). Null when neither fits,
 * with the fields that were missing for the closest one.
 */
export function detectCallLog(headers: readonly string[]): { ok: true; layout: CallLogLayout } | { ok: false; missing: ('start' | 'number')[] } {
  let best: { vendor: CallLogVendor; columns: CallLogColumns; score: number } | null = null;
  for (const vendor of callLogVendors) {
    const columns = columnsFor(vendor, headers);
    const score = Object.keys(columns).length;
    if (!best || score > best.score) best = { vendor, columns, score };
  }
  const columns = best!.columns;
  const missing: ('start' | 'number')[] = [];
  if (columns.start === undefined && columns.dialStart === undefined) missing.push('start');
  if (columns.number === undefined && columns.callerNumber === undefined && columns.calleeNumber === undefined) missing.push('number');
  return missing.length === 0 ? { ok: true, layout: { vendor: best!.vendor, columns } } : { ok: false, missing };
}

export const callRowProblems = ['no_start', 'bad_start', 'no_number', 'bad_duration'] as const;
export type CallRowProblem = (typeof callRowProblems)[number];

export interface CallLogRow {
  /** The vendor's id for the call, or one made of its start, number and duration. */
  externalId: string;
  startedAt: string;
  durationSec: number | null;
  /** The other party's numbers, as phone keys, most likely first. */
  numberKeys: string[];
  direction: 'outbound' | 'inbound' | null;
  result: string | null;
  recordingUrl: string | null;
  summary: string;
}

function cell(values: readonly string[], index: number | undefined): string {
  return index === undefined ? '' : (values[index] ?? '').trim();
}

function directionOf(text: string): 'outbound' | 'inbound' | null {
  const t = text.normalize('NFKC').toLowerCase();
  if (/発信|outbound|outgoing/u.test(t)) return 'outbound';
  if (/着信|inbound|incoming/u.test(t)) return 'inbound';
  return null;
}

/** One data row as a call, or why it cannot be one. */
export function readCallLogRow(layout: CallLogLayout, values: readonly string[], timeZone: string): { ok: true; row: CallLogRow } | { ok: false; problem: CallRowProblem } {
  const c = layout.columns;
  const startText = cell(values, c.start) || cell(values, c.dialStart);
  if (startText === '') return { ok: false, problem: 'no_start' };
  const startedAt = parseCallTime(startText, timeZone);
  if (!startedAt) return { ok: false, problem: 'bad_start' };
  let duration = parseDuration(cell(values, c.duration));
  if (duration === 'invalid') return { ok: false, problem: 'bad_duration' };
  if (duration === null && c.end !== undefined) {
    const end = parseCallTime(cell(values, c.end), timeZone);
    if (end) duration = Math.max(0, Math.round((Date.parse(end) - Date.parse(startedAt)) / 1000));
  }
  const direction = directionOf(cell(values, c.direction));
  const caller = phoneKey(cell(values, c.callerNumber));
  const callee = phoneKey(cell(values, c.calleeNumber));
  // Outbound: the other party is the callee; inbound: the caller; unknown: either.
  const ordered = direction === 'inbound' ? [caller, callee] : [callee, caller];
  const numberKeys = [...new Set([phoneKey(cell(values, c.number)), ...ordered].filter((k): k is string => k !== null))];
  if (numberKeys.length === 0) return { ok: false, problem: 'no_number' };
  const url = firstUrl(cell(values, c.recording)) ?? firstUrl(cell(values, c.url));
  const summary = [cell(values, c.summary), cell(values, c.memo)].filter((s) => s !== '').join('\n\n');
  const id = cell(values, c.id) || (c.url !== undefined ? firstUrl(cell(values, c.url)) : null) || `${startedAt}|${numberKeys[0]}|${duration ?? ''}`;
  return {
    ok: true,
    row: { externalId: `${layout.vendor}:${id}`, startedAt, durationSec: duration, numberKeys, direction, result: cell(values, c.result) || null, recordingUrl: url, summary },
  };
}
