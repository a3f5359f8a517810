import { describe, expect, it } from 'vitest';
import { isBase64 } from '../../shared/contract/imports';

describe('isBase64: the import body check on the transport thread', () => {
  it.each<[string, string, boolean]>([
    ['empty', '', true],
    ['a whole group', 'QUJD', true],
    ['one padding character', 'QUI=', true],
    ['two padding characters', 'QQ==', true],
    ['Buffer.from of CP932 bytes', Buffer.from([0x89, 0xef, 0x8e, 0xd0, 0x96, 0xbc]).toString('base64'), true],
    ['+ and /', '+/+/', true],
    ['three padding characters', 'Q===', false],
    ['padding in the middle', 'QQ==QUJD', false],
    ['padding then a letter', 'QUI=A', false],
    ['a line break (MIME style)', 'QUJD\nQUJD', false],
    ['a space', 'QUJD QUJD', false],
    ['URL-safe alphabet', 'QU-_', false],
    ['the CSV itself', '会社名,氏名', false],
    ['a stray character at the very end of a long body', `${'QUJD'.repeat(100_000)}*`, false],
  ])('%s', (_name, text, expected) => {
    expect(isBase64(text)).toBe(expected);
  });
});
