import { describe, expect, it } from 'vitest';
import { behaviourKinds, type BehaviourKind } from '../../shared/contract/scoringRules';
import {
  behaviourColumns,
  behaviourHeaderAliases,
  behaviourMappingProblem,
  mapBehaviourHeaders,
  type BehaviourColumn,
} from '../../shared/domain/behaviour/columns';
import { crmIdCandidates } from '../../shared/domain/behaviour/crmId';
import { checkEventRow, futureToleranceMs } from '../../shared/domain/behaviour/eventRow';
import { parseEventTime } from '../../shared/domain/behaviour/eventTime';
import { behaviourKindAliases, behaviourKindOf } from '../../shared/domain/behaviour/kinds';
import { behaviourReasons } from '../../shared/domain/behaviour/reasons';
import { headerKey } from '../../shared/domain/import/headerMapping';

function mapped(headers: string[]): Partial<Record<BehaviourColumn, string>> {
  return Object.fromEntries(
    Object.entries(mapBehaviourHeaders(headers))
      .filter(([, column]) => column !== null)
      .map(([field, column]) => [field, headers[column as number]]),
  );
}

describe('mapBehaviourHeaders', () => {
  it.each<[string, string[], Partial<Record<BehaviourColumn, string>>]>([
    ['a Japanese sheet', ['メールアドレス', 'イベント種別', '発生日時', '詳細'], { email: 'メールアドレス', kind: 'イベント種別', occurredAt: '発生日時', detail: '詳細' }],
    ['a Salesforce activity report', ['Lead ID', 'Email', 'Activity Type', 'Activity Date'], { crmId: 'Lead ID', email: 'Email', kind: 'Activity Type', occurredAt: 'Activity Date' }],
    ['a HubSpot export', ['Record ID', 'Email', 'Event', 'Timestamp', 'Page URL'], { crmId: 'Record ID', email: 'Email', kind: 'Event', occurredAt: 'Timestamp', detail: 'Page URL' }],
    ['the 18-character id wins over the 15-character one', ['Lead ID', '18 Digit Lead ID', 'Type', 'Date'], { crmId: '18 Digit Lead ID', kind: 'Type', occurredAt: 'Date' }],
    ['width, case and notes do not matter', ['ＥＭＡＩＬ', 'アクション', '日時（JST）'], { email: 'ＥＭＡＩＬ', kind: 'アクション', occurredAt: '日時（JST）' }],
    ['unknown columns are left out', ['会社名', 'メール', '行動', '日付', '担当者'], { email: 'メール', kind: '行動', occurredAt: '日付' }],
  ])('%s', (_name, headers, expected) => {
    expect(mapped(headers)).toEqual(expected);
  });

  it('lists every column, null when absent', () => {
    expect(mapBehaviourHeaders(['Email'])).toEqual({ email: 0, crmId: null, kind: null, occurredAt: null, detail: null });
  });

  it('no header name is claimed by two columns', () => {
    const owners = new Map<string, BehaviourColumn>();
    for (const column of behaviourColumns) {
      for (const alias of behaviourHeaderAliases[column]) {
        const key = headerKey(alias);
        expect(owners.get(key) ?? column, `${alias} under ${column} and ${owners.get(key)}`).toBe(column);
        owners.set(key, column);
      }
    }
  });
});

describe('behaviourMappingProblem', () => {
  it.each<[string[], string | null]>([
    [['Email', 'Event', 'Date'], null],
    [['CRM ID', 'Event', 'Date'], null],
    [['Event', 'Date'], "No column holds the lead's email or CRM id"],
    [['Email', 'Date'], 'No column holds the event kind'],
    [['Email', 'Event'], 'No column holds the event date and time'],
  ])('%j → %s', (headers, problem) => {
    expect(behaviourMappingProblem(mapBehaviourHeaders(headers))).toBe(problem);
  });
});

describe('behaviourKindOf', () => {
  it.each<[string, BehaviourKind | null]>([
    ['Webアクセス', 'web_visit'],
    ['ページ閲覧', 'web_visit'],
    ['web visit', 'web_visit'],
    ['WEB_VISIT', 'web_visit'],
    ['資料ダウンロード', 'content_download'],
    ['download', 'content_download'],
    ['無料トライアル', 'free_trial'],
    ['Free Trial', 'free_trial'],
    ['見積依頼', 'quote_request'],
    ['quote request', 'quote_request'],
    ['セミナー参加', 'seminar'],
    ['ｾﾐﾅｰ参加', 'seminar'],
    ['Webinar', 'seminar'],
    [' seminar ', 'seminar'],
    ['電話', null],
    ['email open', null],
    ['', null],
  ])('%j → %s', (cell, kind) => {
    expect(behaviourKindOf(cell)).toBe(kind);
  });

  it('every kind is known by its own code, and no name means two kinds', () => {
    const owners = new Map<string, BehaviourKind>();
    for (const kind of behaviourKinds) {
      expect(behaviourKindOf(kind)).toBe(kind);
      for (const alias of behaviourKindAliases[kind]) {
        const key = headerKey(alias);
        expect(owners.get(key) ?? kind, alias).toBe(kind);
        owners.set(key, kind);
      }
    }
  });
});

describe('parseEventTime', () => {
  it.each<[string, string, string]>([
    ['2025-04-07T10:15:00+09:00', 'Asia/Tokyo', '2025-04-07T01:15:00.000Z'],
    ['2025-04-07T01:15:00Z', 'Asia/Tokyo', '2025-04-07T01:15:00.000Z'],
    ['2025-04-07T01:15:00.123456z', 'Asia/Tokyo', '2025-04-07T01:15:00.123Z'],
    ['2025-04-07T10:15+0530', 'Asia/Tokyo', '2025-04-07T04:45:00.000Z'],
    ['2025-04-07 10:15 -05:00', 'Asia/Tokyo', '2025-04-07T15:15:00.000Z'],
    ['2025-04-07T10:15:00+09', 'Asia/Tokyo', '2025-04-07T01:15:00.000Z'],
    // No offset: Japan time by default.
    ['2025/04/07 10:15', 'Asia/Tokyo', '2025-04-07T01:15:00.000Z'],
    ['2025-04-07 10:15:00', 'Asia/Tokyo', '2025-04-07T01:15:00.000Z'],
    ['2025-04-07T10:15', 'Asia/Tokyo', '2025-04-07T01:15:00.000Z'],
    ['2025/4/7 9:05', 'Asia/Tokyo', '2025-04-07T00:05:00.000Z'],
    ['２０２５／０４／０７　１０：１５', 'Asia/Tokyo', '2025-04-07T01:15:00.000Z'],
    ['2025/04/07', 'Asia/Tokyo', '2025-04-06T15:00:00.000Z'],
    ['2024-02-29 23:59:59', 'Asia/Tokyo', '2024-02-29T14:59:59.000Z'],
    // Another team zone moves only the times without an offset.
    ['2025/04/07 10:15', 'UTC', '2025-04-07T10:15:00.000Z'],
    ['2025-04-07T10:15:00+09:00', 'UTC', '2025-04-07T01:15:00.000Z'],
  ])('%j in %s → %s', (cell, zone, iso) => {
    expect(parseEventTime(cell, zone)?.toISOString()).toBe(iso);
  });

  it.each(['', 'yesterday', '07/04/2025', '2025-02-30 10:00', '2025-13-01', '2025-04-07 24:00', '2025-04-07 10:60', '2025-04-07 10:15:61', '2025-04-07T10:15+15:00', '2025-04-07T10:15+09:75', '0999-01-01', '2025-04-07Z'])(
    '%j is not a time',
    (cell) => {
      expect(parseEventTime(cell, 'Asia/Tokyo')).toBeNull();
    },
  );
});

describe('crmIdCandidates', () => {
  it.each<[string, string, string[]]>([
    ['a Salesforce 15-character id also matches its 18-character form', '001D000000IqhSL', ['001D000000IqhSL', '001D000000IqhSLIAZ']],
    ['an 18-character id also matches its 15-character form', '001D000000IqhSLIAZ', ['001D000000IqhSLIAZ', '001D000000IqhSL']],
    ['an 18-character id whose case was lost gets it back from its suffix', '001D000000IQHSLIAZ', ['001D000000IQHSLIAZ', '001D000000IqhSLIAZ', '001D000000IqhSL']],
    ['an 18-character id with a suffix that does not fit matches only as written', '001D000000IQHSLZZZ', ['001D000000IQHSLZZZ']],
    ['a HubSpot contact id', '51234', ['51234']],
    ['any other id, trimmed and width-folded', ' ａｂｃ-1 ', ['abc-1']],
    ['nothing', '  ', []],
  ])('%s', (_name, cell, expected) => {
    expect(crmIdCandidates(cell)).toEqual(expected);
  });
});

describe('checkEventRow', () => {
  const mapping = mapBehaviourHeaders(['Email', 'CRM ID', 'Event', 'Date', 'Detail']);
  const now = new Date('2025-04-07T00:00:00.000Z');
  const check = (values: string[]) => checkEventRow(values, mapping, { timeZone: 'Asia/Tokyo', now });

  it('turns a row into an event: email folded, time in UTC, detail kept', () => {
    expect(check([' Taro@Example.JP ', '', '見積依頼', '2025/04/07 08:30', '/pricing'])).toEqual({
      ok: true,
      event: { emailKey: 'taro@example.jp', crmIds: [], kind: 'quote_request', occurredAt: '2025-04-06T23:30:00.000Z', detail: '/pricing' },
    });
  });

  it('a CRM id alone names the lead; an empty detail is null', () => {
    expect(check(['', '51234', 'seminar', '2025-04-01T15:00:00+09:00', ''])).toEqual({
      ok: true,
      event: { emailKey: null, crmIds: ['51234'], kind: 'seminar', occurredAt: '2025-04-01T06:00:00.000Z', detail: null },
    });
  });

  it.each<[string, string[], string[]]>([
    ['no lead key, no kind, no time', ['', '', '', '', ''], [behaviourReasons.missingLeadKey, behaviourReasons.missingKind, behaviourReasons.missingTime]],
    ['an unknown kind and a bad time', ['a@b.jp', '', '電話', '2025/02/30 10:00', ''], [behaviourReasons.unknownKind, behaviourReasons.badTime]],
    ['a short row', ['a@b.jp'], [behaviourReasons.missingKind, behaviourReasons.missingTime]],
  ])('%s: every reason at once', (_name, values, reasons) => {
    expect(check(values)).toEqual({ ok: false, reasons });
  });

  it('accepts up to a day in the future, and nothing later', () => {
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    expect(check(['a@b.jp', '', 'web visit', at(futureToleranceMs), '']).ok).toBe(true);
    expect(check(['a@b.jp', '', 'web visit', at(futureToleranceMs + 60_000), ''])).toEqual({ ok: false, reasons: [behaviourReasons.futureTime] });
  });
});
