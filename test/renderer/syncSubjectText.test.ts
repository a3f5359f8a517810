import { describe, expect, it } from 'vitest';
import type { SyncSubject } from '../../shared/contract/sync';
import { subjectText } from '../../renderer/src/components/sync/subjectText';
import { createI18n } from '../../renderer/src/i18n/createI18n';

const subject = (over: Partial<SyncSubject>): SyncSubject => ({
  kind: 'other',
  leadName: '髙橋 一郎',
  companyName: '株式会社見本精機',
  at: '2025-04-07T01:00:00.000Z',
  outcome: null,
  status: null,
  reason: null,
  doNotCall: null,
  correction: false,
  ...over,
});
const when = () => '4/7 10:00';

describe('the sync screen names every kind of item in the rep’s words', () => {
  it.each<['ja' | 'en', string, string, Partial<SyncSubject>, string]>([
    ['ja', 'followup', 'upsert', { kind: 'followup', reason: 'thanks' }, '髙橋 一郎（株式会社見本精機） へのフォローアップメール「お礼」（4/7 10:00）'],
    ['en', 'followup', 'upsert', { kind: 'followup', reason: 'scheduling' }, 'Follow-up mail “Scheduling” to'],
    ['ja', 'slot', 'upsert', { kind: 'slot', leadName: null, companyName: null }, '週間計画の架電コマ（4/7 10:00）'],
    ['en', 'slot', 'delete', { kind: 'slot_removed', leadName: null, companyName: null }, 'Call block taken off the week plan (4/7 10:00)'],
  ])('%s %s/%s', (language, entity, op, over, expected) => {
    const i18n = createI18n({ language });
    expect(subjectText(i18n.t, { entity, op, subject: subject(over) }, when)).toContain(expected);
  });
});
