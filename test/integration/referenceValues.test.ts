import { afterEach, describe, expect, it } from 'vitest';
import { defaultReferenceValues } from '../../shared/contract/reference';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

let temp: TempBackend;
afterEach(() => temp.close());

describe('reference values in the store', () => {
  it('answers the published defaults, keeps a team’s own across a reopen, and refuses a band upside down', async () => {
    temp = createTempBackend();
    expect(await temp.call('reference.get', {})).toEqual({ values: defaultReferenceValues, defaults: defaultReferenceValues });
    const own = { ...defaultReferenceValues, dialsPerDay: { low: 60, high: 80 } };
    await temp.call('reference.save', { values: own });
    const error = await temp.callError('reference.save', { values: { ...own, connectRate: { low: 0.3, high: 0.1 } } });
    expect(error.code).toBe('invalid_input');
    temp.close({ keepData: true });
    temp = createTempBackend({ dataDir: temp.dataDir });
    expect((await temp.call('reference.get', {})).values).toEqual(own);
  });
});
