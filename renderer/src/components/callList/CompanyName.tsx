import { splitCompanyName } from '../../../../shared/domain/companyName';

/**
 * A company name with the part that tells companies apart first and its legal form small and
 * abbreviated (スズラン食品 (株)), so a narrow list keeps the name readable; its reading (フリガナ),
 * when known, as ruby above the distinctive part — the reading of ミホンセイキ belongs to 見本精機,
 * not to the legal form. Screen readers and text search get the name exactly as written, then the
 * reading in brackets, as they do for a person's name.
 */
export function CompanyName({ name, reading }: { name: string; reading?: string | null }) {
  const parts = splitCompanyName(name);
  const distinctive = parts.legalForm === null ? name : parts.distinctive;
  const ruby = reading ? (
    <ruby className="reading">
      <span className="company-distinctive">{distinctive}</span>
      <rt>{reading}</rt>
    </ruby>
  ) : (
    <span className="company-distinctive">{distinctive}</span>
  );
  if (parts.legalForm === null && !reading) return <>{name}</>;
  return (
    <>
      <span className="visually-hidden">{reading ? `${name}(${reading})` : name}</span>
      <span aria-hidden="true">
        {ruby}
        {parts.legalForm !== null && <span className="legal-form">{parts.abbreviation ?? parts.legalForm}</span>}
      </span>
    </>
  );
}
