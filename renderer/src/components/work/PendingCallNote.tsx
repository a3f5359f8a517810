import { useTranslation } from 'react-i18next';
import { pendingCallOf } from '../../lib/callForm';
import { useWorkStore } from '../../stores/StoresContext';

/** Whether the call form holds a call for this lead that a decision would take along. */
export function usePendingCall(leadId: string | null) {
  const form = useWorkStore((state) => (leadId !== null && state.detail?.lead.id === leadId ? state.form : null));
  const now = useWorkStore((state) => state.now);
  return form ? pendingCallOf(form, now()).state : 'none';
}

/**
 * Inside a decision's dialog (skip, recycle, exclude, handoff): says that the open call is logged
 * first, or — notes without an outcome — asks the rep to choose one or discard the notes. The
 * dialog's confirm button is disabled meanwhile (see usePendingCall).
 */
export function PendingCallNote({ leadId }: { leadId: string | null }) {
  const { t } = useTranslation();
  const state = usePendingCall(leadId);
  const outcome = useWorkStore((s) => s.form.outcome);
  const discardDraft = useWorkStore((s) => s.discardDraft);
  if (state === 'none') return null;
  if (state === 'log') return <p className="hint pending-call">{t('loop.pendingCall.willLog', { outcome: outcome ? t(`work.outcome.${outcome}`) : '' })}</p>;
  return (
    <div role="alert" className="alert pending-call">
      <p>{t('loop.pendingCall.needsOutcome')}</p>
      <button type="button" onClick={() => void discardDraft()}>
        {t('loop.pendingCall.discard')}
      </button>
    </div>
  );
}
