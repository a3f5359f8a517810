/**
 * A Japanese company name split into the part that tells companies apart (サクラテック) and its legal
 * form (株式会社), so a narrow list can show the distinctive part in full and the form small. The
 * form may stand before (前株: 株式会社サクラテック) or after (後株: サクラテック株式会社) the name and
 * is written out, abbreviated (㈱, (株), （株）) or half-width ((ｶ)); each spelling maps to one
 * short mark for display. The split is for display only: matching keeps the whole name (前株 and
 * 後株 may be different companies).
 */
export interface CompanyNameParts {
  /** The name without its legal form; the whole name when no form is found. */
  distinctive: string;
  /** The legal form as written in the data, or null. */
  legalForm: string | null;
  /** A short mark for the form ((株), (有), (同)…), or null when no short form is customary. */
  abbreviation: string | null;
  /** Where the form stood: before the name (前株), after it (後株), or null when there is none. */
  position: 'before' | 'after' | null;
}

/**
 * Legal forms, longest first within a family so 医療法人社団 wins over 医療法人. Each entry lists
 * how the form is written in lists (full, enclosed ideograph, bracketed) and its short mark.
 */
const legalForms: readonly { spellings: readonly string[]; abbreviation: string | null }[] = [
  { spellings: ['株式会社', '㈱', '(株)', '（株）', '(ｶ)', '（ｶ）'], abbreviation: '(株)' },
  { spellings: ['有限会社', '㈲', '(有)', '（有）', '(ﾕ)', '（ﾕ）'], abbreviation: '(有)' },
  { spellings: ['合同会社', '(同)', '（同）'], abbreviation: '(同)' },
  { spellings: ['合資会社', '㈾', '(資)', '（資）'], abbreviation: '(資)' },
  { spellings: ['合名会社', '㈴', '(名)', '（名）'], abbreviation: '(名)' },
  { spellings: ['一般社団法人', '(一社)', '（一社）'], abbreviation: '(一社)' },
  { spellings: ['一般財団法人', '(一財)', '（一財）'], abbreviation: '(一財)' },
  { spellings: ['公益社団法人', '(公社)', '（公社）'], abbreviation: '(公社)' },
  { spellings: ['公益財団法人', '(公財)', '（公財）'], abbreviation: '(公財)' },
  { spellings: ['特定非営利活動法人', 'NPO法人'], abbreviation: 'NPO' },
  { spellings: ['医療法人社団', '医療法人財団', '医療法人', '(医)', '（医）'], abbreviation: '(医)' },
  { spellings: ['社会福祉法人', '(福)', '（福）'], abbreviation: '(福)' },
  { spellings: ['学校法人', '(学)', '（学）'], abbreviation: '(学)' },
  { spellings: ['独立行政法人', '(独)', '（独）'], abbreviation: '(独)' },
];

/** Every spelling with its family, longest first so a longer form is never cut by a shorter one. */
const spellings = legalForms
  .flatMap((form) => form.spellings.map((spelling) => ({ spelling, abbreviation: form.abbreviation })))
  .sort((a, b) => b.spelling.length - a.spelling.length);

/** Spaces (half- and full-width) that lists put between the form and the name. */
const space = /^[\s\u3000]+|[\s\u3000]+$/g;

export function splitCompanyName(name: string): CompanyNameParts {
  const whole = name.trim();
  for (const { spelling, abbreviation } of spellings) {
    if (whole.startsWith(spelling)) {
      const rest = whole.slice(spelling.length).replace(space, '');
      if (rest.length > 0) return { distinctive: rest, legalForm: spelling, abbreviation, position: 'before' };
    }
    if (whole.endsWith(spelling)) {
      const rest = whole.slice(0, whole.length - spelling.length).replace(space, '');
      if (rest.length > 0) return { distinctive: rest, legalForm: spelling, abbreviation, position: 'after' };
    }
  }
  return { distinctive: whole, legalForm: null, abbreviation: null, position: null };
}
