import { useTranslation } from 'react-i18next';
import { useHearingStore } from '../../stores/StoresContext';
import { useFormats } from './useFormats';

/** Whether what the rep typed is stored, announced politely. */
export function HearingSaveIndicator() {
  const { t } = useTranslation();
  const formats = useFormats();
  const saveState = useHearingStore((state) => state.saveState);
  const savedAt = useHearingStore((state) => state.savedAt);
  const text = saveState === 'saved' && savedAt ? t('hearing.saveState.saved', { time: formats.time(savedAt) }) : t(`hearing.saveState.${saveState}`);
  return (
    <p role="status" className={`save-indicator is-${saveState}`}>
      {text}
    </p>
  );
}
