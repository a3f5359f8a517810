import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportStep } from '../../stores/importStore';
import { useImportStore } from '../../stores/StoresContext';
import { Modal } from '../common/Modal';
import { ProblemAlert } from '../common/ProblemAlert';
import { ImportFileStep } from './ImportFileStep';
import { ImportPreviewStep } from './ImportPreviewStep';
import { ImportProgress } from './ImportProgress';
import { ImportReading } from './ImportReading';
import { ImportSummary } from './ImportSummary';

const stepViews: Record<ImportStep, ComponentType> = {
  choose: ImportFileStep,
  reading: ImportReading,
  preview: ImportPreviewStep,
  running: ImportProgress,
  done: ImportSummary,
};

export function ImportDialog() {
  const { t } = useTranslation();
  const step = useImportStore((state) => state.step);
  const source = useImportStore((state) => state.source);
  const problem = useImportStore((state) => state.problem);
  const closeDialog = useImportStore((state) => state.closeDialog);
  const StepView = stepViews[step];
  return (
    <Modal
      title={source === 'sample' ? t('importDialog.sampleTitle') : t('importDialog.title')}
      closeLabel={t('importDialog.close')}
      onClose={closeDialog}
    >
      {problem && <ProblemAlert problem={problem} />}
      <StepView />
    </Modal>
  );
}
