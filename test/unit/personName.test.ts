import { describe, expect, it } from 'vitest';
import { joinPersonName } from '../../shared/domain/personName';

describe('joinPersonName', () => {
  it.each<[string | null, string | null, string]>([
    ['山田', '太郎', '山田 太郎'],
    ['髙﨑', 'はな', '髙﨑 はな'],
    ['ﾔﾏﾀﾞ', 'ﾀﾛｳ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['Doe', 'Jane', 'Jane Doe'],
    ['Müller', 'Anna-Lena', 'Anna-Lena Müller'],
    ["O'Brien", 'Seán', "Seán O'Brien"],
    ['ＤＯＥ', 'Ｊａｎｅ', 'Ｊａｎｅ ＤＯＥ'],
    // One part in Japanese: the Japanese order.
    ['Smith', '花子', 'Smith 花子'],
    ['Doe', null, 'Doe'],
    [null, 'Jane', 'Jane'],
    ['  ', '', ''],
  ])('%s + %s → %s', (family, given, full) => expect(joinPersonName(family, given)).toBe(full));
});
