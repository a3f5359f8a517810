import { describe, expect, it } from 'vitest';
import { displayPhone } from '../../shared/domain/phoneDisplay';

describe('displayPhone', () => {
  it.each([
    ['03-1234-5678', '03-1234-5678'],
    ['045 111 2222', '045-111-2222'],
    ['0451112222', '045-111-2222'],
    ['(03) 1234 5678', '03-1234-5678'],
    ['+81 3-1234-5678', '03-1234-5678'],
    ['０３－１２３４－５６７８', '03-1234-5678'],
    ['0466123456', '0466-12-3456'],
    ['0120123456', '0120-123-456'],
    ['09000001111', '090-0000-1111'],
    ['+1 415 555 0100', '+1 415 555 0100'],
    // Grouped by the writer: kept, with hyphens (the library would guess 060-000-3490).
    ['06-0000-3490', '06-0000-3490'],
    ['06 6123 4567', '06-6123-4567'],
    // Not a number on its own: kept exactly as typed.
    ['03-1234-5678 内線12', '03-1234-5678 内線12'],
    ['内線 12', '内線 12'],
    ['  ', ''],
  ])('%s → %s', (typed, shown) => expect(displayPhone(typed)).toBe(shown));
});
