import { describe, expect, it, vi } from 'vitest';
import { commandNames, KomaError, type CommandName } from '../../shared/contract';
import type { BackendContext } from '../../electron/backend/core/context';
import { registerHandlers, type FeatureHandlers, type HandlerMap } from '../../electron/backend/core/registry';
import { createDispatcher } from '../../electron/backend/transport/dispatcher';

// The dispatcher never reads the context itself; it only hands it to handlers.
const ctx = {} as BackendContext;

function handlersWith(overrides: FeatureHandlers): HandlerMap {
  const fail = () => {
    throw new Error('not under test');
  };
  const all = Object.fromEntries(commandNames.map((name) => [name, fail])) as unknown as HandlerMap;
  return { ...all, ...overrides } as HandlerMap;
}

const validPage = { total: 0, offset: 0, rows: [] };

describe('dispatcher', () => {
  it.each<[string, string, unknown, string]>([
    ['unknown command', 'leads.dropAll', {}, 'unknown_command'],
    ['prototype key as command', '__proto__', {}, 'unknown_command'],
    ['wrong type', 'callList.page', { limit: 'ten' }, 'invalid_input'],
    ['out of range', 'callList.page', { limit: 100_000 }, 'invalid_input'],
    ['unknown field', 'callList.page', { search: 'a', dropTables: true }, 'invalid_input'],
    ['not an object', 'callList.page', 'SELECT 1', 'invalid_input'],
    ['array payload', 'callList.page', [1, 2], 'invalid_input'],
    ['extra field on an empty command', 'app.info', { x: 1 }, 'invalid_input'],
  ])('rejects %s before any handler runs', async (_case, command, payload, code) => {
    const page = vi.fn(() => validPage);
    const dispatch = createDispatcher(handlersWith({ 'callList.page': page }), ctx);
    const result = await dispatch(command, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
    expect(page).not.toHaveBeenCalled();
  });

  it('names the offending field in the message and the issues', async () => {
    const dispatch = createDispatcher(handlersWith({}), ctx);
    const result = await dispatch('callList.page', { limit: -1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'limit' }] } });
    if (!result.ok) expect(result.error.message).toContain('limit');
  });

  it('passes parsed input with defaults applied', async () => {
    const page = vi.fn(() => validPage);
    const dispatch = createDispatcher(handlersWith({ 'callList.page': page }), ctx);
    await expect(dispatch('callList.page', { search: '  山田 ' })).resolves.toEqual({ ok: true, value: validPage });
    expect(page).toHaveBeenCalledWith({ search: '山田', source: null, offset: 0, limit: 100, count: true }, ctx);
  });

  it('turns a KomaError into its typed error', async () => {
    const dispatch = createDispatcher(
      handlersWith({
        'import.status': () => {
          throw new KomaError('not_found', 'No import job abc');
        },
      }),
      ctx,
    );
    await expect(dispatch('import.status', { jobId: 'abc' })).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No import job abc' },
    });
  });

  it('never sends a raw error or stack to the renderer, and logs it instead', async () => {
    const logError = vi.fn();
    const secret = new Error('SQLITE_CORRUPT at /home/rep/.config/Koma/koma.sqlite3');
    const dispatch = createDispatcher(
      handlersWith({
        'callList.page': () => {
          throw secret;
        },
      }),
      ctx,
      { logError },
    );
    const result = await dispatch('callList.page', {});
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|home|stack|at /);
    expect(logError).toHaveBeenCalledWith('callList.page', secret);
  });

  it('refuses output the contract does not declare', async () => {
    const logError = vi.fn();
    const dispatch = createDispatcher(
      handlersWith({ 'callList.page': () => ({ total: -5, offset: 0, rows: [] }) }),
      ctx,
      { logError },
    );
    const result = await dispatch('callList.page', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('registerHandlers', () => {
  const noop = () => validPage;
  it('refuses a command registered twice', () => {
    expect(() => registerHandlers(['callList.page'], { 'callList.page': noop }, { 'callList.page': noop })).toThrow(
      /registered twice/,
    );
  });
  it('refuses a contract with a command nobody handles', () => {
    expect(() => registerHandlers(['callList.page', 'app.info'] as CommandName[], { 'callList.page': noop })).toThrow(
      /No handler for: app.info/,
    );
  });
});
