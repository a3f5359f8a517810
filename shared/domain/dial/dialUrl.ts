import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { DialMode } from '../../contract/profile';

/**
 * A number as the phone systems want it: E.164 (+81312345678), read as Japanese when it has no
 * country code (03-1234-5678, ０３（１２３４）５６７８, 090…). Null when the text is not a possible
 * phone number (内線 only, a note): Koma then has nothing to dial.
 */
export function e164Of(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const parsed = parsePhoneNumberFromString(phone.normalize('NFKC').trim(), 'JP');
  return parsed?.isPossible() ? parsed.number : null;
}

/**
 * The URL that hands a number to the rep's phone system, one per dial mode; null for `timer` (the
 * rep dials on a desk phone) and for a text that is not a phone number.
 *
 * - `tel:` — RFC 3966 §5.1.4: a global number is written with its leading "+" and needs no
 *   phone-context, so E.164 is the one form every softphone reads the same way.
 * - `callto:` — the de-facto scheme Skype and desktop softphones register; Zoom Phone documents it
 *   as `callto:{phoneNumberToCall}`, e.g. `callto:+123456789`
 *   (https://developers.zoom.us/docs/phone/outbound-call/).
 * - `zoomphone` — Zoom Phone's own scheme, `zoomphonecall://{phoneNumberToCall}`, which auto-dials
 *   in the Zoom client and is not taken by another app (same page).
 * - `dialpad` — Dialpad's app launch URL `dialpad://<phone number>` with optional parameters, of
 *   which `customData` is "any data that you'd like to consume back in events"
 *   (https://developers.dialpad.com/docs/app-launch-urls): Koma's call id, so the call Dialpad logs
 *   can be matched back to the call Koma logs.
 */
export function dialUrl(mode: DialMode, phone: string | null | undefined, callId: string): string | null {
  if (mode === 'timer') return null;
  const number = e164Of(phone);
  if (!number) return null;
  switch (mode) {
    case 'tel':
      return `tel:${number}`;
    case 'callto':
      return `callto:${number}`;
    case 'zoomphone':
      // E.164 is only "+" and digits, both allowed as they are where the vendors put the number.
      return `zoomphonecall://${number}`;
    case 'dialpad':
      return `dialpad://${number}?customData=${encodeURIComponent(callId)}`;
  }
}
