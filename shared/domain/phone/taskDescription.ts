import { firstUrl, parseCallTime } from './callValues';

/**
 * What a phone system's call Task says beyond the standard call fields. MiiTel's activity sync
 * writes into the Task's comment (Description) the dial start, call start and end times, the call
 * memo, the call type, the duration in seconds, the URL of the call's page in MiiTel Analytics
 * (where the recording plays) and the speech recognition summary (MiiTel Help, "Step 2 : Salesforce
 * 活動履歴連携": https://support.miitel.jp/hc/ja/articles/360030158912). The exact layout of those
 * lines is not documented, so Koma reads them loosely: a line "通話開始時刻: …" gives the start,
 * the first URL is the recording link, and the comment itself is the summary. Zoom Phone's and
 * Dialpad's Salesforce integrations likewise put the call's notes in the comment; how they link a
 * recording is not documented in the pages Koma could find, so any URL in the comment is taken.
 */
export interface TaskCallDetails {
  recordingUrl: string | null;
  /** The call's start when the comment states it, else null (the caller estimates it). */
  startedAt: string | null;
  summary: string;
}

const startLine = /^[\s・*-]*(?:通話開始(?:時刻|日時)|Call start(?:ed)?(?: time)?|Start time)\s*[:：]\s*(.+)$/imu;

export function readTaskDescription(description: string | null, timeZone: string): TaskCallDetails {
  const text = (description ?? '').trim();
  const start = startLine.exec(text)?.[1];
  return { recordingUrl: firstUrl(text), startedAt: start ? parseCallTime(start, timeZone) : null, summary: text };
}
