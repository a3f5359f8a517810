import type { LeadRef } from './lookups';

/** The person fields a CRM's lead or contact is written from. */
export type Person = Pick<LeadRef, 'lastName' | 'firstName' | 'fullName' | 'title' | 'email' | 'phone'>;

/**
 * The name as a CRM takes it. Salesforce requires LastName, HubSpot's and kintone's forms want one
 * too, and Koma may only have the full name (an import with one name column): the full name is then
 * the last name, and a first name goes only beside a real last name.
 */
export function personName(ref: Pick<Person, 'lastName' | 'firstName' | 'fullName'>): { lastName: string; firstName: string | null } {
  const hasLast = Boolean(ref.lastName?.trim());
  return { lastName: hasLast ? ref.lastName! : ref.fullName, firstName: hasLast ? ref.firstName : null };
}

const looksLikeEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The email when it looks like an address, else nothing: a CRM refuses the whole record for a malformed one. */
export function emailAddress(email: string | null): string | null {
  return email && looksLikeEmail.test(email) ? email : null;
}
