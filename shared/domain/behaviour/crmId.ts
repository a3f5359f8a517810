const suffixAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Salesforce's 3-character suffix: for each block of 5, which characters are upper case. */
function salesforceSuffix(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[block * 5 + i]!)) bits |= 1 << i;
    suffix += suffixAlphabet[bits];
  }
  return suffix;
}

/**
 * An 18-character id with its case restored from its suffix (that is what the suffix is for:
 * Excel and some exports change case), or null when the suffix cannot belong to the id (it marks
 * a digit as upper case, or is not a suffix character at all).
 */
function restoreCase(id18: string): string | null {
  let restored = '';
  for (let block = 0; block < 3; block++) {
    const bits = suffixAlphabet.indexOf(id18[15 + block]!.toUpperCase());
    if (bits < 0) return null;
    for (let i = 0; i < 5; i++) {
      const char = id18[block * 5 + i]!;
      const upper = (bits >> i) & 1;
      if (upper && !/[A-Za-z]/.test(char)) return null;
      restored += upper ? char.toUpperCase() : char.toLowerCase();
    }
  }
  return restored + id18.slice(15).toUpperCase();
}

/**
 * The forms under which a CRM id may be stored for the lead a file names. Salesforce reports give
 * the 15-character case-sensitive id or the 18-character one, and the store may hold either; a
 * HubSpot contact id (digits) or any other system's id matches as written.
 */
export function crmIdCandidates(cell: string): string[] {
  const id = cell.normalize('NFKC').trim();
  if (id.length === 0) return [];
  const forms = [id];
  if (/^[A-Za-z0-9]{15}$/.test(id)) forms.push(id + salesforceSuffix(id));
  if (/^[A-Za-z0-9]{18}$/.test(id)) {
    const restored = restoreCase(id);
    if (restored) forms.push(restored, restored.slice(0, 15));
  }
  return [...new Set(forms)];
}
