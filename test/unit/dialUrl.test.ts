import { describe, expect, it } from 'vitest';
import { dialModes, type DialMode } from '../../shared/contract/profile';
import { dialUrl, e164Of } from '../../shared/domain/dial/dialUrl';

const callId = '3f2b8c1e-9d4a-4e6b-8a7c-1b2c3d4e5f60';

describe('E.164 from the numbers Japanese lists hold', () => {
  it.each([
    ['03-1234-5678', '+81312345678'],
    ['０３－１２３４－５６７８', '+81312345678'],
    ['(03)1234-5678', '+81312345678'],
    ['03 1234 5678', '+81312345678'],
    ['+81 3-1234-5678', '+81312345678'],
    ['090-1234-5678', '+819012345678'],
    ['0120-123-456', '+81120123456'],
    ['0466-12-3456', '+81466123456'],
    ['+1 415 555 0100', '+14155550100'],
    ['内線 123', null],
    ['12', null],
    ['', null],
    [null, null],
  ])('%s → %s', (typed, e164) => {
    expect(e164Of(typed)).toBe(e164);
  });
});

describe('the dial URL for each mode', () => {
  const table: [DialMode, string | null][] = [
    ['tel', 'tel:+81312345678'],
    ['callto', 'callto:+81312345678'],
    ['zoomphone', 'zoomphonecall://+81312345678'],
    ['dialpad', `dialpad://+81312345678?customData=${callId}`],
    ['timer', null],
  ];
  it('covers every dial mode the setting offers', () => {
    expect(table.map(([mode]) => mode).sort()).toEqual([...dialModes].sort());
  });
  it.each(table)('%s → %s', (mode, url) => {
    expect(dialUrl(mode, '03-1234-5678', callId)).toBe(url);
  });
  it.each(dialModes)('%s: nothing to dial when the text is not a phone number', (mode) => {
    expect(dialUrl(mode, '代表にお問い合わせください', callId)).toBeNull();
  });
  it('encodes the custom data so an id can never add a parameter', () => {
    expect(dialUrl('dialpad', '03-1234-5678', 'a&crmLogging=0')).toBe('dialpad://+81312345678?customData=a%26crmLogging%3D0');
  });
});
