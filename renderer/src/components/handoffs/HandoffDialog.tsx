import { useTranslation } from 'react-i18next';
import { useHandoffDialogStore } from '../../stores/StoresContext';
import { Modal } from '../common/Modal';
import { ProblemAlert } from '../common/ProblemAlert';
import { HandoffDone } from './HandoffDone';
import { HandoffForm } from './HandoffForm';
import './handoffs.css';

/**
 * The handoff dialog, rendered by whichever screen opens it: the hearing panel creates, the
 * handoffs screen edits. Each renders it for its own kind so it never shows twice.
 */
export function HandoffDialog({ kind }: { kind: 'create' | 'edit' }) {
  const { t } = useTranslation();
  const target = useHandoffDialogStore((state) => state.target);
  const loading = useHandoffDialogStore((state) => state.loading);
  const ready = useHandoffDialogStore((state) => (state.target?.kind === 'create' ? state.lead !== null && state.hearing !== null : state.handoff !== null));
  const done = useHandoffDialogStore((state) => state.done !== null);
  const problem = useHandoffDialogStore((state) => state.problem);
  const close = useHandoffDialogStore((state) => state.close);
  if (target?.kind !== kind) return null;
  return (
    <Modal title={kind === 'create' ? t('handoffs.dialog.createTitle') : t('handoffs.dialog.editTitle')} closeLabel={t('handoffs.dialog.close')} onClose={close}>
      {problem && <ProblemAlert problem={problem} />}
      {loading && <p className="loading">{t('handoffs.dialog.loading')}</p>}
      {done ? <HandoffDone /> : ready && <HandoffForm />}
    </Modal>
  );
}
