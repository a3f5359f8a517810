import { describe, expect, it } from 'vitest';
import { defaultFollowupTemplates } from '../../shared/domain/followup/defaults';
import { emlFile, encodedWords, mailtoMaxLength, mailtoUrl, mergeMail } from '../../shared/domain/followup/mail';

const template = (kind: string) => defaultFollowupTemplates.find((t) => t.kind === kind)!;
const values = { company: '株式会社サクラテック', person: '髙橋 一郎', rep: '山﨑 花子', appointment: '12月10日(木) 14:00', fieldRep: '営業 一郎' };
const placeholder = (field: string) => `［${field}］`;

/** Decodes RFC 2047 B encoded-words back to text, as a mail client would. */
const decodeWords = (header: string) =>
  header
    .split(/\r\n /)
    .map((w) => /^=\?UTF-8\?B\?(.*)\?=$/.exec(w)?.[1] ?? null)
    .map((b64) => (b64 === null ? null : Buffer.from(b64, 'base64').toString('utf8')))
    .join('');

describe('merging a follow-up template', () => {
  it.each([
    ['thanks', 'ja', '【お礼】本日のお電話について', '株式会社サクラテック\n髙橋 一郎 様'],
    ['appointment', 'ja', '【日程確定】12月10日(木) 14:00 お打ち合わせ', '日時：12月10日(木) 14:00\n担当：営業 一郎'],
    ['appointment', 'en', 'Meeting confirmed: 12月10日(木) 14:00', 'With: 営業 一郎'],
  ] as const)('%s in %s', (kind, language, subject, inBody) => {
    const mail = mergeMail(template(kind), language, values, placeholder);
    expect(mail.subject).toBe(subject);
    expect(mail.body).toContain(inBody);
    expect(mail.body).toContain('山﨑 花子');
    expect(mail.missing).toEqual([]);
  });
  it('names the fields the lead lacks and writes them as placeholders, never "undefined"', () => {
    const mail = mergeMail(template('appointment'), 'ja', { company: '北斗物流株式会社', person: '佐藤 花子' }, placeholder);
    expect(mail.missing).toEqual(['appointment', 'fieldRep', 'rep']);
    expect(mail.subject).toBe('【日程確定】［appointment］ お打ち合わせ');
    expect(mail.body).not.toContain('undefined');
  });
  it('keeps a subject on one line', () => {
    const t = { ...template('thanks'), subject: { ja: '{{company}}\r\n様', en: '' } };
    expect(mergeMail(t, 'en', values, placeholder).subject).toBe('株式会社サクラテック 様');
  });
});

describe('mailto: URLs (RFC 6068)', () => {
  it.each([
    [{ to: 'taro@example.co.jp', subject: 'Hi', body: 'a\nb' }, 'mailto:taro@example.co.jp?subject=Hi&body=a%0D%0Ab'],
    [{ to: null, subject: 'お礼', body: '' }, 'mailto:?subject=%E3%81%8A%E7%A4%BC&body='],
    // & = ? % # + would start another field, end the URL or read as a space: all escaped.
    [{ to: 'a+b@example.com', subject: 'Q&A = 100% #1', body: 'x?y' }, 'mailto:a%2Bb@example.com?subject=Q%26A%20%3D%20100%25%20%231&body=x%3Fy'],
    [{ to: null, subject: "(it's)*!", body: 'a\r\nb\rc' }, 'mailto:?subject=%28it%27s%29%2A%21&body=a%0D%0Ab%0D%0Ac'],
  ])('%o', (mail, url) => {
    expect(mailtoUrl(mail)).toBe(url);
  });
  it('decodes back to the same text', () => {
    const mail = { to: 'taro@example.co.jp', subject: '【お礼】ﾃｽﾄ 髙﨑', body: '1行目\n2行目 &?%' };
    const url = new URL(mailtoUrl(mail)!);
    expect(decodeURIComponent(url.searchParams.get('subject') ?? '')).toBe(mail.subject);
    expect(url.search.includes('+')).toBe(false);
    expect(decodeURIComponent(/body=([^&]*)/.exec(url.href)![1]!)).toBe('1行目\r\n2行目 &?%');
  });
  it(`gives up at ${mailtoMaxLength} characters: the URL is null, never cut`, () => {
    // Each kanji is 9 characters encoded.
    const fits = { to: null, subject: 's', body: '本'.repeat(Math.floor((mailtoMaxLength - 'mailto:?subject=s&body='.length) / 9)) };
    expect(mailtoUrl(fits)!.length).toBeLessThanOrEqual(mailtoMaxLength);
    expect(mailtoUrl({ ...fits, body: `${fits.body}本` })).toBeNull();
  });
});

describe('.eml files (RFC 5322, MIME)', () => {
  const at = new Date('2026-12-07T01:02:03Z');
  it('writes the headers, CRLF line ends and a base64 UTF-8 body', () => {
    const eml = emlFile({ to: 'taro@example.co.jp', subject: 'Thanks', body: '髙橋様\nありがとうございました' }, at);
    const [head, body] = eml.split('\r\n\r\n');
    expect(head!.split('\r\n')).toEqual([
      'To: taro@example.co.jp',
      'Subject: Thanks',
      'Date: Mon, 07 Dec 2026 01:02:03 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
      'X-Unsent: 1',
    ]);
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    expect(Buffer.from(body!.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe('髙橋様\r\nありがとうございました');
    expect(body!.split('\r\n').every((line) => line.length <= 76)).toBe(true);
  });
  it('encodes a Japanese subject as encoded-words of at most 75 characters, cut between characters', () => {
    const subject = '【日程確定】12月10日(木) 14:00 お打ち合わせ 𠮷野家 髙﨑 ﾊﾝｶｸ'.repeat(3);
    const header = encodedWords(subject);
    for (const word of header.split('\r\n ')) expect(word.length).toBeLessThanOrEqual(75);
    expect(decodeWords(header)).toBe(subject);
    expect(encodedWords('Plain ASCII')).toBe('Plain ASCII');
  });
  it('leaves out To when there is no address (the rep types it)', () => {
    expect(emlFile({ to: null, subject: 's', body: 'b' }, at).startsWith('Subject: s\r\n')).toBe(true);
  });
});
