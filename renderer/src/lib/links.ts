import { phoneKey } from '../../../shared/domain/normalize';

/**
 * A `tel:` link the softphone understands: the digits as typed, with a leading + kept
 * (03-1234-5678 → tel:0312345678, +81 3 1234 5678 → tel:+81312345678). Null when the text is not a
 * phone number, so the UI shows it as plain text.
 */
export function telHref(phone: string | null | undefined): string | null {
  if (!phone || phoneKey(phone) === null) return null;
  const folded = phone.normalize('NFKC').trim();
  return `tel:${folded.startsWith('+') ? '+' : ''}${folded.replace(/\D/g, '')}`;
}

/**
 * The company website as a link target only when it is a plain http(s) address with a host and no
 * credentials; anything else (javascript:, file:, a bare host name) is shown as text, never opened.
 */
export function externalWebsite(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  const web = parsed.protocol === 'http:' || parsed.protocol === 'https:';
  return web && parsed.hostname !== '' && parsed.username === '' && parsed.password === '' ? parsed.href : null;
}
