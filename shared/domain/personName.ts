/** Letters of Latin-script names (Jane, Müller, O'Brien): everything else (漢字, かな, カナ) is not. */
const latinName = /^[\p{Script=Latin}\s.'’-]+$/u;

/**
 * A full name from its family and given parts, in the order its own language writes it:
 * Japanese (and any non-Latin) names family first (山田 太郎), Latin-script names given first
 * (Jane Doe) — a CRM's LastName/FirstName fields do not say which, the script does.
 */
export function joinPersonName(family: string | null, given: string | null): string {
  const parts = [family, given].map((part) => part?.trim() ?? '').filter((part) => part.length > 0);
  if (parts.length < 2) return parts[0] ?? '';
  return parts.every((part) => latinName.test(part.normalize('NFKC'))) ? `${parts[1]} ${parts[0]}` : `${parts[0]} ${parts[1]}`;
}
