import { basename, join } from 'node:path';

/**
 * A follow-up mail too long for a mailto: link reaches the desktop app as an .eml download
 * (renderer/src/stores/followupStore.ts). Asking where to save it would put a file dialog between
 * the rep and the mail; so that one download — and only that shape of it — is saved in Koma's
 * mail folder without a dialog and opened with the OS's handler for .eml, the rep's mail app.
 * Every other download (CSV exports, backups) keeps Electron's save dialog.
 */

/** The names the follow-up dialog gives its .eml files: followup-2025-04-07-髙橋_一郎.eml. */
const followupMailName = /^followup-\d{4}-\d{2}-\d{2}-[^\\/:*?"<>|\s]{1,40}\.eml$/u;

export function isFollowupMail(fileName: string, mimeType: string): boolean {
  return mimeType === 'message/rfc822' && basename(fileName) === fileName && followupMailName.test(fileName);
}

export interface MailDownload {
  getFilename(): string;
  getMimeType(): string;
  setSavePath(path: string): void;
  once(event: 'done', listener: (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void): unknown;
}

export interface MailDownloadSession {
  on(event: 'will-download', listener: (event: unknown, item: MailDownload) => void): unknown;
}

export interface MailOpener {
  /** Electron's shell.openPath: resolves to an error message, '' on success. */
  openPath(path: string): Promise<string>;
}

export function openFollowupMailDownloads(session: MailDownloadSession, shell: MailOpener, mailDir: string, log: (message: string) => void): void {
  session.on('will-download', (_event, item) => {
    const name = item.getFilename();
    if (!isFollowupMail(name, item.getMimeType())) return;
    const path = join(mailDir, name);
    item.setSavePath(path);
    item.once('done', (_done, state) => {
      if (state !== 'completed') {
        log(`the follow-up mail ${name} was not saved (${state})`);
        return;
      }
      void shell.openPath(path).then((error) => {
        if (error) log(`could not open ${name}: ${error}`);
      });
    });
  });
}
