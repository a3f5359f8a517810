import { splitCompanyName } from '../../../../shared/domain/companyName';

/**
 * A company name with the part that tells companies apart first and its legal form small and
 * abbreviated (スズラン食品 (株)), so a narrow list keeps the name readable. Screen readers and
 * text search get the name exactly as written.
 */
export function CompanyName({ name }: { name: string }) {
  const parts = splitCompanyName(name);
  if (parts.legalForm === null) return <>{name}</>;
  return (
    <>
      <span className="visually-hidden">{name}</span>
      <span aria-hidden="true">
        <span className="company-distinctive">{parts.distinctive}</span>
        <span className="legal-form">{parts.abbreviation ?? parts.legalForm}</span>
      </span>
    </>
  );
}
