import { describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../shared/contract';
import { maxBodyBytesOf, defaultBodyBytes, importBodyBytes } from '../../shared/contract/limits';
import type { BackendContext } from '../../electron/backend/core/context';
import type { HandlerMap } from '../../electron/backend/core/registry';
import { createDispatcher } from '../../electron/backend/transport/dispatcher';
import { payloadProblem } from '../../electron/backend/transport/inputGuards';

describe('payloadProblem', () => {
  it.each<[string, unknown, RegExp | null]>([
    ['plain Japanese text', { notes: '㈱サクラ 髙橋 﨑 ｶﾀｶﾅ 🙂' }, null],
    ['a lone high surrogate', { notes: 'abc\uD83D' }, /notes: .*lone surrogate/],
    ['a lone low surrogate inside an array', { rows: ['ok', '\uDE42x'] }, /rows\.1: .*lone surrogate/],
    ['a reversed pair', { notes: '\uDE00\uD83D' }, /lone surrogate/],
    ['a lone surrogate in a key', { patch: { ['\uD800']: 1 } }, /key .*lone surrogate/],
    ['__proto__ in a record (as JSON.parse makes it)', JSON.parse('{"patch":{"__proto__":{"polluted":true}}}'), /patch: the key "__proto__"/],
    ['__proto__ at the top', JSON.parse('{"__proto__":{}}'), /__proto__/],
    ['"constructor" is only a name', { patch: { constructor: 'x' } }, null],
  ])('%s', (_case, payload, problem) => {
    const found = payloadProblem(payload);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeNull();
  });

  it('refuses before any handler runs, as invalid_input', async () => {
    const handler = vi.fn();
    const handlers = Object.fromEntries(commandNames.map((name) => [name, handler])) as unknown as HandlerMap;
    const dispatch = createDispatcher(handlers, {} as BackendContext);
    const result = await dispatch('prep.saveNotes', { companyId: 'c1', notes: 'メモ\uD83D' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: '(payload).notes' }] } });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('per-command body limits', () => {
  it('hold for a request that arrives already parsed (the MessagePort transport) too', async () => {
    const handler = vi.fn(() => ({ savedAt: 'x' }));
    const handlers = Object.fromEntries(commandNames.map((name) => [name, handler])) as unknown as HandlerMap;
    const dispatch = createDispatcher(handlers, {} as BackendContext);
    const result = await dispatch('prep.saveNotes', { companyId: 'c1', notes: 'メ'.repeat(defaultBodyBytes) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/larger than 1048576 bytes/) } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('only the commands that carry a file get the large limit', () => {
    for (const name of commandNames) {
      const large = ['import.start', 'import.preview', 'behaviour.import', 'phoneCalls.import'].includes(name);
      expect([name, maxBodyBytesOf(name)]).toEqual([name, large ? importBodyBytes : defaultBodyBytes]);
    }
    expect(defaultBodyBytes).toBeLessThan(importBodyBytes / 50);
  });
});
