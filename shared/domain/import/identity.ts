/**
 * Who a row is: the rules that decide whether an imported row is a person Koma already knows.
 *
 * - Same email at the same company = the same person, whatever the spelling of the name.
 * - A phone number is the same person only when the person agrees: the same email, or the same
 *   name with no email that contradicts it. A number shared by people who do not agree is the
 *   company's switchboard (代表電話), kept on the company and never used to identify anyone.
 * - The same name at the same company is the same person unless their emails differ; then it may
 *   be two people (同姓同名) or one with a new address: a possible duplicate, for the rep to decide.
 */

/** The identity keys of a row (personNameKey, emailKey, phoneKey of the normalise module). */
export interface PersonKeys {
  nameKey: string;
  emailKey: string | null;
  phoneKey: string | null;
}

/** What the store holds about a candidate. */
export interface StoredPerson {
  id: string;
  full_name: string;
  name_key: string | null;
  email: string | null;
  email_key: string | null;
  phone_key: string | null;
}

export interface Candidates<P extends StoredPerson> {
  byEmail: P | null;
  byPhone: readonly P[];
  byName: readonly P[];
}

export type IdentityDecision<P extends StoredPerson> =
  | { kind: 'same'; lead: P; switchboard: boolean }
  | { kind: 'new'; possibleDuplicates: string[]; switchboard: boolean };

function emailsConflict(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b;
}

/** The stored person is the row's person: same email, or same name with no conflicting email. */
export function agrees(stored: StoredPerson, row: PersonKeys): boolean {
  if (row.emailKey !== null && stored.email_key === row.emailKey) return true;
  return stored.name_key === row.nameKey && !emailsConflict(stored.email_key, row.emailKey);
}

export function decideIdentity<P extends StoredPerson>(row: PersonKeys, candidates: Candidates<P>): IdentityDecision<P> {
  const switchboard = candidates.byPhone.some((stored) => !agrees(stored, row));
  if (candidates.byEmail) return { kind: 'same', lead: candidates.byEmail, switchboard };
  const byPhone = candidates.byPhone.find((stored) => agrees(stored, row));
  if (byPhone) return { kind: 'same', lead: byPhone, switchboard };
  const byName = candidates.byName.find((stored) => agrees(stored, row));
  if (byName) return { kind: 'same', lead: byName, switchboard };
  return { kind: 'new', possibleDuplicates: candidates.byName.map((stored) => stored.id), switchboard };
}

/** Japanese mobile numbers (070/080/090, 11 digits) belong to a person, not to a desk. */
export function isMobileNumber(phoneKey: string): boolean {
  return /^0[789]0\d{8}$/.test(phoneKey);
}
