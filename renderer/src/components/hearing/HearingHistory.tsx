import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { bantItems } from '../../../../shared/contract/hearing';
import type { HearingView } from '../../../../shared/contract/handoff';
import { useHearingStore } from '../../stores/StoresContext';
import { useFormats } from './useFormats';

type Version = HearingView['history'][number];

/** Who heard what, when, in which call: one line per version, any sealed one viewable read-only. */
export function HearingHistory({ history }: { history: readonly Version[] }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const headingId = useId();
  const viewVersion = useHearingStore((state) => state.viewVersion);
  const confirmedText = (version: Version) => {
    const items = bantItems.filter((item) => version.confirmed[item]).map((item) => t(`hearing.sections.${item}`));
    return items.length > 0 ? t('hearing.history.confirmedItems', { items: items.join('・') }) : t('hearing.history.noneConfirmed');
  };
  const stateText = (version: Version) => {
    if (!version.sealedAt) return t('hearing.history.open');
    const when = formats.dateTime(version.sealedAt);
    return version.callId ? t('hearing.history.sealed', { when }) : t('hearing.history.sealedWithoutCall', { when });
  };
  return (
    <section className="hearing-history" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('hearing.history.heading')}</h4>
      {history.length === 0 ? (
        <p className="hint">{t('hearing.history.empty')}</p>
      ) : (
        <ol className="history-list" aria-label={t('hearing.history.listLabel')}>
          {history.map((version) => (
            <li key={version.version}>
              <div className="history-line">
                <strong>{t('hearing.history.version', { version: version.version })}</strong>
                <span className={version.sealedAt ? 'history-state' : 'history-state is-open'}>{stateText(version)}</span>
                {version.sealedAt && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('hearing.history.viewLabel', { version: version.version })}
                    onClick={() => void viewVersion(version.version)}
                  >
                    {t('hearing.history.view')}
                  </button>
                )}
              </div>
              <div className="history-meta">
                {t('hearing.history.by', { author: version.author || t('hearing.history.unknownAuthor'), when: formats.dateTime(version.updatedAt) })}
                {' · '}
                {confirmedText(version)}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
