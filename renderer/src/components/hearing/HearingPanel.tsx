import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandoffDialogStore, useHearingStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { HandoffDialog } from '../handoffs/HandoffDialog';
import { HearingEditor } from './HearingEditor';
import { HearingHistory } from './HearingHistory';
import { HearingSaveIndicator } from './HearingSaveIndicator';
import { HearingVersionDialog } from './HearingVersionDialog';
import { QualificationChecklist } from './QualificationChecklist';
import './hearing.css';

/**
 * The BANT hearing beside the call for the lead being worked: autosaved, with the criteria it
 * meets live, its history, and the way to hand the lead off to field sales.
 */
export function HearingPanel({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const load = useHearingStore((state) => state.load);
  const flush = useHearingStore((state) => state.flush);
  const view = useHearingStore((state) => (state.leadId === leadId ? state.view : null));
  const problem = useHearingStore((state) => state.problem);
  const openHandoff = useHandoffDialogStore((state) => state.openCreate);

  useEffect(() => {
    void load(leadId);
  }, [load, leadId]);

  useEffect(() => {
    // Closing the window or the tab must not lose what was typed in the last half second.
    const onPageHide = () => void flush();
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush]);

  return (
    <section className="side-panel hearing-panel" aria-labelledby={titleId} onBlur={() => void flush()}>
      <header className="panel-header">
        <h3 id={titleId}>{t('hearing.title')}</h3>
        <HearingSaveIndicator />
      </header>
      {problem && <ProblemAlert problem={problem} />}
      {!view ? (
        <p className="loading">{t('hearing.loading')}</p>
      ) : (
        <>
          <div className="qualification-bar">
            <QualificationChecklist qualification={view.qualification} criteria={view.criteria} />
            <button
              type="button"
              className={view.qualification.qualified ? 'primary' : undefined}
              onClick={async () => {
                // The package is assembled from what is stored: save the last keystrokes first.
                await flush();
                void openHandoff(leadId);
              }}
            >
              {t('hearing.handoff')}
            </button>
          </div>
          <HearingEditor key={leadId} />
          <HearingHistory history={view.history} />
        </>
      )}
      <HearingVersionDialog />
      <HandoffDialog kind="create" />
    </section>
  );
}
