import { useTranslation } from 'react-i18next';

export function ImportReading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('importDialog.reading')}
    </p>
  );
}
