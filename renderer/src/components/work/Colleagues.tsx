import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/callFlow';
import { useWorkStore } from '../../stores/StoresContext';

/** Every other lead at the company; a name opens that lead. Memoised like the timeline. */
export const Colleagues = memo(function Colleagues({ colleagues }: { colleagues: LeadDetail['colleagues'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const open = useWorkStore((state) => state.open);
  return (
    <section className="colleagues" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('work.prep.colleagues')}</h4>
      {colleagues.length === 0 ? (
        <p className="hint">{t('work.prep.noColleagues')}</p>
      ) : (
        <ul>
          {colleagues.map((colleague) => (
            <li key={colleague.id}>
              <button type="button" className="link-button" onClick={() => void open(colleague.id)}>
                {colleague.fullName}
              </button>
              {colleague.title && <span className="hint">{colleague.title}</span>}
              <span className={`badge status-${colleague.status}`}>{t(`status.${colleague.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
