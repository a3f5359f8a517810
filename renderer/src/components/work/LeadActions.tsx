import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/callFlow';
import { useWorkStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';

/** Decisions on the lead without logging a call: skip, recycle, exclude, restore, do not call. */
export function LeadActions({ lead }: { lead: LeadDetail['lead'] }) {
  const { t } = useTranslation();
  const openDialog = useWorkStore((state) => state.openDialog);
  const restore = useWorkStore((state) => state.restore);
  const setDoNotCall = useWorkStore((state) => state.setDoNotCall);
  const acting = useWorkStore((state) => state.acting);
  // A dialog shows its own failure; a failed restore or "allow calls" has only this place.
  const problem = useWorkStore((state) => (state.dialog ? null : state.actionProblem));
  const closed = lead.status === 'excluded' || lead.status === 'qualified';
  return (
    <div className="lead-actions" role="group" aria-label={t('work.actions.label')}>
      <button type="button" aria-keyshortcuts="K" disabled={closed} onClick={() => openDialog('skip')}>
        {t('work.actions.skip')} <kbd aria-hidden="true">K</kbd>
      </button>
      <button type="button" disabled={closed} onClick={() => openDialog('recycle')}>
        {t('work.actions.recycle')}
      </button>
      <button type="button" disabled={closed} onClick={() => openDialog('exclude')}>
        {t('work.actions.exclude')}
      </button>
      {(lead.status === 'excluded' || lead.status === 'recycled') && (
        <button type="button" disabled={acting} onClick={() => void restore()}>
          {t('work.actions.restore')}
        </button>
      )}
      {lead.doNotCall ? (
        <button type="button" disabled={acting} onClick={() => void setDoNotCall(false)}>
          {t('work.actions.allowCalls')}
        </button>
      ) : (
        <button type="button" className="danger-outline" onClick={() => openDialog('doNotCall')}>
          {t('work.actions.doNotCall')}
        </button>
      )}
      {problem && <ProblemAlert problem={problem} />}
    </div>
  );
}
