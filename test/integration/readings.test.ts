import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsv } from '../helpers/imports';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

let temp: TempBackend;
beforeEach(() => {
  temp = createTempBackend();
});
afterEach(() => temp.close());

const file = [
  '会社名,会社名（フリガナ）,姓,名,姓（フリガナ）,名（フリガナ）,電話番号,メールアドレス',
  '株式会社見本精機,ミホンセイキ,長谷川,一郎,ハセガワ,イチロウ,03-0000-0000,hasegawa@mihon.example.jp',
  '㈱見本精機,ミホンセイキ,髙橋,太郎,タカハシ,タロウ,03-0000-0000,takahashi@mihon.example.jp',
  'スズラン商事株式会社,スズランショウジ,山﨑,花子,ヤマザキ,ハナコ,06-1111-2222,',
].join('\r\n');

async function search(term: string): Promise<string[]> {
  return (await temp.call('callList.page', { search: term })).rows.map((r) => r.fullName);
}

describe('readings and folded search', () => {
  beforeEach(async () => {
    const job = await importCsv(temp, 'readings.csv', file);
    expect(job.result).toMatchObject({ inserted: 3, updated: 0, invalidCount: 0, skipped: 0, totalRows: 3 });
  });

  it.each([
    ['はせがわ', ['長谷川 一郎']],
    ['ハセガワ', ['長谷川 一郎']],
    ['ﾊｾｶﾞﾜ', ['長谷川 一郎']],
    ['高橋', ['髙橋 太郎']],
    ['山崎', ['山﨑 花子']],
    ['すずらん', ['山﨑 花子']],
    ['みほんせいき', ['長谷川 一郎', '髙橋 太郎']],
    ['(株)見本精機', ['長谷川 一郎', '髙橋 太郎']],
    ['0300000000', ['長谷川 一郎', '髙橋 太郎']],
    ['06-1111', ['山﨑 花子']],
  ])('%s finds %j', async (term, names) => {
    expect((await search(term)).sort()).toEqual([...names].sort());
  });

  it('keeps both people at the shared switchboard, the number on the company, and the readings on lead and company', async () => {
    const rows = (await temp.call('callList.page', { search: 'みほん' })).rows;
    expect(rows.map((r) => [r.fullName, r.nameReading, r.companyName, r.companyReading]).sort()).toEqual([
      ['長谷川 一郎', 'ハセガワ イチロウ', '株式会社見本精機', 'ミホンセイキ'],
      ['髙橋 太郎', 'タカハシ タロウ', '株式会社見本精機', 'ミホンセイキ'],
    ].sort());
    const detail = await temp.call('lead.get', { leadId: rows[0]!.id });
    expect(detail.company).toMatchObject({ phone: '03-0000-0000', nameReading: 'ミホンセイキ' });
  });

  it('saves a corrected reading and searches by it at once, in one transaction with the company’s keys', async () => {
    const [lead] = (await temp.call('callList.page', { search: 'はせがわ' })).rows;
    await temp.call('lead.setReadings', { leadId: lead!.id, nameReading: 'ながたに いちろう', companyReading: 'みほんせいきこうぎょう' });
    expect(await search('ながたに')).toEqual(['長谷川 一郎']);
    expect(await search('はせがわ')).toEqual([]);
    expect((await search('せいきこうぎょう')).sort()).toEqual(['長谷川 一郎', '髙橋 太郎'].sort());
    const detail = await temp.call('lead.get', { leadId: lead!.id });
    expect(detail.lead.nameReading).toBe('ながたに いちろう');
    expect(detail.company.nameReading).toBe('みほんせいきこうぎょう');
  });

  it('puts the readings in the handoff package and its CSV export', async () => {
    const [lead] = (await temp.call('callList.page', { search: 'はせがわ' })).rows;
    const { reps } = await temp.call('fieldReps.save', { reps: [{ id: null, name: '営業 一郎', email: null, crmUserId: null, active: true }] });
    const now = temp.clock.now().getTime();
    await temp.call('calls.log', { leadId: lead!.id, startedAt: new Date(now - 300_000).toISOString(), endedAt: new Date(now).toISOString(), outcome: 'connected', notes: '' });
    const view = await temp.call('handoff.create', {
      leadId: lead!.id,
      fieldRepId: reps[0]!.id,
      appointmentAt: '2025-04-10T01:00:00.000Z',
      appointmentEnd: '2025-04-10T02:00:00.000Z',
      place: '本社',
      meetingUrl: null,
      summary: '検討中',
      overrideReason: '部長からの直接依頼',
    });
    expect(view.package.contact).toMatchObject({ name: '長谷川 一郎', reading: 'ハセガワ イチロウ' });
    expect(view.package.company).toMatchObject({ name: '株式会社見本精機', reading: 'ミホンセイキ' });
  });
});
