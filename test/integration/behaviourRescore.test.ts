import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastRescoreDay, rescoreIfDayChanged } from '../../electron/backend/app/behaviour/dailyRescore';
import { base64Of } from '../helpers/imports';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, nextTurn, type TempBackend } from '../helpers/tempBackend';

// The helper's clock starts Monday 2025-04-07 09:00 in Tokyo (00:00 UTC); Tokyo's day ends at 15:00 UTC.
let temp: TempBackend;
const minute = 60_000;
const day = 24 * 60 * minute;

beforeEach(async () => {
  temp = createTempBackend();
  seedLeads(temp.backend, [
    { id: 'taro', company: '株式会社サクラテック', name: '山田 太郎', email: 'taro@sakura.example' },
    {
      id: 'ichiro',
      company: '青葉商事株式会社',
      name: '鈴木 一郎',
      email: 'ichiro@aoba.example',
      status: 'recycled',
      recycleUntil: new Date(temp.clock.now().getTime() + 90 * day).toISOString(),
    },
  ]);
  await temp.call('behaviour.import', {
    fileName: 'events.csv',
    contentBase64: base64Of(
      ['Email,Event,Date', 'taro@sakura.example,見積依頼,2025/04/07 08:00', 'ichiro@aoba.example,見積依頼,2025/04/07 08:00', 'ichiro@aoba.example,資料ダウンロード,2025/04/07 08:00'].join('\n'),
    ),
  });
});
afterEach(() => temp.close());

const db = () => temp.backend.context.db;
const behaviourScore = (id: string) => (db().prepare('SELECT behaviour_score FROM leads WHERE id = ?').get(id) as { behaviour_score: number }).behaviour_score;
const storedDay = () => (db().prepare('SELECT value FROM settings WHERE key = ?').get(lastRescoreDay.key) as { value: string } | undefined)?.value;
const listed = async () => (await temp.call('callList.page', {})).rows.map((r) => r.id);

describe('the daily re-score service', () => {
  it('re-scores in the background once the backend runs its services, never inside a read', async () => {
    await temp.call('callList.page', {});
    expect(storedDay()).toBeUndefined();
    temp.backend.services.start();
    while (storedDay() === undefined) await nextTurn();
    expect(storedDay()).toBe('"2025-04-07"');
  });
});

describe('rescoreIfDayChanged', () => {
  it('re-scores every lead once per Tokyo day, and not again until the next one', () => {
    // Nothing re-scores inside a request any more: the first check of the day does.
    expect(storedDay()).toBeUndefined();
    expect(rescoreIfDayChanged(temp.backend.context)).not.toBeNull();
    expect(storedDay()).toBe('"2025-04-07"');
    expect(rescoreIfDayChanged(temp.backend.context)).toBeNull();

    // A stale stored score shows whether a later call re-scored.
    db().prepare('UPDATE leads SET behaviour_score = 0').run();
    temp.clock.advance(14 * 60 * minute + 59 * minute); // 23:59 in Tokyo
    expect(rescoreIfDayChanged(temp.backend.context)).toBeNull();
    expect(behaviourScore('taro')).toBe(0);

    temp.clock.advance(minute); // midnight in Tokyo, still 2025-04-07 in UTC
    expect(rescoreIfDayChanged(temp.backend.context)).toBe(2);
    expect(storedDay()).toBe('"2025-04-08"');
    expect(behaviourScore('taro')).toBe(25);
    expect(rescoreIfDayChanged(temp.backend.context)).toBeNull();
  });

  it('lets behaviour decay: a month later the quote request counts half, and the recycled lead leaves the list again', async () => {
    expect(behaviourScore('ichiro')).toBe(33);
    expect(await listed()).toContain('ichiro');

    // One half-life (30 days) after the events, on a new Tokyo day.
    temp.clock.advance(30 * day + 60 * minute);
    expect(rescoreIfDayChanged(temp.backend.context)).toBe(2);

    expect(behaviourScore('taro')).toBe(12);
    expect(behaviourScore('ichiro')).toBe(16);
    const detail = await temp.call('lead.get', { leadId: 'taro' });
    expect(detail.score.breakdown.filter((p) => p.kind === 'behaviour')).toEqual([{ kind: 'behaviour', points: 12, event: 'quote_request', count: 1 }]);
    expect(await listed()).not.toContain('ichiro');
  });
});
