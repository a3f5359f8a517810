import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames, contract, type CommandName } from '../../shared/contract';
import { importSample } from '../helpers/imports';
import { tableHash } from '../helpers/tableHash';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

const runs = Number(process.env.KOMA_PROPERTY_RUNS ?? 25);
let temp: TempBackend;

beforeAll(async () => {
  temp = createTempBackend({ logError: () => undefined });
  await importSample(temp);
  const { rows } = await temp.call('callList.page', { limit: 2 });
  const now = temp.clock.now().toISOString();
  await temp.call('calls.log', { leadId: rows[0]!.id, startedAt: now, endedAt: now, outcome: 'connected', notes: '通話' });
  await temp.call('hearing.save', { leadId: rows[1]!.id, hearing: { budget: { confirmed: true }, authority: {}, need: {}, timeline: {} } });
});
afterAll(() => temp.close());

/** The property names a command's input declares, from its JSON Schema: what a hostile payload aims at. */
function propertiesOf(name: CommandName): string[] {
  const schema = z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return Object.keys(schema.properties ?? {});
}

const nasty = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('__proto__', 'constructor', "'; DROP TABLE leads; --", '<script>alert(1)</script>', '../../etc/passwd', '\u0000', '💥'.repeat(1000), -1, 1e308, Number.NaN, null),
  fc.string({ maxLength: 200 }),
  fc.array(fc.jsonValue(), { maxLength: 5 }),
);

function hostilePayload(name: CommandName) {
  const props = propertiesOf(name);
  const shaped = props.length > 0 ? fc.dictionary(fc.constantFrom(...props), nasty, { maxKeys: props.length }) : fc.constant({});
  return fc.oneof(
    nasty,
    shaped,
    shaped.chain((p) => fc.record({ extra: fc.constantFrom('isAdmin', '__proto__', 'sql') }).map(({ extra }) => ({ ...(p as object), [extra]: true }))),
  ).filter((payload) => !contract[name].input.safeParse(payload).success);
}

describe('hostile payloads for every command in the contract', () => {
  it.each(commandNames)('%s: a typed error, the backend stays up, the database is unchanged', async (name) => {
    const before = tableHash(temp.backend.context.db);
    await fc.assert(
      fc.asyncProperty(hostilePayload(name), async (payload) => {
        const result = await temp.send(name, payload);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('invalid_input');
          expect(result.error.message.length).toBeGreaterThan(0);
          expect(JSON.stringify(result.error)).not.toMatch(/\bat \S+:\d+:\d+/);
        }
      }),
      { numRuns: runs },
    );
    expect(tableHash(temp.backend.context.db)).toBe(before);
    expect((await temp.send('app.info', {})).ok).toBe(true);
  });

  it('unknown commands, prototype keys and absurd names are refused the same way', async () => {
    const before = tableHash(temp.backend.context.db);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app.info ', 'APP.INFO')), nasty, async (name, payload) => {
        fc.pre(!commandNames.includes(name as CommandName));
        const result = await temp.send(name, payload);
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
      }),
      { numRuns: runs * 4 },
    );
    expect(tableHash(temp.backend.context.db)).toBe(before);
  });
});
