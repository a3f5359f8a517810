import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { isFollowupMail, openFollowupMailDownloads, type MailDownload } from '../../electron/mailDownloads';

describe('isFollowupMail: only the follow-up dialog’s .eml files skip the save dialog', () => {
  it.each<[string, string, boolean]>([
    ['followup-2025-04-07-髙橋_一郎.eml', 'message/rfc822', true],
    ['followup-2025-04-07-lead.eml', 'message/rfc822', true],
    ['followup-2025-04-07-髙橋_一郎.eml', 'text/plain', false],
    ['handoff-2025-04-07.csv', 'text/csv', false],
    ['followup-2025-04-07-../../evil.eml', 'message/rfc822', false],
    ['followup-2025-04-07-a b.eml', 'message/rfc822', false],
    ['followup-2025-04-07-x.eml.exe', 'message/rfc822', false],
    ['koma-backup.db', 'message/rfc822', false],
  ])('%s (%s) → %s', (name, mime, expected) => expect(isFollowupMail(name, mime)).toBe(expected));
});

class FakeDownload extends EventEmitter implements MailDownload {
  savePath: string | null = null;
  constructor(
    private readonly name: string,
    private readonly mime: string,
  ) {
    super();
  }
  getFilename() {
    return this.name;
  }
  getMimeType() {
    return this.mime;
  }
  setSavePath(path: string) {
    this.savePath = path;
  }
}

describe('openFollowupMailDownloads', () => {
  function setUp() {
    const session = new EventEmitter();
    const openPath = vi.fn(async (_path: string) => '');
    const log = vi.fn();
    openFollowupMailDownloads(session, { openPath }, '/tmp/koma-mail', log);
    const download = (name: string, mime: string) => {
      const item = new FakeDownload(name, mime);
      session.emit('will-download', {}, item);
      return item;
    };
    return { openPath, log, download };
  }

  it('saves a follow-up mail in Koma’s mail folder without asking, and opens it in the mail app once saved', async () => {
    const { openPath, download } = setUp();
    const mail = download('followup-2025-04-07-髙橋_一郎.eml', 'message/rfc822');
    expect(mail.savePath).toBe('/tmp/koma-mail/followup-2025-04-07-髙橋_一郎.eml');
    expect(openPath).not.toHaveBeenCalled();
    mail.emit('done', {}, 'completed');
    await vi.waitFor(() => expect(openPath).toHaveBeenCalledExactlyOnceWith('/tmp/koma-mail/followup-2025-04-07-髙橋_一郎.eml'));
  });

  it('leaves every other download to the save dialog, and opens nothing that was not saved', () => {
    const { openPath, log, download } = setUp();
    expect(download('handoff-2025-04-07.csv', 'text/csv').savePath).toBeNull();
    const cancelled = download('followup-2025-04-07-lead.eml', 'message/rfc822');
    cancelled.emit('done', {}, 'cancelled');
    expect(openPath).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('the follow-up mail followup-2025-04-07-lead.eml was not saved (cancelled)');
  });
});
