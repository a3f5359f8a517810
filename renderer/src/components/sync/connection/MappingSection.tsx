import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A CRM's mapping tables under one hint and one "reset to defaults" button. */
export function MappingSection({ hint, onReset, children }: { hint: string; onReset(): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="sync-mapping-head">
        <p className="hint">{hint}</p>
        <button type="button" onClick={onReset}>
          {t('sync.settings.resetMapping')}
        </button>
      </div>
      <div className="sync-mapping">{children}</div>
    </>
  );
}
