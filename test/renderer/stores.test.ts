import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import { createClient } from '../../renderer/src/api/client';
import { sendThroughPreload } from '../../renderer/src/api/preloadTransport';
import { selectRow } from '../../renderer/src/stores/callListStore';
import { createStores } from '../../renderer/src/stores/createStores';
import { deferred, leadKey, leadRow, ok, pagedCallList, type FakeApi } from './fakeApi';

type Page = Awaited<ReturnType<KomaApi['callList.page']>>;

function stores(api: FakeApi) {
  return createStores(createClient(sendThroughPreload(api)), { searchDebounceMs: 5, importPollMs: 1, saveFile: vi.fn() });
}

describe('the call list store', () => {
  it('drops a page that answers a search the rep has already replaced', async () => {
    const replies = new Map<string, ReturnType<typeof deferred<Page>>>();
    const page = vi.fn<KomaApi['callList.page']>((input) => {
      const reply = deferred<Page>();
      replies.set(input.search ?? '', reply);
      return reply.promise;
    });
    const { callList } = stores({ 'callList.page': page });
    callList.getState().reload();
    callList.getState().setSearchText('sato');
    await vi.waitFor(() => expect(replies.has('sato')).toBe(true));

    // The answer for the old (empty) search arrives last; it must not show up under "sato".
    replies.get('sato')?.resolve({ ok: true, value: { total: 1, offset: 0, rows: [leadRow(1, { fullName: 'Sato' })] } });
    await vi.waitFor(() => expect(callList.getState().total).toBe(1));
    replies.get('')?.resolve({ ok: true, value: { total: 500, offset: 0, rows: [leadRow(0)] } });
    await Promise.resolve();

    expect(callList.getState().total).toBe(1);
    expect(selectRow(callList.getState(), 0)?.fullName).toBe('Sato');
  });

  it('fetches each page once however often the grid asks', async () => {
    const page = pagedCallList(1_000);
    const { callList } = stores({ 'callList.page': page });
    callList.getState().reload();
    await vi.waitFor(() => expect(callList.getState().total).toBe(1_000));
    callList.getState().ensureRows(150, 260);
    callList.getState().ensureRows(180, 250);
    await vi.waitFor(() => expect(selectRow(callList.getState(), 260)?.id).toBe('lead-260'));
    expect(page.mock.calls.map(([input]) => input.offset)).toEqual([0, 100, 200]);
  });

  it('reads pages below a cached one by key, without a count, and keeps at most its cap of pages', async () => {
    const page = pagedCallList(100_000);
    const { callList } = stores({ 'callList.page': page });
    callList.getState().reload();
    await vi.waitFor(() => expect(callList.getState().total).toBe(100_000));
    for (let first = 0; first < 3_000; first += 100) {
      callList.getState().ensureRows(first, first + 30);
      await vi.waitFor(() => expect(selectRow(callList.getState(), first + 30)?.id).toBe(`lead-${first + 30}`));
    }
    const inputs = page.mock.calls.map(([input]) => input);
    expect(inputs[0]).not.toHaveProperty('cursor');
    expect(inputs.slice(1).every((input) => input.cursor?.kind === 'after' && input.count === false)).toBe(true);
    expect(Object.keys(callList.getState().pages).length).toBeLessThanOrEqual(20);
    expect(selectRow(callList.getState(), 0)).toBeUndefined();
  });

  it('after a change fetches again only the pages on screen, each from its own first key', async () => {
    const page = pagedCallList(100_000);
    const { callList } = stores({ 'callList.page': page });
    callList.getState().reload();
    await vi.waitFor(() => expect(callList.getState().total).toBe(100_000));
    for (const first of [0, 100, 200, 280]) {
      callList.getState().ensureRows(first, first + 30);
      await vi.waitFor(() => expect(selectRow(callList.getState(), first + 30)).toBeDefined());
    }
    page.mockClear();
    callList.getState().refresh();
    await vi.waitFor(() => expect(page).toHaveBeenCalledTimes(2));
    expect(page.mock.calls.map(([input]) => [input.offset, input.cursor, input.count])).toEqual([
      [200, { kind: 'from', key: leadKey(200) }, undefined],
      [300, { kind: 'from', key: leadKey(300) }, false],
    ]);
    await vi.waitFor(() => expect(selectRow(callList.getState(), 310)?.id).toBe('lead-310'));
    expect(selectRow(callList.getState(), 0)).toBeUndefined();
  });

  it('ends at the list’s last rows when End jumps there with no page near it', async () => {
    const page = pagedCallList(100_050);
    const { callList } = stores({ 'callList.page': page });
    callList.getState().reload();
    await vi.waitFor(() => expect(callList.getState().total).toBe(100_050));
    callList.getState().ensureRows(100_020, 100_049);
    await vi.waitFor(() => expect(selectRow(callList.getState(), 100_049)?.id).toBe('lead-100049'));
    expect(page.mock.calls.at(-1)?.[0].cursor).toEqual({ kind: 'last' });
  });
});

describe('the import store', () => {
  it('polls a running job until it is done, then refreshes the lead count and the list', async () => {
    const statuses = [
      { jobId: 'j', phase: 'writing' as const, processed: 50, total: 100 },
      { jobId: 'j', phase: 'done' as const, processed: 100, total: 100, result: { importId: 'i', fileName: 's.csv', encoding: 'utf-8' as const, totalRows: 100, inserted: 100, updated: 0, skipped: 0, invalidCount: 0, invalid: [], warnings: [], possibleDuplicates: 0 } },
    ];
    const status = vi.fn<KomaApi['import.status']>(() => ok(statuses.shift() ?? statuses[0]!));
    const info = vi.fn<KomaApi['app.info']>(() => ok({ version: '1', mode: 'browser', dataDir: '', databasePath: '', leadCount: 100 }));
    const page = pagedCallList(100);
    const s = stores({ 'import.startSample': () => ok({ jobId: 'j', phase: 'decoding', processed: 0, total: 0 }), 'import.status': status, 'app.info': info, 'callList.page': page });

    await s.imports.getState().startSample();
    await vi.waitFor(() => expect(s.imports.getState().step).toBe('done'));
    expect(status).toHaveBeenCalledTimes(2);
    expect(status).toHaveBeenCalledWith({ jobId: 'j' });
    expect(s.imports.getState().result?.inserted).toBe(100);
    await vi.waitFor(() => expect(s.app.getState().info?.leadCount).toBe(100));
    await vi.waitFor(() => expect(s.callList.getState().total).toBe(100));
  });

  it('refuses a file over the size limit before reading it', async () => {
    const previewCommand = vi.fn<KomaApi['import.preview']>();
    const s = stores({ 'import.preview': previewCommand });
    const huge = new File(['x'], 'huge.csv');
    Object.defineProperty(huge, 'size', { value: 65 * 1024 * 1024 });
    await s.imports.getState().chooseFile(huge);
    expect(s.imports.getState().problem?.kind).toBe('file_too_large');
    expect(previewCommand).not.toHaveBeenCalled();
  });
});

describe('the start-up requests', () => {
  it('leave once however often the app asks (main.tsx before the first render, the app’s effect after)', async () => {
    const info = vi.fn<KomaApi['app.info']>(() => ok({ version: '1', mode: 'browser', dataDir: '', databasePath: '', leadCount: 100 }));
    const page = pagedCallList(100);
    const s = stores({ 'app.info': info, 'callList.page': page });
    s.startOnce();
    s.startOnce();
    await vi.waitFor(() => expect(s.callList.getState().total).toBe(100));
    expect(info).toHaveBeenCalledTimes(1);
    expect(page).toHaveBeenCalledTimes(1);
    // A retry after a problem asks again.
    s.start();
    await vi.waitFor(() => expect(info).toHaveBeenCalledTimes(2));
  });
});
