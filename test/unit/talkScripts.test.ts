import { describe, expect, it } from 'vitest';
import { talkFileSchema, talkSetSchema, type MergeValues, type TalkScript } from '../../shared/contract/talk';
import { defaultTalkSet } from '../../shared/domain/talk/defaults';
import { mergeSegments, mergeText, unknownFields, type MergedSegment } from '../../shared/domain/talk/merge';
import { objectionStats } from '../../shared/domain/talk/objectionStats';
import { callStageOf, pickScript } from '../../shared/domain/talk/pick';

const values: MergeValues = {
  company: '株式会社髙﨑製作所',
  person: '長谷川 花子',
  title: '情報システム部 部長',
  department: null,
  seminar: 'インサイドセールス立ち上げ講座',
  lastDownload: null,
  rep: '山田',
};
const placeholder = (field: string) => `［${field}］`;

describe('mergeSegments / mergeText', () => {
  it.each<[string, string, Partial<MergeValues>, string]>([
    ['fields filled from the lead', '{{company}}の{{person}}様', values, '株式会社髙﨑製作所の長谷川 花子様'],
    ['spaces inside the braces', '{{ company }}', values, '株式会社髙﨑製作所'],
    ['a field the lead lacks is a visible placeholder', '「{{lastDownload}}」', values, '「［lastDownload］」'],
    ['a null field is a placeholder', '{{department}}の皆様', values, '［department］の皆様'],
    ['a blank value is missing too', '{{person}}', { person: '   ' }, '［person］'],
    ['a field absent from the values object', '{{seminar}}', {}, '［seminar］'],
    ['an unknown name is left as written', '{{budgetYen}} 円', values, '{{budgetYen}} 円'],
    ['full-width braces are text', '｛｛company｝｝', values, '｛｛company｝｝'],
    ['no fields', '2〜3分よろしいでしょうか。', values, '2〜3分よろしいでしょうか。'],
    ['the same field twice', '{{rep}}です。{{rep}}と申します。', values, '山田です。山田と申します。'],
    ['an unclosed token stays text', '{{company', values, '{{company'],
    ['empty template', '', values, ''],
  ])('%s', (_, template, given, expected) => {
    const text = mergeText(template, given, placeholder);
    expect(text).toBe(expected);
    expect(text).not.toContain('undefined');
    expect(text).not.toContain('null');
  });

  it('gives the pieces, so the screen can mark what is missing', () => {
    expect(mergeSegments('{{company}}「{{lastDownload}}」', values)).toEqual<MergedSegment[]>([
      { kind: 'field', field: 'company', value: '株式会社髙﨑製作所' },
      { kind: 'text', text: '「' },
      { kind: 'missing', field: 'lastDownload' },
      { kind: 'text', text: '」' },
    ]);
  });

  it('lists names the editor should warn about', () => {
    expect(unknownFields('{{company}} {{kaisha}} {{kaisha}} {{rep}}')).toEqual(['kaisha']);
  });

  it('every field the built-in set uses is a known merge field', () => {
    const texts = [...defaultTalkSet.scripts.flatMap((s) => s.steps.flatMap((st) => [st.body.ja, st.body.en])), ...defaultTalkSet.cards.flatMap((c) => c.answers.flatMap((a) => [a.ja, a.en]))];
    expect(texts.flatMap(unknownFields)).toEqual([]);
  });
});

describe('callStageOf', () => {
  it.each<[string, { status: 'new' | 'working' | 'recycled' | 'callback'; attempts: number }, string]>([
    ['never called', { status: 'new', attempts: 0 }, 'first_call'],
    ['called before', { status: 'working', attempts: 2 }, 'follow_up'],
    ['a callback', { status: 'callback', attempts: 1 }, 'follow_up'],
    ['back from recycling', { status: 'recycled', attempts: 3 }, 'recycled'],
    ['recycled without a call (not reached)', { status: 'recycled', attempts: 0 }, 'recycled'],
  ])('%s', (_, lead, stage) => expect(callStageOf(lead)).toBe(stage));
});

describe('pickScript', () => {
  const step = { heading: { ja: '見出し', en: '' }, body: { ja: '本文', en: '' }, bant: null };
  const script = (id: string, sources: TalkScript['sources'], stages: TalkScript['stages']): TalkScript => ({ id, name: { ja: id, en: id }, sources, stages, steps: [step] });
  const scripts = [script('any', [], []), script('recycled', [], ['recycled']), script('web', ['web_inquiry'], []), script('web-first', ['web_inquiry'], ['first_call']), script('web-first-2', ['web_inquiry'], ['first_call'])];
  it.each<[string, Parameters<typeof pickScript>[1], string]>([
    ['source and stage named beat the rest (first of equals wins)', { source: 'web_inquiry', stage: 'first_call' }, 'web-first'],
    ['source named beats stage named', { source: 'web_inquiry', stage: 'recycled' }, 'web'],
    ['stage named beats the catch-all', { source: 'seminar', stage: 'recycled' }, 'recycled'],
    ['the catch-all', { source: 'seminar', stage: 'follow_up' }, 'any'],
  ])('%s', (_, lead, id) => expect(pickScript(scripts, lead)?.id).toBe(id));

  it('with nothing fitting, the first script of the set', () => {
    expect(pickScript([script('seminar', ['seminar'], []), script('web', ['web_inquiry'], [])], { source: 'referral', stage: 'first_call' })?.id).toBe('seminar');
  });

  it.each<[string, string, string]>([
    ['web_inquiry', 'first_call', 'web-inquiry-first'],
    ['seminar', 'follow_up', 'seminar-follow-up'],
    ['content_download', 'first_call', 'download-first'],
    ['outbound_list', 'recycled', 'recycled-return'],
    ['referral', 'first_call', 'general'],
  ])('the built-in set: %s / %s → %s', (source, stage, id) => {
    expect(pickScript(defaultTalkSet.scripts, { source: source as never, stage: stage as never })?.id).toBe(id);
  });
});

describe('the talk set format', () => {
  it('the built-in set is valid, with at least six objection cards in Japanese and English', () => {
    expect(talkSetSchema.safeParse(defaultTalkSet).success).toBe(true);
    expect(defaultTalkSet.cards.length).toBeGreaterThanOrEqual(6);
    for (const card of defaultTalkSet.cards) expect(card.title.ja && card.title.en).toBeTruthy();
    expect(defaultTalkSet.cards.map((c) => c.title.ja)).toEqual(expect.arrayContaining(['今は忙しい', '予算がない', '他社を使っている', '資料だけ送って']));
  });

  it.each<[string, unknown]>([
    ['two cards with one id', { ...defaultTalkSet, cards: [defaultTalkSet.cards[0], defaultTalkSet.cards[0]] }],
    ['a card with no answers', { ...defaultTalkSet, cards: [{ ...defaultTalkSet.cards[0], answers: [] }] }],
    ['a text empty in both languages', { ...defaultTalkSet, cards: [{ ...defaultTalkSet.cards[0], title: { ja: ' ', en: '' } }] }],
    ['an id with spaces', { ...defaultTalkSet, cards: [{ ...defaultTalkSet.cards[0], id: 'no budget' }] }],
    ['an unknown lead source', { ...defaultTalkSet, scripts: [{ ...defaultTalkSet.scripts[0], sources: ['tv_ad'] }] }],
    ['an extra field', { ...defaultTalkSet, extra: 1 }],
  ])('refuses %s', (_, set) => expect(talkSetSchema.safeParse(set).success).toBe(false));

  it('a file needs its header', () => {
    expect(talkFileSchema.safeParse({ format: 'koma-talk-set', formatVersion: 1, set: defaultTalkSet }).success).toBe(true);
    expect(talkFileSchema.safeParse({ format: 'koma-talk-set', formatVersion: 2, set: defaultTalkSet }).success).toBe(false);
    expect(talkFileSchema.safeParse(defaultTalkSet).success).toBe(false);
  });
});

describe('objectionStats', () => {
  const title = (id: string) => ({ ja: id, en: id });
  it('counts objections most raised first, with the appointments after connects', () => {
    const rows = objectionStats(
      [
        { cardId: 'busy', leadId: 'a', startedAt: '2026-12-01T01:00:00.000Z', outcome: 'connected' },
        { cardId: 'busy', leadId: 'b', startedAt: '2026-12-01T02:00:00.000Z', outcome: 'connected' },
        { cardId: 'busy', leadId: 'c', startedAt: '2026-12-01T03:00:00.000Z', outcome: 'gatekeeper' },
        { cardId: 'no-budget', leadId: 'd', startedAt: '2026-12-02T01:00:00.000Z', outcome: 'not_interested' },
        // Booked before this call: the appointment did not come after the objection.
        { cardId: 'send-materials', leadId: 'e', startedAt: '2026-12-03T01:00:00.000Z', outcome: 'connected' },
      ],
      [
        { leadId: 'a', createdAt: '2026-12-01T01:10:00.000Z', appointmentAt: '2026-12-05T01:00:00.000Z' },
        { leadId: 'b', createdAt: '2026-12-01T03:00:00.000Z', appointmentAt: null },
        { leadId: 'e', createdAt: '2026-12-02T00:00:00.000Z', appointmentAt: '2026-12-04T00:00:00.000Z' },
      ],
      title,
    );
    expect(rows).toEqual([
      { cardId: 'busy', title: title('busy'), raised: 3, connects: 2, appointments: 1, appointmentRate: 0.5 },
      { cardId: 'no-budget', title: title('no-budget'), raised: 1, connects: 1, appointments: 0, appointmentRate: 0 },
      { cardId: 'send-materials', title: title('send-materials'), raised: 1, connects: 1, appointments: 0, appointmentRate: 0 },
    ]);
  });

  it('an objection never reaching anyone has no rate, not a division by zero', () => {
    expect(objectionStats([{ cardId: 'busy', leadId: 'a', startedAt: '2026-12-01T01:00:00.000Z', outcome: 'gatekeeper' }], [], title)[0]!.appointmentRate).toBeNull();
  });
});
