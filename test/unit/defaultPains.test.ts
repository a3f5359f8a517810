import { describe, expect, it } from 'vitest';
import { defaultQualificationCriteria } from '../../shared/contract/hearing';
import { defaultPainKey } from '../../shared/domain/qualification/defaultPains';
import { en } from '../../renderer/src/i18n/en';
import { ja } from '../../renderer/src/i18n/ja';

describe('default pain options', () => {
  it.each(defaultQualificationCriteria.painOptions.map((value) => [value]))('%s has a stable key, shown as itself in Japanese and translated in English', (value) => {
    const key = defaultPainKey(value);
    expect(key).not.toBeNull();
    expect(ja.defaultData.pains[key!]).toBe(value);
    expect(en.defaultData.pains[key!]).toMatch(/^[A-Z][a-z ]+$/);
  });

  it.each([['業務効率化 (営業)'], ['Efficiency'], ['']])('the team’s own wording %j has no key', (value) => {
    expect(defaultPainKey(value)).toBeNull();
  });
});
