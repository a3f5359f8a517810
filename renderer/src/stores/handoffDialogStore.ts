import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LeadDetail } from '../../../shared/contract/callFlow';
import type { FieldRep, HandoffView, HearingView } from '../../../shared/contract/handoff';
import type { KomaClient } from '../api/client';
import { CommandError } from '../api/commandError';
import type { PendingCall } from '../lib/callForm';
import { toProblem, type Problem } from '../lib/problem';
import type { SaveFile } from '../lib/saveFile';
import { downloadHandoffIcs } from './handoffFiles';

/** What the dialog's form sends, whether creating or editing. */
export interface HandoffFields {
  fieldRepId: string;
  appointmentAt: string;
  appointmentEnd: string;
  place: string | null;
  meetingUrl: string | null;
  summary: string;
}

export type HandoffDialogTarget = { kind: 'create'; leadId: string } | { kind: 'edit'; handoffId: string };

export interface HandoffDialogOptions {
  saveFile: SaveFile;
  /** A handoff was created or changed: the call list, the handoff list and the hearing follow. */
  onChanged: (view: HandoffView, kind: 'created' | 'updated') => void;
  /** The call on the workspace's form for this lead, logged with the handoff (see workStore.takePendingCall). */
  takePendingCall?: (leadId: string) => Promise<PendingCall | null | 'needs_outcome'>;
}

export interface HandoffDialogState {
  target: HandoffDialogTarget | null;
  loading: boolean;
  /** For a new handoff: the lead and its hearing, for the summary and the package preview. */
  lead: LeadDetail | null;
  hearing: HearingView | null;
  /** The handoff being edited, or the one just made. */
  handoff: HandoffView | null;
  /** Active reps (plus the edited handoff's rep, if it was deactivated since). */
  reps: readonly FieldRep[];
  busy: boolean;
  /** Backend messages by field ('overrideReason', 'meetingUrl'…). */
  fieldErrors: Readonly<Record<string, string>>;
  problem: Problem | null;
  done: { kind: 'created' | 'draft' | 'updated'; handoff: HandoffView } | null;
  icsSaved: string | null;
  openCreate(leadId: string): Promise<void>;
  openEdit(handoffId: string): Promise<void>;
  close(): void;
  create(fields: HandoffFields & { overrideReason: string | null; asDraft: boolean }): Promise<void>;
  update(fields: HandoffFields & { queue: boolean }): Promise<void>;
  downloadIcs(): Promise<void>;
}

export type HandoffDialogStore = StoreApi<HandoffDialogState>;

const closed = {
  target: null,
  loading: false,
  lead: null,
  hearing: null,
  handoff: null,
  reps: [],
  busy: false,
  fieldErrors: {},
  problem: null,
  done: null,
  icsSaved: null,
} as const satisfies Partial<HandoffDialogState>;

function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (error instanceof CommandError) for (const issue of error.issues) errors[issue.path] = issue.message;
  return errors;
}

/** The handoff dialog: a new handoff from the lead being worked, or an edit (a correction once synced). */
export function createHandoffDialogStore(client: KomaClient, options: HandoffDialogOptions): HandoffDialogStore {
  let ticket = 0;

  return createStore<HandoffDialogState>()((set, get) => {
    const activeReps = async (keep: FieldRep | null) => {
      const { reps } = await client.invoke('fieldReps.list', {});
      const active = reps.filter((rep) => rep.active);
      return keep && !active.some((rep) => rep.id === keep.id) ? [...active, keep] : active;
    };

    const failed = (error: unknown) => {
      const fieldErrors = fieldErrorsOf(error);
      // Field-level problems are shown beside their field; the alert keeps the whole message.
      set({ busy: false, fieldErrors, problem: toProblem(error) });
    };

    return {
      ...closed,
      async openCreate(leadId) {
        const mine = ++ticket;
        set({ ...closed, target: { kind: 'create', leadId }, loading: true });
        try {
          const [lead, hearing, reps] = await Promise.all([client.invoke('lead.get', { leadId }), client.invoke('hearing.get', { leadId }), activeReps(null)]);
          if (mine === ticket) set({ lead, hearing, reps, loading: false });
        } catch (error) {
          if (mine === ticket) set({ loading: false, problem: toProblem(error) });
        }
      },
      async openEdit(handoffId) {
        const mine = ++ticket;
        set({ ...closed, target: { kind: 'edit', handoffId }, loading: true });
        try {
          const handoff = await client.invoke('handoff.get', { handoffId });
          const reps = await activeReps(handoff.fieldRep);
          if (mine === ticket) set({ handoff, reps, loading: false });
        } catch (error) {
          if (mine === ticket) set({ loading: false, problem: toProblem(error) });
        }
      },
      close() {
        ticket++;
        set(closed);
      },
      async create({ overrideReason, asDraft, ...fields }) {
        const target = get().target;
        if (target?.kind !== 'create' || get().busy) return;
        set({ busy: true, fieldErrors: {}, problem: null });
        try {
          const call = (await options.takePendingCall?.(target.leadId)) ?? null;
          // Notes without an outcome: the form says so and offers to clear them (PendingCallNote).
          if (call === 'needs_outcome') {
            set({ busy: false });
            return;
          }
          const handoff = await client.invoke('handoff.create', { leadId: target.leadId, ...fields, overrideReason, asDraft, call });
          set({ busy: false, handoff, done: { kind: asDraft ? 'draft' : 'created', handoff } });
          options.onChanged(handoff, 'created');
        } catch (error) {
          failed(error);
        }
      },
      async update({ queue, fieldRepId, ...fields }) {
        const current = get().handoff;
        if (get().target?.kind !== 'edit' || !current || get().busy) return;
        set({ busy: true, fieldErrors: {}, problem: null });
        try {
          // An unchanged rep is not re-sent: one deactivated since the handoff stays on it.
          const rep = fieldRepId === current.fieldRep?.id ? {} : { fieldRepId };
          const handoff = await client.invoke('handoff.update', { handoffId: current.id, ...rep, ...fields, queue });
          set({ busy: false, handoff, done: { kind: 'updated', handoff } });
          options.onChanged(handoff, 'updated');
        } catch (error) {
          failed(error);
        }
      },
      async downloadIcs() {
        const handoff = get().handoff;
        if (!handoff) return;
        try {
          set({ icsSaved: await downloadHandoffIcs(client, options.saveFile, handoff.id), problem: null });
        } catch (error) {
          set({ problem: toProblem(error) });
        }
      },
    };
  });
}
