import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallDraft, LeadDetail, prepChecklistItems } from '../../../shared/contract/callFlow';
import type { CallOutcome, ExcludeReason, RecycleReason } from '../../../shared/contract/calls';
import type { ScheduleMove } from '../../../shared/contract/calendar';
import { recycleSchedule } from '../../../shared/domain/queue/retry';
import type { skipReasons } from '../../../shared/contract/callFlow';
import type { KomaClient } from '../api/client';
import { createAutosave } from '../lib/autosave';
import { buildLogCall, emptyCallForm, pendingCallOf, type DecisionForm, type FormError, type PendingCall } from '../lib/callForm';
import { dialUrl } from '../../../shared/domain/dial/dialUrl';
import { toProblem, type Problem } from '../lib/problem';
import type { LeadSource } from '../../../shared/contract/leads';
import type { DialMode } from '../../../shared/contract/profile';
import type { CallListStore } from './callListStore';
import type { RulesStore } from './rulesStore';

export interface WorkOptions {
  /** The rep's clock: call start and end, default recycle dates. */
  now: () => Date;
  /** Hands a dial URL (tel:, callto:, zoomphonecall://, dialpad://) to the phone app (only when S dials; see dialMode.ts). */
  dial: (href: string) => void;
  /** The id a call gets when S starts it, handed to the phone system (Dialpad's customData) and logged as the call's id. */
  newCallId: () => string;
  /** The call draft is saved once typing pauses this long. */
  draftDelayMs: number;
  /** Prep notes are saved once typing pauses this long. */
  prepDelayMs: number;
  /** Reads the next lead ahead while the rep works this one (see prefetchNext). */
  prefetch: boolean;
}

export type WorkDialog = 'help' | 'skip' | 'recycle' | 'exclude' | 'doNotCall' | 'readings';
export type SkipReason = (typeof skipReasons)[number];
export type ChecklistItem = (typeof prepChecklistItems)[number];

export interface PrepNotesState {
  companyId: string;
  text: string;
  saving: boolean;
  /** When the backend last confirmed a save in this visit; null before the first one. */
  savedAt: string | null;
  problem: Problem | null;
}

export interface WorkState {
  detail: LeadDetail | null;
  /** The lead being fetched; the previous one stays on screen until it arrives. */
  openingId: string | null;
  problem: Problem | null;
  notice: 'queue_empty' | 'logged_queue_empty' | null;
  /**
   * The last call or decision's next call (or recycle date) fell on a closed day or outside calling
   * hours and the backend moved it: the rep is told where to and why.
   */
  moved: { leadName: string; kind: 'next_call' | 'recycle'; move: ScheduleMove } | null;
  /**
   * Bumped each time the loop moves on to a lead by itself (N, save and next, skip): the header
   * takes the focus and the lead is announced. Opening a lead from the list leaves the focus there.
   */
  arrival: number;
  form: CallDraft;
  decision: DecisionForm;
  formError: FormError | null;
  logProblem: Problem | null;
  logging: boolean;
  draftSavedAt: string | null;
  draftProblem: Problem | null;
  prep: PrepNotesState | null;
  checklistProblem: Problem | null;
  dialog: WorkDialog | null;
  /** The lead whose call was logged last in this session: W writes its follow-up mail after the next lead is on screen. */
  lastLogged: { leadId: string; leadName: string } | null;
  /** A decision from a dialog is on its way to the backend. */
  acting: boolean;
  actionProblem: Problem | null;
  now: () => Date;
  next(): Promise<void>;
  open(leadId: string): Promise<void>;
  /** The lead on screen read again (its timeline changed elsewhere), keeping what the rep typed. */
  refreshDetail(): Promise<void>;
  startCall(): void;
  setOutcome(outcome: CallOutcome): void;
  editForm(patch: Partial<Pick<CallDraft, 'notes' | 'nextAction' | 'nextActionAt' | 'callbackAt' | 'conversation' | 'durationMin' | 'objections' | 'talkVersion'>>): void;
  /**
   * The call a decision on this lead must take along (see pendingCallOf), its draft saved first so
   * nothing lands after the decision deletes it; 'needs_outcome' when notes have no outcome yet.
   */
  takePendingCall(leadId: string): Promise<PendingCall | null | 'needs_outcome'>;
  /** A decision logged the form's call: the form starts empty. */
  callTaken(leadId: string): void;
  /** Picks a decision kind, with the default reason and, for a recycle, the default date. */
  chooseDecision(kind: DecisionForm['kind']): Promise<void>;
  setDecision(decision: DecisionForm): void;
  /** The recontact date the rules give a reason, counted from now; null until the rules are loaded. */
  recycleDefault(reason: RecycleReason): string | null;
  saveAndNext(): Promise<void>;
  /** Settles once the call being logged (if any) is in or refused: what W's follow-up answers. */
  afterLogging(): Promise<void>;
  discardDraft(): Promise<void>;
  editPrepNotes(text: string): void;
  /** Saves waiting prep notes now (blur), or tries a failed save again. */
  savePrepNow(): Promise<void>;
  setChecklist(item: ChecklistItem, checked: boolean): Promise<void>;
  openDialog(dialog: WorkDialog): void;
  closeDialog(): void;
  skip(reason: SkipReason, note: string): Promise<void>;
  recycle(reason: RecycleReason, until: string, note: string): Promise<void>;
  exclude(reason: ExcludeReason, note: string): Promise<void>;
  restore(): Promise<void>;
  setDoNotCall(doNotCall: boolean): Promise<void>;
  /** Saves the person's and the company's readings (フリガナ) as the rep corrected them. */
  setReadings(nameReading: string, companyReading: string): Promise<void>;
  /** Sends every waiting autosave now (leaving the page, switching leads). */
  flush(): Promise<void>;
}

export type WorkStore = StoreApi<WorkState>;

export const defaultWorkOptions = { draftDelayMs: 400, prepDelayMs: 500, prefetch: true } as const;

/** Without a softphone integration, a dial link is followed like a click on it would be. */
function dialWithLink(href: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.click();
}

/** What the rep is told when the backend moved a time the rules or the rep chose onto an open time. */
function movedOf(leadName: string, result: { moved?: ScheduleMove | null; status?: string; leadStatus?: string }): WorkState['moved'] {
  if (!result.moved) return null;
  const recycled = (result.status ?? result.leadStatus) === 'recycled';
  return { leadName, kind: recycled ? 'recycle' : 'next_call', move: result.moved };
}

const fresh = {
  form: emptyCallForm,
  decision: { kind: 'none' },
  formError: null,
  logProblem: null,
  draftSavedAt: null,
  draftProblem: null,
  checklistProblem: null,
  actionProblem: null,
} as const satisfies Partial<WorkState>;

/**
 * The call workspace: the lead being worked, its call form (saved continuously as a draft), its
 * company's prep notes (autosaved), and the decisions that move it out of the list. Every change
 * that moves leads refreshes the call list; the workspace only advances when the next lead arrived.
 */
export function createWorkStore(
  client: KomaClient,
  deps: { callList: CallListStore; rules: RulesStore; beforeLog?: () => Promise<void>; dialMode?: () => DialMode },
  overrides: Partial<WorkOptions> = {},
): WorkStore {
  const options: WorkOptions = { now: () => new Date(), dial: dialWithLink, newCallId: () => crypto.randomUUID(), ...defaultWorkOptions, ...overrides };
  // Each open gets a ticket; a lead that arrives after the rep asked for another one is dropped.
  let openTicket = 0;
  // A call logged while the next lead is already on screen (see saveAndNext): what reads the queue waits for it.
  let logInFlight: Promise<void> | null = null;

  return createStore<WorkState>()((set, get) => {
    const isCurrent = (leadId: string) => get().detail?.lead.id === leadId;

    const draftSave = createAutosave<{ leadId: string; draft: CallDraft }>(async ({ leadId, draft }) => {
      try {
        const { savedAt } = await client.invoke('callDraft.save', { leadId, draft });
        if (isCurrent(leadId)) set({ draftSavedAt: savedAt, draftProblem: null });
      } catch (error) {
        if (isCurrent(leadId)) set({ draftProblem: toProblem(error) });
      }
    }, options.draftDelayMs);

    const updatePrep = (companyId: string, patch: Partial<PrepNotesState>) => {
      const prep = get().prep;
      if (prep?.companyId === companyId) set({ prep: { ...prep, ...patch } });
    };

    const prepSave = createAutosave<{ companyId: string; text: string }>(async ({ companyId, text }) => {
      updatePrep(companyId, { saving: true });
      try {
        const { savedAt } = await client.invoke('prep.saveNotes', { companyId, notes: text });
        updatePrep(companyId, { saving: false, savedAt, problem: null });
      } catch (error) {
        // The text stays in the box; the next keystroke, blur or "save again" sends it again.
        updatePrep(companyId, { saving: false, problem: toProblem(error) });
      }
    }, options.prepDelayMs);

    const flush = async () => {
      await Promise.all([draftSave.flush(), prepSave.flush()]);
    };

    const updateForm = (form: CallDraft) => {
      const { detail, logging, openingId } = get();
      // While a call is being logged, or the next lead is on its way, the form on screen is done with.
      if (!detail || logging || openingId !== null) return;
      set({ form, formError: null });
      draftSave.schedule({ leadId: detail.lead.id, draft: form });
    };

    /** The lead on screen again after a decision on it, keeping whatever the rep has typed. */
    const refreshDetail = async () => {
      const leadId = get().detail?.lead.id;
      if (!leadId) return;
      try {
        const detail = await client.invoke('lead.get', { leadId });
        if (isCurrent(leadId)) set({ detail });
      } catch (error) {
        if (isCurrent(leadId)) set({ problem: toProblem(error) });
      }
    };

    /**
     * A lead on screen with its saved draft and its company's notes; the one after it is read ahead,
     * unless a call is still being logged (the queue is read again once it is in).
     */
    const show = (detail: LeadDetail, readAhead = true) => {
      set({
        ...fresh,
        detail,
        openingId: null,
        form: detail.draft ?? emptyCallForm,
        prep: { companyId: detail.company.id, text: detail.company.prepNotes, saving: false, savedAt: null, problem: null },
      });
      if (readAhead) prefetchNext(detail);
      else prefetched = null;
    };

    /**
     * While the rep is on a call, the lead after this one is read ahead, so N shows it without a
     * round trip. Any decision taken in the meantime drops it (the queue changed); so does a next
     * lead at the same company (its prep notes may be the ones being typed now).
     */
    let prefetched: { fromId: string; source: LeadSource | null; writes: number; detail: LeadDetail } | null = null;
    let writes = 0;
    const prefetchNext = (from: LeadDetail) => {
      prefetched = null;
      if (!options.prefetch) return;
      const source = deps.callList.getState().source;
      const stamp = writes;
      void (async () => {
        try {
          const { leadId } = await client.invoke('queue.next', { excludeLeadId: from.lead.id, source });
          if (!leadId || stamp !== writes || !isCurrent(from.lead.id)) return;
          const detail = await client.invoke('lead.get', { leadId });
          if (stamp === writes && isCurrent(from.lead.id) && detail.company.id !== from.company.id) {
            prefetched = { fromId: from.lead.id, source, writes: stamp, detail };
          }
        } catch {
          // Reading ahead is a shortcut only: N then asks the backend as it always did.
        }
      })();
    };
    /** The read-ahead lead if it is the one asked for and nothing changed since it was read. */
    const takePrefetched = (leadId: string): LeadDetail | null => {
      const ahead = prefetched;
      prefetched = null;
      const usable = ahead && ahead.detail.lead.id === leadId && ahead.writes === writes && isCurrent(ahead.fromId) && ahead.source === deps.callList.getState().source;
      return usable ? ahead.detail : null;
    };
    /** The queue's next lead from the read-ahead, when it is still good; null sends N to the backend. */
    const prefetchedNext = (fromId: string | null): string | null => {
      const ahead = prefetched;
      return ahead && ahead.fromId === fromId && ahead.writes === writes && ahead.source === deps.callList.getState().source ? ahead.detail.lead.id : null;
    };

    /** The read-ahead lead after `fromId`, taken for showing now; null when there is none still good. */
    const takeAhead = (fromId: string): LeadDetail | null => {
      const leadId = prefetchedNext(fromId);
      return leadId ? takePrefetched(leadId) : null;
    };

    /** Anything that reads the queue waits for a call still being logged, or it could be handed that lead again. */
    const logSettled = async () => {
      while (logInFlight) await logInFlight;
    };

    const open = async (leadId: string) => {
      // Choosing the lead already open keeps everything as it is (the decision is not in the draft).
      if (get().detail?.lead.id === leadId && get().openingId === null) return;
      const ticket = ++openTicket;
      set({ openingId: leadId, problem: null, notice: null });
      // Saved first, so a colleague at the same company reads the notes just typed.
      await flush();
      try {
        const detail = takePrefetched(leadId) ?? (await client.invoke('lead.get', { leadId }));
        if (ticket !== openTicket) return;
        show(detail);
      } catch (error) {
        if (ticket === openTicket) set({ openingId: null, problem: toProblem(error) });
      }
    };

    /** The next lead in queue order, never the one just left; with none, the current lead stays. */
    const advance = async (fromId: string | null, emptyNotice: NonNullable<WorkState['notice']>) => {
      await logSettled();
      try {
        const ahead = prefetchedNext(fromId);
        const { leadId } = ahead ? { leadId: ahead } : await client.invoke('queue.next', { excludeLeadId: fromId, source: deps.callList.getState().source });
        if (leadId) {
          await open(leadId);
          if (isCurrent(leadId)) set({ arrival: get().arrival + 1 });
        } else {
          set({ notice: emptyNotice });
          await refreshDetail();
        }
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    };

    /** A decision taken from a dialog: sent, the dialog closed, the lead and the list shown as they are now. */
    const act = async (run: () => Promise<unknown>, after: () => Promise<void> = refreshDetail) => {
      writes++;
      set({ acting: true, actionProblem: null });
      try {
        await run();
      } catch (error) {
        set({ acting: false, actionProblem: toProblem(error) });
        return;
      }
      set({ acting: false, dialog: null });
      deps.callList.getState().refresh();
      await after();
    };

    const takePendingCall = async (leadId: string) => {
      const { detail, form } = get();
      if (detail?.lead.id !== leadId) return null;
      const pending = pendingCallOf(form, options.now());
      if (pending.state === 'needs_outcome') return 'needs_outcome' as const;
      if (pending.state === 'none') return null;
      // The decision deletes the draft with the call it logs: every save is in before it is sent,
      // and the hearing typed in this call is saved so the call seals it.
      await draftSave.flush();
      await deps.beforeLog?.();
      return pending.call;
    };

    const callTaken = (leadId: string) => {
      if (isCurrent(leadId)) set({ form: emptyCallForm, decision: { kind: 'none' }, formError: null, logProblem: null, draftSavedAt: null, draftProblem: null });
    };

    /**
     * A decision from a dialog on the lead on screen, taking the open call along (logged first, in
     * the decision's transaction). Notes without an outcome stop it: the dialog asks the rep.
     */
    const decide = async (send: (leadId: string, call: PendingCall | null) => Promise<unknown>, after?: (leadId: string) => Promise<void>) => {
      await logSettled();
      const leadId = get().detail?.lead.id;
      if (!leadId || get().acting) return;
      const call = await takePendingCall(leadId);
      if (call === 'needs_outcome') return;
      await act(
        () => send(leadId, call),
        async () => {
          if (call) callTaken(leadId);
          await (after ? after(leadId) : refreshDetail());
        },
      );
    };

    const recycleDefault = (reason: RecycleReason) => {
      const { queueRules, calendar } = deps.rules.getState();
      const lead = get().detail?.lead;
      // On an open time, as the backend will keep it: the date shown is the date that is saved.
      return queueRules ? recycleSchedule(reason, queueRules, options.now(), lead?.timeZone ?? queueRules.defaultTimeZone, calendar).at : null;
    };

    return {
      detail: null,
      openingId: null,
      problem: null,
      notice: null,
      moved: null,
      arrival: 0,
      logging: false,
      prep: null,
      dialog: null,
      lastLogged: null,
      acting: false,
      ...fresh,
      now: options.now,
      async next() {
        await advance(get().detail?.lead.id ?? null, 'queue_empty');
      },
      open,
      refreshDetail,
      startCall() {
        const { detail, form } = get();
        if (!detail || detail.lead.doNotCall) return;
        // The call's id is fixed at the first S, so the phone system and the log name the same call.
        const callId = form.callId ?? options.newCallId();
        // In timer mode the rep dials on their own phone: no link, no OS prompt.
        const href = dialUrl(deps.dialMode?.() ?? 'tel', detail.lead.phone, callId);
        if (href) options.dial(href);
        if (!form.startedAt || !form.callId) updateForm({ ...form, startedAt: form.startedAt ?? options.now().toISOString(), callId });
      },
      setOutcome(outcome) {
        updateForm({ ...get().form, outcome });
      },
      editForm(patch) {
        updateForm({ ...get().form, ...patch });
      },
      async chooseDecision(kind) {
        if (kind === 'none') set({ decision: { kind }, formError: null });
        else if (kind === 'exclude') set({ decision: { kind, reason: null }, formError: null });
        else {
          await deps.rules.getState().ensureQueueRules();
          set({ decision: { kind, reason: 'not_reached', until: recycleDefault('not_reached') }, formError: null });
        }
      },
      setDecision(decision) {
        set({ decision, formError: null });
      },
      recycleDefault,
      afterLogging: logSettled,
      async saveAndNext() {
        // A second Ctrl+Enter while the call before is still being logged waits for it, on the lead it was pressed on.
        const pressedOn = get().detail?.lead.id;
        await logSettled();
        const { detail, form, decision, logging, prep } = get();
        if (!detail || logging || detail.lead.id !== pressedOn) return;
        const built = buildLogCall(detail.lead.id, form, decision, options.now());
        if (!built.ok) {
          set({ formError: built.error });
          return;
        }
        // The lead after this one, read while the rep was on the call, goes on screen at once; the
        // call is logged meanwhile (see below), and the backend's answer only corrects the screen.
        const ahead = takeAhead(detail.lead.id);
        writes++;
        const ticket = ++openTicket;
        // What was typed for this lead is taken now, before the next lead's fields can replace it:
        // logging deletes the draft in its transaction (no draft save may land after it), the
        // hearing typed in this call must be in the version the call seals, and the prep notes go
        // first so a colleague at the same company shows them.
        const saved = Promise.all([draftSave.cancel(), deps.beforeLog?.(), prepSave.flush()]);
        let settle = () => {};
        const inFlight = new Promise<void>((resolve) => (settle = resolve));
        logInFlight = inFlight;
        if (ahead) {
          show(ahead, false);
          // W right after Ctrl+Enter answers the lead just left, not the one read ahead.
          set({ arrival: get().arrival + 1, lastLogged: { leadId: detail.lead.id, leadName: detail.lead.fullName } });
        } else {
          set({ logging: true, formError: null, logProblem: null });
        }
        let next: LeadDetail | null;
        try {
          await saved;
          // One round trip: the call logged, and the next lead with everything its pane shows.
          let logged;
          ({ next, logged } = await client.invoke('calls.logAndNext', { call: built.input, source: deps.callList.getState().source }));
          set({ moved: movedOf(detail.lead.fullName, logged), lastLogged: { leadId: detail.lead.id, leadName: detail.lead.fullName } });
        } catch (error) {
          // Nothing typed is lost: the lead comes back with its form, saved as the draft again.
          // Its call is not logged: a follow-up (W) answers the lead on screen again.
          set({ lastLogged: null });
          if (!ahead) set({ logging: false, logProblem: toProblem(error) });
          else if (ticket === openTicket) {
            // Its prep notes were sent before it left (a save's answer for it meanwhile found another company on screen).
            set({ ...fresh, detail, form, decision, prep: prep && { ...prep, saving: false }, openingId: null, logProblem: toProblem(error) });
            prefetchNext(detail);
          }
          else set({ problem: toProblem(error) });
          draftSave.schedule({ leadId: detail.lead.id, draft: form });
          return;
        } finally {
          if (logInFlight === inFlight) logInFlight = null;
          settle();
        }
        if (ahead) {
          const shown = get().detail;
          // The queue changed while the rep was on the call (a lead came in): its answer wins
          // unless the rep already started on the lead shown.
          const untouched = shown === ahead && get().form === (ahead.draft ?? emptyCallForm);
          if (ticket !== openTicket || !shown) {
            // The rep opened another lead meanwhile: that one stays.
          } else if (next && next.lead.id !== ahead.lead.id && untouched) {
            show(next);
            set({ arrival: get().arrival + 1 });
          } else {
            prefetchNext(shown);
          }
        } else {
          set({ ...fresh, logging: false });
          if (next && ticket === openTicket) {
            show(next);
            set({ arrival: get().arrival + 1 });
          } else if (!next) {
            set({ notice: 'logged_queue_empty' });
            await refreshDetail();
          }
        }
        // Off the keystroke's path: the list catches up once the next lead is on screen.
        deps.callList.getState().refresh();
      },
      async discardDraft() {
        const detail = get().detail;
        if (!detail) return;
        await draftSave.cancel();
        set({ ...fresh });
        try {
          await client.invoke('callDraft.discard', { leadId: detail.lead.id });
        } catch (error) {
          if (isCurrent(detail.lead.id)) set({ draftProblem: toProblem(error) });
        }
      },
      editPrepNotes(text) {
        const prep = get().prep;
        if (!prep) return;
        set({ prep: { ...prep, text } });
        prepSave.schedule({ companyId: prep.companyId, text });
      },
      async savePrepNow() {
        const prep = get().prep;
        if (!prep) return;
        if (!prepSave.pending() && prep.problem) prepSave.schedule({ companyId: prep.companyId, text: prep.text });
        await prepSave.flush();
      },
      async setChecklist(item, checked) {
        const detail = get().detail;
        if (!detail) return;
        const before = detail.company.prepChecklist;
        const withCompany = (checklist: typeof before) => {
          const current = get().detail;
          if (current?.company.id === detail.company.id) set({ detail: { ...current, company: { ...current.company, prepChecklist: checklist } } });
        };
        withCompany({ ...before, [item]: checked });
        set({ checklistProblem: null });
        try {
          const { checklist } = await client.invoke('prep.setChecklist', { companyId: detail.company.id, item, checked });
          withCompany(checklist);
        } catch (error) {
          withCompany(before);
          set({ checklistProblem: toProblem(error) });
        }
      },
      openDialog(dialog) {
        const lead = get().detail?.lead;
        if (dialog !== 'help' && !lead) return;
        // An excluded or qualified lead has left the list: only restore (a button) applies to it.
        const closed = lead?.status === 'excluded' || lead?.status === 'qualified';
        if (closed && (dialog === 'skip' || dialog === 'recycle' || dialog === 'exclude')) return;
        if (dialog === 'recycle') void deps.rules.getState().ensureQueueRules();
        set({ dialog, actionProblem: null });
      },
      closeDialog() {
        set({ dialog: null, actionProblem: null });
      },
      async skip(reason, note) {
        await decide(
          async (leadId, call) => {
            const name = get().detail?.lead.fullName ?? '';
            set({ moved: movedOf(name, await client.invoke('lead.skip', { leadId, reason, note, call })) });
          },
          (leadId) => advance(leadId, 'queue_empty'),
        );
      },
      async recycle(reason, until, note) {
        await decide(async (leadId, call) => {
          const name = get().detail?.lead.fullName ?? '';
          set({ moved: movedOf(name, await client.invoke('lead.recycle', { leadId, reason, until, note, call })) });
        });
      },
      async exclude(reason, note) {
        await decide((leadId, call) => client.invoke('lead.exclude', { leadId, reason, note, call }));
      },
      takePendingCall,
      callTaken,
      async restore() {
        const leadId = get().detail?.lead.id;
        if (leadId) await act(() => client.invoke('lead.restore', { leadId }));
      },
      async setDoNotCall(doNotCall) {
        const leadId = get().detail?.lead.id;
        if (leadId) await act(() => client.invoke('lead.setDoNotCall', { leadId, doNotCall }));
      },
      async setReadings(nameReading, companyReading) {
        const leadId = get().detail?.lead.id;
        if (leadId) await act(() => client.invoke('lead.setReadings', { leadId, nameReading, companyReading }));
      },
      flush,
    };
  });
}
