import { legalFormAbbreviations } from './company/legalForm';

/**
 * A Japanese company name split into the part that tells companies apart (サクラテック) and its legal
 * form (株式会社), so a narrow list can show the distinctive part in full and the form small. The
 * form may stand before (前株: 株式会社サクラテック) or after (後株: サクラテック株式会社) the name and
 * is written out or abbreviated (㈱, (株), （株）); each maps to one short mark for display. The
 * split is for display only: matching keeps the whole name (前株 and 後株 may be different companies).
 */
export interface CompanyNameParts {
  /** The name without its legal form (NFKC, as displayed); the whole name when no form is found. */
  distinctive: string;
  /** The legal form as written in the data, or null. */
  legalForm: string | null;
  /** A short mark for the form: (株), (有), (一社)…; null when there is no form. */
  abbreviation: string | null;
  /** Where the form stood: before the name (前株), after it (後株), or null when there is none. */
  position: 'before' | 'after' | null;
}

/** Full forms that the abbreviation table folds into a shorter family (医療法人社団 is a 医療法人). */
const extraFullForms: ReadonlyArray<readonly [string, string]> = [
  ['医', '医療法人社団'],
  ['医', '医療法人財団'],
];

/**
 * Every way a form is written after NFKC (which turns ㈱ and （株） into "(株)"), with its mark,
 * longest first so 一般社団法人 is never read as 社団法人 and 医療法人社団 not as 医療法人.
 */
const spellings = [...legalFormAbbreviations, ...extraFullForms]
  .flatMap(([short, full]) => {
    // The mark is the first abbreviation listed for a form (特定非営利活動法人 → (特非), not (NPO)).
    const mark = `(${legalFormAbbreviations.find(([, f]) => f === full)?.[0] ?? short})`;
    return [
      { spelling: full, mark },
      { spelling: `(${short})`, mark },
    ];
  })
  .sort((a, b) => b.spelling.length - a.spelling.length);

/** Spaces (half- and full-width) that lists put between the form and the name. */
const edgeSpace = /^[\s\u3000]+|[\s\u3000]+$/g;

/** The start (or end) of the name as written whose NFKC form is `spelling`: ㈱ for "(株)". */
function asWritten(written: string, spelling: string, at: 'before' | 'after'): string {
  for (let n = 1; n <= written.length; n++) {
    const part = at === 'before' ? written.slice(0, n) : written.slice(written.length - n);
    if (part.normalize('NFKC') === spelling) return part;
  }
  return spelling;
}

export function splitCompanyName(name: string): CompanyNameParts {
  const written = name.trim();
  const folded = written.normalize('NFKC');
  for (const { spelling, mark } of spellings) {
    const position = folded.startsWith(spelling) ? 'before' : folded.endsWith(spelling) ? 'after' : null;
    if (position === null) continue;
    const rest = (position === 'before' ? folded.slice(spelling.length) : folded.slice(0, folded.length - spelling.length)).replace(edgeSpace, '');
    if (rest.length === 0) continue;
    return { distinctive: rest, legalForm: asWritten(written, spelling, position), abbreviation: mark, position };
  }
  return { distinctive: written, legalForm: null, abbreviation: null, position: null };
}
