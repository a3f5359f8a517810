import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { importCsv } from '../helpers/imports';
import { byKomaId, logCall } from '../fakes/repActions';
import { createSyncHarness, type SyncHarness } from '../fakes/syncHarness';

/**
 * A re-import that changes a lead the CRM already has reaches the CRM like any edit (issue 14,
 * item 7), against a real SQLite file and the strict fake; a re-import that changes nothing costs
 * no request.
 */
let h: SyncHarness;
afterEach(async () => h?.close());

const header = ['会社名', '姓', '名', 'フリガナ', '役職', '部署', '電話番号', 'メール'];
const takahashi = ['株式会社見本精機', '髙橋', '太郎', 'タカハシ タロウ', '部長', '情報システム部', '03-1234-0001', 'taro@mihon.example.co.jp'];
const yamazaki = ['㈱見本精機', '山﨑', '花子', 'ヤマザキ ハナコ', '課長', '総務部', '03-1234-0002', 'hanako@mihon.example.co.jp'];

/** A Shift_JIS file as Japanese Excel saves it, CRLF line ends. */
function file(rows: readonly (readonly string[])[]): Uint8Array {
  return iconv.encode(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'cp932');
}

const leadIdOf = (name: string) => (h.backend.context.db.prepare('SELECT id FROM leads WHERE last_name = ?').get(name) as { id: string }).id;
const detailRows = () => h.outbox().filter((r) => r.entity === 'lead' && r.op === 'details');

async function importFile(rows: readonly (readonly string[])[]) {
  const job = await importCsv(h, 'リスト.csv', file([header, ...rows]));
  expect(job.phase).toBe('done');
  return job.result!;
}

/** 髙橋 imported, then sent to Salesforce with a call (which creates his Lead); his lead id. */
async function takahashiInSalesforce(): Promise<string> {
  h = await createSyncHarness();
  await h.signIn();
  await importFile([takahashi]);
  const taro = leadIdOf('髙橋');
  await logCall(h, taro);
  await h.settle();
  return taro;
}

describe('a re-import of leads Salesforce already has', () => {
  it('queues one Lead update for a changed title, and nothing for a file that changes nothing', async () => {
    h = await createSyncHarness();
    await h.signIn();
    await importFile([takahashi, yamazaki]);
    // 髙橋 is sent (a call creates his Lead); 山﨑 stays local only.
    const taro = leadIdOf('髙橋');
    await logCall(h, taro, 'connected', '来週再度ご連絡');
    await h.settle();
    const lead = byKomaId(h, 'Lead').get(taro)!;
    expect(lead).toMatchObject({ LastName: '髙橋', FirstName: '太郎', Title: '部長' });
    expect(h.backend.context.db.prepare('SELECT crm_id FROM leads WHERE id = ?').get(taro)).toEqual({ crm_id: lead.Id });
    expect(detailRows()).toEqual([]);

    // The list comes back with 髙橋 promoted, and 山﨑's title changed too (she is not in Salesforce).
    const before = h.fake.stats();
    const result = await importFile([[...takahashi.slice(0, 4), '本部長', ...takahashi.slice(5)], [...yamazaki.slice(0, 4), '部長', ...yamazaki.slice(5)]]);
    expect(result).toMatchObject({ inserted: 0, updated: 2 });
    expect(detailRows()).toEqual([expect.objectContaining({ entity_id: taro, state: 'pending' })]);
    await h.settle();
    const after = h.fake.stats();
    expect(after.apiRequests - before.apiRequests).toBe(1);
    expect(after.updates - before.updates).toBe(1);
    expect(byKomaId(h, 'Lead').get(taro)).toMatchObject({ Id: lead.Id, Title: '本部長', LastName: '髙橋', Phone: '03-1234-0001' });
    expect(h.fake.records('Lead')).toHaveLength(1);
    expect(detailRows().map((r) => r.state)).toEqual(['done']);

    // The same file again: nothing changed, nothing queued, no request.
    const rows = h.outbox().length;
    await importFile([[...takahashi.slice(0, 4), '本部長', ...takahashi.slice(5)], [...yamazaki.slice(0, 4), '部長', ...yamazaki.slice(5)]]);
    expect(h.outbox()).toHaveLength(rows);
    await h.backend.sync.engine.drain();
    expect(h.fake.stats().apiRequests).toBe(after.apiRequests);
  });

  it('writes the outbox row in the import transaction: an import that fails queues nothing and changes nothing', async () => {
    const taro = await takahashiInSalesforce();
    const rows = h.outbox().length;

    // The store refuses the import's last write (the import's counts): everything before it rolls back.
    const db = h.backend.context.db;
    db.exec(`CREATE TRIGGER refuse_import_counts BEFORE UPDATE OF inserted ON imports BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const job = await importCsv(h, 'リスト.csv', file([header, [...takahashi.slice(0, 4), '取締役', ...takahashi.slice(5)]]));
    expect(job.phase).toBe('failed');
    expect(h.outbox()).toHaveLength(rows);
    expect(db.prepare('SELECT title FROM leads WHERE id = ?').get(taro)).toEqual({ title: '部長' });
  });

  it('writes a converted Lead’s new details on the Contact it became', async () => {
    const taro = await takahashiInSalesforce();
    // Field sales converted his Lead in Salesforce: Salesforce refuses any write to it now.
    const lead = byKomaId(h, 'Lead').get(taro)!;
    const account = h.fake.insert('Account', { Name: '株式会社見本精機' });
    const contact = h.fake.insert('Contact', { LastName: '髙橋', FirstName: '太郎', Title: '部長', AccountId: account });
    h.fake.update('Lead', String(lead.Id), { IsConverted: true, Status: 'Qualified', ConvertedAccountId: account, ConvertedContactId: contact });

    await importFile([[...takahashi.slice(0, 4), '本部長', ...takahashi.slice(5, 6), '03-1234-7777', takahashi[7]!]]);
    await h.settle();

    expect(h.fake.records('Contact').find((c) => c.Id === contact)).toMatchObject({ LastName: '髙橋', Title: '本部長', Phone: '03-1234-7777' });
    expect(h.fake.records('Lead').find((l) => l.Id === lead.Id)).toMatchObject({ Title: '部長' });
    expect(detailRows().map((r) => r.state)).toEqual(['done']);
  });

  it('sends a changed phone as the file has it, and keeps a value the file leaves empty', async () => {
    const taro = await takahashiInSalesforce();

    // His direct line, in full-width digits; the title column is empty in this export.
    await importFile([[...takahashi.slice(0, 4), '', takahashi[5]!, '０３－１２３４－９９９９', takahashi[7]!]]);
    await h.settle();
    expect(byKomaId(h, 'Lead').get(taro)).toMatchObject({ Title: '部長', Email: 'taro@mihon.example.co.jp', Phone: '03-1234-9999' });
    const payload = JSON.parse(
      (h.backend.context.db.prepare("SELECT payload FROM outbox WHERE entity = 'lead' AND op = 'details'").get() as { payload: string }).payload,
    ) as Record<string, unknown>;
    expect(payload).toMatchObject({ leadId: taro, title: '部長', nameReading: 'タカハシ タロウ', email: 'taro@mihon.example.co.jp', phone: '03-1234-9999' });
  });
});
