import { useEffect } from 'react';
import { useStores } from '../../stores/StoresContext';
import { focusShortcutTarget, focusShortcutTargetSoon, isTextEntry, type ShortcutTarget } from './shortcutTargets';
import { outcomeForKey } from './shortcuts';
import { isComposing } from '../../lib/keys';

const focusKeys: Readonly<Record<string, ShortcutTarget>> = {
  '/': 'search',
  l: 'list',
  m: 'notes',
  p: 'prepNotes',
  // The BANT hearing: B opens it at Budget; A, E (nEed: N is "next") and T jump to the other sections.
  b: 'bant-budget',
  a: 'bant-authority',
  e: 'bant-need',
  t: 'bant-timeline',
};

/**
 * The workspace's keyboard: one key per step of the call loop (see shortcuts.ts). Single keys stay
 * quiet while the rep types in a field; Ctrl+Enter (save and next) and Esc (leave the field) work
 * everywhere. An open dialog owns the keyboard.
 */
export function useWorkShortcuts(): void {
  const stores = useStores();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isComposing(event)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      const work = stores.work.getState();
      const typing = isTextEntry(event.target);

      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void work.saveAndNext();
        return;
      }
      if (event.key === 'Escape') {
        if (typing && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;

      const key = event.key.toLowerCase();
      const outcome = outcomeForKey(key);
      const focusTarget = focusKeys[key];
      let handled = true;
      if (outcome) {
        work.setOutcome(outcome);
        if (outcome === 'callback_requested') focusShortcutTargetSoon('callbackAt');
      } else if (focusTarget) {
        handled = focusShortcutTarget(focusTarget);
      } else if (key === 'n') {
        void work.next();
      } else if (key === 's') {
        work.startCall();
      } else if (key === 'f') {
        stores.leadSearch.getState().show();
      } else if (key === 'k') {
        work.openDialog('skip');
      } else if (key === 'g' && work.detail) {
        // The talk script in place of the prep column; its heading takes the focus when G opens it
        // (not when the next lead arrives with the script open: the lead's name has the focus then).
        stores.talk.getState().toggleScript();
        if (stores.talk.getState().scriptOpen) focusShortcutTargetSoon('script');
      } else if (key === 'o' && work.detail) {
        stores.talk.getState().openCards();
      } else if (key === 'w' && (work.lastLogged || work.detail)) {
        // The follow-up answers the call just logged (the next lead is already on screen), else the
        // lead on screen — decided once that call is in, so a W pressed right after Ctrl+Enter
        // never mails the lead read ahead, nor one whose call was refused.
        void work.afterLogging().then(() => {
          const now = stores.work.getState();
          const target = now.lastLogged ?? (now.detail && { leadId: now.detail.lead.id, leadName: now.detail.lead.fullName });
          if (target) void stores.followup.getState().open(target);
        });
      } else if (key === '?') {
        work.openDialog('help');
      } else if (key === 'r' || key === 'x') {
        const kind = key === 'r' ? 'recycle' : 'exclude';
        const target = key === 'r' ? 'recycleReason' : 'excludeReason';
        // The same key again takes the decision back.
        if (work.decision.kind === kind) void work.chooseDecision('none');
        else void work.chooseDecision(kind).then(() => focusShortcutTargetSoon(target));
      } else {
        handled = false;
      }
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stores]);
}
