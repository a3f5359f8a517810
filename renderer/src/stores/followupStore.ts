import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScheduleMove } from '../../../shared/contract/calendar';
import type { FollowupContext, FollowupKind } from '../../../shared/contract/followup';
import { emlFile, mailtoUrl } from '../../../shared/domain/followup/mail';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';
import type { SaveFile } from '../lib/saveFile';

/** The lead a follow-up is for: the one whose call was just logged, else the one on screen. */
export interface FollowupTarget {
  leadId: string;
  leadName: string;
}

export interface FollowupDraft {
  templateId: string;
  kind: FollowupKind;
  to: string | null;
  subject: string;
  body: string;
  dueAt: string | null;
}

export interface FollowupDone {
  channel: 'mailto' | 'eml';
  callbackAt: string | null;
  moved: ScheduleMove | null;
}

export interface FollowupState {
  target: FollowupTarget | null;
  context: FollowupContext | null;
  loading: boolean;
  sending: boolean;
  problem: Problem | null;
  done: FollowupDone | null;
  open(target: FollowupTarget): Promise<void>;
  close(): void;
  /** Records the follow-up (timeline + CRM outbox, one transaction), then opens it in the mail app. */
  send(draft: FollowupDraft): Promise<void>;
}

export interface FollowupOptions {
  now: () => Date;
  /** Hands a mailto: URL to the OS (a link followed; the desktop shell passes it to shell.openExternal). */
  openMail: (url: string) => void;
  saveFile: SaveFile;
}

/** Without a mail integration, a mailto: link is followed like a click on it would be. */
export function openMailWithLink(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.click();
}

/** A file name the rep recognises in Downloads: the date and the lead, nothing a file system refuses. */
function emlName(leadName: string, at: Date): string {
  const safe = leadName.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);
  return `followup-${at.toISOString().slice(0, 10)}-${safe || 'lead'}.eml`;
}

export type FollowupStore = StoreApi<FollowupState>;

/**
 * The follow-up mail dialog (W). The mail is recorded first: when the backend refuses, nothing is
 * opened, so a mail never goes out without its record. A mailto: URL longer than the limit
 * (shared/domain/followup/mail.ts) becomes an .eml file instead.
 */
export function createFollowupStore(client: KomaClient, options: FollowupOptions): FollowupStore {
  let ticket = 0;
  return createStore<FollowupState>()((set, get) => ({
    target: null,
    context: null,
    loading: false,
    sending: false,
    problem: null,
    done: null,
    async open(target) {
      const mine = ++ticket;
      set({ target, context: null, loading: true, problem: null, done: null, sending: false });
      try {
        const context = await client.invoke('followup.context', { leadId: target.leadId });
        if (mine === ticket) set({ context, loading: false });
      } catch (error) {
        if (mine === ticket) set({ loading: false, problem: toProblem(error) });
      }
    },
    close() {
      ticket++;
      set({ target: null, context: null, loading: false, sending: false, problem: null, done: null });
    },
    async send(draft) {
      const { target, context, sending } = get();
      if (!target || !context || sending) return;
      const mail = { to: draft.to, subject: draft.subject, body: draft.body };
      const url = mailtoUrl(mail);
      const channel = url ? 'mailto' : 'eml';
      set({ sending: true, problem: null });
      try {
        const recorded = await client.invoke('followup.record', {
          leadId: target.leadId,
          callId: context.callId,
          templateId: draft.templateId,
          kind: draft.kind,
          to: draft.to,
          subject: draft.subject,
          body: draft.body,
          channel,
          dueAt: draft.dueAt,
        });
        if (url) options.openMail(url);
        else options.saveFile(emlName(target.leadName, options.now()), new Blob([emlFile(mail, options.now())], { type: 'message/rfc822' }));
        set({ sending: false, done: { channel, callbackAt: recorded.callbackAt, moved: recorded.moved } });
      } catch (error) {
        set({ sending: false, problem: toProblem(error) });
      }
    },
  }));
}
