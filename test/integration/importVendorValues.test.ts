import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsv } from '../helpers/imports';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

let temp: TempBackend;
beforeEach(() => {
  temp = createTempBackend();
});
afterEach(() => temp.close());

// A HubSpot contacts export (internal values for the enumerations) and a Salesforce Japan lead
// export (its Japanese picklist labels), each with one value Koma does not know.
const hubspot = [
  'Company Name,First Name,Last Name,Email,Phone Number,Original Source,Industry',
  'Alpha Systems,Ken,Mori,ken@alpha.example.com,03-1000-0001,ORGANIC_SEARCH,INFORMATION_TECHNOLOGY_AND_SERVICES',
  'Beta Works,Aya,Ueda,aya@beta.example.com,03-1000-0002,OFFLINE,COMPUTER_SOFTWARE',
  'Gamma Marine,Jun,Oda,jun@gamma.example.com,03-1000-0003,AFFILIATE_PROGRAM,MARITIME_SHIPPING_X',
].join('\r\n');
const salesforce = [
  '会社名,姓,名,メール,電話,リードソース,業種',
  '株式会社見本精機,長谷川,一郎,hasegawa@mihon.example.jp,03-2000-0001,電話問い合わせ,テクノロジー',
  '見本工業株式会社,髙橋,太郎,takahashi@kogyo.example.jp,03-2000-0002,パートナー紹介,製造',
  '有限会社見本商店,山﨑,花子,yamazaki@shoten.example.jp,03-2000-0003,広報,小売',
].join('\r\n');

async function byName(name: string) {
  const [row] = (await temp.call('leads.search', { search: name })).rows;
  const detail = await temp.call('lead.get', { leadId: row!.id });
  const industry = detail.score.breakdown.find((p) => p.kind === 'industry');
  return { source: detail.lead.source, sourceDetail: detail.lead.sourceDetail, industry: detail.company.industry, points: industry?.points };
}

describe('vendor values on import', () => {
  it('maps HubSpot’s enumerated values and keeps an unknown one as other, scored as other', async () => {
    const job = await importCsv(temp, 'hubspot-contacts.csv', hubspot);
    expect(job.result).toMatchObject({ inserted: 3, updated: 0, invalidCount: 0, skipped: 0, totalRows: 3 });
    expect(await byName('Mori')).toEqual({ source: 'web_inquiry', sourceDetail: null, industry: 'IT・情報サービス', points: 20 });
    expect(await byName('Ueda')).toEqual({ source: 'outbound_list', sourceDetail: null, industry: 'ソフトウェア', points: 20 });
    expect(await byName('Oda')).toEqual({ source: 'other', sourceDetail: 'AFFILIATE_PROGRAM', industry: 'other: MARITIME_SHIPPING_X', points: 5 });
    // The list says the same to the rep.
    const rows = (await temp.call('callList.page', { search: 'gamma' })).rows;
    expect(rows.map((r) => [r.source, r.sourceDetail])).toEqual([['other', 'AFFILIATE_PROGRAM']]);
  });

  it('maps Salesforce Japan’s picklist labels; a re-import with no source keeps the words, one with a source replaces them', async () => {
    await importCsv(temp, 'salesforce-leads.csv', salesforce);
    expect(await byName('長谷川')).toEqual({ source: 'web_inquiry', sourceDetail: null, industry: 'IT・情報サービス', points: 20 });
    expect(await byName('髙橋')).toEqual({ source: 'referral', sourceDetail: null, industry: '製造', points: 15 });
    expect(await byName('山﨑')).toEqual({ source: 'other', sourceDetail: '広報', industry: '小売', points: 5 });

    const again = await importCsv(temp, 'again.csv', ['会社名,姓,名,メール,リードソース', '有限会社見本商店,山﨑,花子,yamazaki@shoten.example.jp,'].join('\r\n'));
    expect(again.result).toMatchObject({ inserted: 0, updated: 1 });
    expect(await byName('山﨑')).toMatchObject({ source: 'other', sourceDetail: '広報' });
    await importCsv(temp, 'seminar.csv', ['会社名,姓,名,メール,リードソース', '有限会社見本商店,山﨑,花子,yamazaki@shoten.example.jp,セミナー'].join('\r\n'));
    expect(await byName('山﨑')).toMatchObject({ source: 'seminar', sourceDetail: null });
  });
});
