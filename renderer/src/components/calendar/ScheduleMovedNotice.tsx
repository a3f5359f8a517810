import { useTranslation } from 'react-i18next';
import { useWorkStore } from '../../stores/StoresContext';
import { useDateFormat } from '../work/useDateFormat';
import { closedReasonText } from './reasonText';
import './calendar.css';

/**
 * Says so when the last call's next call (or a recycle date) fell on a closed day or outside calling
 * hours and was moved: 「山田さんの次回予定 1/11(月) 11:00 は成人の日のため、1/12(火) 09:00 に移しました。」
 */
export function ScheduleMovedNotice() {
  const { t, i18n } = useTranslation();
  const format = useDateFormat();
  const moved = useWorkStore((state) => state.moved);
  const language = i18n.resolvedLanguage ?? i18n.language;
  const text = moved
    ? t(moved.kind === 'recycle' ? 'calendar.movedRecycle' : 'calendar.moved', {
        name: moved.leadName,
        from: format.dateTime(moved.move.from),
        to: format.dateTime(moved.move.to),
        reason: closedReasonText(t, moved.move.reason, language),
      })
    : '';
  return (
    <p role="status" className="schedule-moved">
      {text}
    </p>
  );
}
