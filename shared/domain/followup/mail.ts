import { followupFieldNames, type FollowupFieldName, type FollowupTemplate, type FollowupValues } from '../../contract/followup';
import { joinSegments, mergeSegmentsOf } from '../talk/merge';

const fields: ReadonlySet<string> = new Set(followupFieldNames);

export interface MergedMail {
  subject: string;
  body: string;
  /** Fields this lead has no value for: written as the placeholder, and named to the rep. */
  missing: FollowupFieldName[];
}

/** A template in one language with the lead's values; a missing field stays a visible placeholder (［担当者］). */
export function mergeMail(template: FollowupTemplate, language: 'ja' | 'en', values: Partial<FollowupValues>, placeholder: (field: FollowupFieldName) => string): MergedMail {
  const other = language === 'ja' ? 'en' : 'ja';
  // A text written in one language only is used in either.
  const pick = (text: { ja: string; en: string }) => (text[language].trim() !== '' ? text[language] : text[other]);
  const subjectParts = mergeSegmentsOf<FollowupFieldName>(pick(template.subject), values, fields);
  const bodyParts = mergeSegmentsOf<FollowupFieldName>(pick(template.body), values, fields);
  const missing = [...new Set([...subjectParts, ...bodyParts].flatMap((s) => (s.kind === 'missing' ? [s.field] : [])))];
  // A subject is one line (RFC 5322 §2.2: a folded header holds no bare line break).
  return { subject: joinSegments(subjectParts, placeholder).replace(/[\r\n]+/g, ' ').trim(), body: joinSegments(bodyParts, placeholder), missing };
}

/**
 * The longest mailto: URL Koma hands over. Windows passes a protocol URL to the mail client through
 * ShellExecute and the registered command line, and Outlook's and older clients' handlers cut
 * mailto: URLs at about 2,048 characters (Internet Explorer's limit was 2,083); a cut URL loses the
 * end of the body without a word, or its %-escape is torn. Below 2,000 every client we know keeps
 * it whole; a longer mail becomes a .eml file instead, which has no such limit.
 */
export const mailtoMaxLength = 2000;

/**
 * RFC 6068 percent-encoding: UTF-8, every octet outside unreserved encoded. encodeURIComponent
 * leaves !'()* as they are (allowed in a query by RFC 3986, but §2 of RFC 6068 and some clients
 * read them specially), so they are encoded too.
 */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A mailto: URL (RFC 6068): the address, then subject and body as hfields. Line breaks in the body
 * are written CRLF (%0D%0A), as §5 requires; a "%" or "&" in the text is escaped so it cannot start
 * another field. Null when it would be longer than mailtoMaxLength.
 */
export function mailtoUrl(mail: { to: string | null; subject: string; body: string }): string | null {
  // The address's "@" stays as it is (§2: addr-spec characters other than reserved ones need no encoding).
  const to = mail.to ? encode(mail.to).replace(/%40/g, '@') : '';
  const body = mail.body.replace(/\r\n|\r|\n/g, '\r\n');
  const url = `mailto:${to}?subject=${encode(mail.subject)}&body=${encode(body)}`;
  return url.length <= mailtoMaxLength ? url : null;
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * A header value as RFC 2047 encoded-words: `=?UTF-8?B?…?=`, each at most 75 characters (§2), the
 * text cut between characters (never inside a UTF-8 sequence or a surrogate pair, §5), joined by
 * folding whitespace. Plain ASCII is left as it is.
 */
export function encodedWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  // "=?UTF-8?B?" + "?=" is 12 characters; 45 bytes are 60 of base64: 72 in all, under the 75 allowed.
  const maxBytes = 45;
  const words: string[] = [];
  let chunk = '';
  let bytes = 0;
  for (const char of text) {
    const size = new TextEncoder().encode(char).length;
    if (bytes + size > maxBytes && chunk !== '') {
      words.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += char;
    bytes += size;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64Utf8(w)}?=`).join('\r\n ');
}

/** RFC 5322 §3.3 date-time, in UTC: "Mon, 07 Apr 2025 09:00:00 +0000". */
function rfc5322Date(at: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${days[at.getUTCDay()]}, ${two(at.getUTCDate())} ${months[at.getUTCMonth()]} ${at.getUTCFullYear()} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())} +0000`;
}

/**
 * The mail as an .eml file (RFC 5322 with MIME, RFC 2045/2047): CRLF line ends, the subject as
 * UTF-8 encoded-words, the body UTF-8 in base64 lines of 76 characters (RFC 2045 §6.8), so no line
 * is longer than the 998 RFC 5322 allows whatever the rep wrote. `X-Unsent: 1` makes Outlook open
 * it as a draft to send rather than as a received message; other clients ignore it.
 */
export function emlFile(mail: { to: string | null; subject: string; body: string }, at: Date): string {
  const body = base64Utf8(mail.body.replace(/\r\n|\r|\n/g, '\r\n'));
  const lines = [
    ...(mail.to ? [`To: ${mail.to}`] : []),
    `Subject: ${encodedWords(mail.subject)}`,
    `Date: ${rfc5322Date(at)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    'X-Unsent: 1',
    '',
    ...(body.match(/.{1,76}/g) ?? []),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
