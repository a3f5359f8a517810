import type { ColumnMapping, ImportField } from '../../contract/imports';

/**
 * Why a confirmed mapping cannot import this file, or null when it can. Pure, so the mapping form
 * can disable its button for the same reasons the backend refuses the job.
 */
export function mappingProblem(mapping: ColumnMapping, columnCount: number): string | null {
  for (const [field, column] of Object.entries(mapping) as [ImportField, number | null | undefined][]) {
    if (column !== null && column !== undefined && column >= columnCount) {
      return `Column ${column + 1} is mapped to ${field}, but the file has only ${columnCount} columns`;
    }
  }
  if (!isMapped(mapping.companyName)) return 'No column is mapped to the company name';
  if (!isMapped(mapping.fullName) && !isMapped(mapping.lastName) && !isMapped(mapping.firstName)) {
    return "No column is mapped to the person's name (full name, or last and first name)";
  }
  return null;
}

function isMapped(column: number | null | undefined): boolean {
  return column !== null && column !== undefined;
}
