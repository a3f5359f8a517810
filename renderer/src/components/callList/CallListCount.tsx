import { useTranslation } from 'react-i18next';
import { useCallListStore } from '../../stores/StoresContext';

/** How many leads the current search matches, announced politely as it changes. */
export function CallListCount() {
  const { t } = useTranslation();
  const total = useCallListStore((state) => state.total);
  return (
    <p role="status" className="call-list-count">
      {total === null ? t('callList.counting') : t('callList.count', { count: total })}
    </p>
  );
}
