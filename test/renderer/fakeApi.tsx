import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi, type Mock } from 'vitest';
import type { AppError, Result } from '../../shared/contract';
import type { KomaApi } from '../../shared/contract/api';
import type { AppInfo } from '../../shared/contract/app';
import type { ImportJob, ImportResult } from '../../shared/contract/imports';
import type { CallListRow } from '../../shared/contract/leads';
import { createClient } from '../../renderer/src/api/client';
import { sendThroughPreload } from '../../renderer/src/api/preloadTransport';
import { Root } from '../../renderer/src/components/Root';
import { createI18n } from '../../renderer/src/i18n/createI18n';
import type { Language } from '../../renderer/src/i18n/languages';
import type { SaveFile } from '../../renderer/src/lib/saveFile';
import { createStores } from '../../renderer/src/stores/createStores';

/** The boundary faked as the preload would expose it: only the commands a test cares about. */
export type FakeApi = Partial<KomaApi>;

export function ok<T>(value: T): Promise<Result<T>> {
  return Promise.resolve({ ok: true, value });
}

export function fail(code: AppError['code'], message: string): Promise<Result<never>> {
  return Promise.resolve({ ok: false, error: { code, message } });
}

/** A promise the test settles by hand, to hold the UI in an in-between state. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export function appInfo(leadCount: number): AppInfo {
  return { version: '0.1.0', mode: 'browser', dataDir: '/data', databasePath: '/data/koma.sqlite3', leadCount };
}

export function leadRow(index: number, overrides: Partial<CallListRow> = {}): CallListRow {
  return {
    id: `lead-${index}`,
    companyId: `company-${index}`,
    companyName: `Company ${index}`,
    companyReading: null,
    nameReading: null,
    sourceDetail: null,
    fullName: `Person ${index}`,
    title: index % 2 === 0 ? 'Manager' : null,
    phone: `03-0000-${String(index).padStart(4, '0')}`,
    email: null,
    source: 'seminar',
    status: 'new',
    score: 100 - (index % 100),
    reason: { code: 'new' },
    age: { days: index % 30, level: 'fresh' },
    withinCallingHours: true,
    ...overrides,
  };
}

/** The queue key of generated lead `i`: every lead in one bucket, in index order. */
export const leadKey = (i: number) => ({ bucket: 1, sort: i, id: `lead-${i}` });

/**
 * A call list of `total` generated leads, answering any page the way the backend would: from its
 * cursor when given one (the first row after, from or before a key, or the last rows), else from
 * the offset; with the count only when asked for.
 */
export function pagedCallList(total: number): Mock<KomaApi['callList.page']> {
  return vi.fn<KomaApi['callList.page']>(async (input) => {
    const limit = input.limit ?? 100;
    const cursor = input.cursor;
    const start =
      cursor === undefined ? (input.offset ?? 0)
      : cursor.kind === 'after' ? cursor.key.sort + 1
      : cursor.kind === 'from' ? cursor.key.sort
      : cursor.kind === 'before' ? Math.max(0, cursor.key.sort - limit)
      : Math.max(0, total - limit);
    const end = cursor?.kind === 'before' ? cursor.key.sort : Math.min(total, start + limit);
    const rows = Array.from({ length: Math.max(0, end - start) }, (_, i) => leadRow(start + i));
    return ok({
      ...(input.count === false ? {} : { total }),
      offset: input.offset ?? 0,
      rows,
      firstKey: rows.length ? leadKey(start) : null,
      lastKey: rows.length ? leadKey(end - 1) : null,
    });
  });
}

export function job(overrides: Partial<ImportJob> = {}): ImportJob {
  return { jobId: 'job-1', phase: 'writing', processed: 0, total: 0, ...overrides };
}

export function importResult(overrides: Partial<ImportResult> = {}): ImportResult {
  return { importId: 'import-1', fileName: 'sample.csv', encoding: 'utf-8', totalRows: 0, inserted: 0, updated: 0, skipped: 0, invalidCount: overrides.invalid?.length ?? 0, invalid: [], warnings: [], possibleDuplicates: 0, ...overrides };
}

export interface RenderOptions {
  language?: Language;
  saveFile?: SaveFile;
}

/** The whole app over a fake API, with short delays so tests never wait long. */
export function renderApp(api: FakeApi, options: RenderOptions = {}) {
  const stores = createStores(createClient(sendThroughPreload(api)), {
    searchDebounceMs: 10,
    importPollMs: 5,
    saveFile: options.saveFile ?? vi.fn<SaveFile>(),
  });
  const i18n = createI18n({ language: options.language ?? 'en', root: document.documentElement });
  const user = userEvent.setup();
  const view = render(<Root i18n={i18n} stores={stores} />);
  return { ...view, stores, i18n, user };
}
