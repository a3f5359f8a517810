import { describe, expect, it, vi } from 'vitest';
import { commandNames, type CommandName } from '../../shared/contract';
import type { BackendContext } from '../../electron/backend/core/context';
import type { HandlerMap } from '../../electron/backend/core/registry';
import { classifyStoreError, storeFaultMessages } from '../../electron/backend/db/errors';
import { createDispatcher } from '../../electron/backend/transport/dispatcher';

/** An error shaped as better-sqlite3's SqliteError (message + SQLite result code) or Node's fs errors. */
const fault = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('classifyStoreError', () => {
  it.each<[string, unknown, string | null]>([
    ['SQLITE_FULL', fault('SQLITE_FULL', 'database or disk is full'), 'disk_full'],
    ['ENOSPC from a file write', fault('ENOSPC'), 'disk_full'],
    ['SQLITE_IOERR_WRITE saying full', fault('SQLITE_IOERR_WRITE', 'disk I/O error: disk full'), 'disk_full'],
    ['SQLITE_BUSY', fault('SQLITE_BUSY', 'database is locked'), 'store_busy'],
    ['SQLITE_BUSY_SNAPSHOT', fault('SQLITE_BUSY_SNAPSHOT'), 'store_busy'],
    ['SQLITE_LOCKED', fault('SQLITE_LOCKED'), 'store_busy'],
    ['SQLITE_IOERR_FSYNC', fault('SQLITE_IOERR_FSYNC', 'disk I/O error'), 'store_io'],
    ['SQLITE_CANTOPEN', fault('SQLITE_CANTOPEN'), 'store_io'],
    ['SQLITE_READONLY_DBMOVED', fault('SQLITE_READONLY_DBMOVED'), 'store_io'],
    ['EACCES', fault('EACCES'), 'store_io'],
    ['SQLITE_CORRUPT', fault('SQLITE_CORRUPT', 'database disk image is malformed'), 'store_damaged'],
    ['SQLITE_CORRUPT_INDEX', fault('SQLITE_CORRUPT_INDEX'), 'store_damaged'],
    ['SQLITE_NOTADB', fault('SQLITE_NOTADB', 'file is not a database'), 'store_damaged'],
    ['a constraint (a bug, not a fault)', fault('SQLITE_CONSTRAINT_FOREIGNKEY'), null],
    ['a plain Error', new Error('boom'), null],
    ['a string', 'SQLITE_FULL', null],
    ['null', null, null],
  ])('%s → %s', (_case, error, kind) => {
    expect(classifyStoreError(error)).toBe(kind);
  });

  it('every message says what to do in plain words, never "unexpectedly"', () => {
    for (const message of Object.values(storeFaultMessages)) {
      expect(message).not.toMatch(/unexpected|SQLITE|stack/i);
      expect(message).toMatch(/—/);
    }
    expect(storeFaultMessages.disk_full).toBe('The disk is full — free some space and try again; everything you saved before is safe.');
  });
});

describe('the dispatcher and store faults', () => {
  const handlersThrowing = (error: unknown) =>
    Object.fromEntries(
      commandNames.map((name: CommandName) => [
        name,
        () => {
          throw error;
        },
      ]),
    ) as unknown as HandlerMap;

  it('answers a full disk with its typed error and plain message, and logs the original', async () => {
    const logError = vi.fn();
    const error = fault('SQLITE_FULL', 'database or disk is full');
    const dispatch = createDispatcher(handlersThrowing(error), {} as BackendContext, { logError });
    const result = await dispatch('calls.log', { leadId: 'a', startedAt: '2025-04-07T00:00:00.000Z', endedAt: '2025-04-07T00:01:00.000Z', outcome: 'no_answer' });
    expect(result).toEqual({ ok: false, error: { code: 'disk_full', message: storeFaultMessages.disk_full } });
    expect(logError).toHaveBeenCalledWith('calls.log', error);
  });

  it('a bug is "internal", says nothing was changed, and never "failed unexpectedly"', async () => {
    const dispatch = createDispatcher(handlersThrowing(new TypeError('x is undefined')), {} as BackendContext, { logError: () => undefined });
    const result = await dispatch('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) {
      expect(result.error.message).toContain('nothing was changed');
      expect(result.error.message).not.toMatch(/unexpected|TypeError|undefined/);
    }
  });
});
