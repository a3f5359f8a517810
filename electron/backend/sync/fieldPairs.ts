/**
 * Which of a write's [field, value] pairs HubSpot and kintone get; null field names are fields the
 * admin did not map.
 */

/** Only what Koma knows, in mapped fields: a null never blanks what someone typed in the CRM. */
export function knownPairs(pairs: [string | null, string | null | undefined][]): [string, string][] {
  return pairs.filter((p): p is [string, string] => p[0] !== null && p[1] !== null && p[1] !== undefined);
}

/** Koma's own mapped fields, always sent: an empty string clears them (both CRMs document so). */
export function mappedPairs(pairs: [string | null, string | null][]): [string, string][] {
  return pairs.filter((p): p is [string, string | null] => p[0] !== null).map(([k, v]) => [k, v ?? '']);
}
