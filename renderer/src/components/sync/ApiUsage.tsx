import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../hooks/useNumberFormat';
import { useSyncStore } from '../../stores/StoresContext';

/** Salesforce's count of the org's API requests, and Koma's own use against the share it may take. */
export function ApiUsage() {
  const { t } = useTranslation();
  const headingId = useId();
  const number = useNumberFormat();
  const usage = useSyncStore((s) => s.status?.apiUsage ?? null);
  // kintone reports no daily use and refuses nothing past its per-app count: said so, not "not yet known".
  const kintone = useSyncStore((s) => s.status?.connector === 'kintone');
  if (!usage) return null;
  const org = usage.used !== null && usage.max !== null && usage.max > 0 ? { used: usage.used, max: usage.max } : null;
  return (
    <section className="sync-card sync-usage" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('sync.usage.heading')}</h3>
      <UsageBar
        label={t('sync.usage.org')}
        value={org?.used ?? null}
        max={org?.max ?? null}
        text={org ? t('sync.usage.orgValue', org) : kintone ? t('kintoneSync.usage.unknown') : t('sync.usage.unknown')}
      />
      <UsageBar
        label={t('sync.usage.koma')}
        value={usage.komaUsedToday}
        max={usage.budget}
        text={
          usage.budget !== null
            ? t('sync.usage.komaValue', { used: usage.komaUsedToday, budget: usage.budget, percent: number(usage.percent) })
            : t(kintone ? 'kintoneSync.usage.komaCount' : 'sync.usage.komaUnknownBudget', { used: usage.komaUsedToday })
        }
      />
    </section>
  );
}

function UsageBar({ label, value, max, text }: { label: string; value: number | null; max: number | null; text: string }) {
  const labelId = useId();
  const known = value !== null && max !== null && max > 0;
  const share = known ? Math.min(1, value / max) : 0;
  return (
    <div className="sync-usage-row">
      <span id={labelId} className="sync-usage-label">
        {label}
      </span>
      {known ? (
        <div role="progressbar" aria-labelledby={labelId} aria-valuemin={0} aria-valuemax={max} aria-valuenow={Math.min(value, max)} aria-valuetext={text} className="progress">
          <div className="progress-fill" style={{ transform: `scaleX(${share})` }} />
        </div>
      ) : (
        <span />
      )}
      <span className="sync-usage-text">{text}</span>
    </div>
  );
}
