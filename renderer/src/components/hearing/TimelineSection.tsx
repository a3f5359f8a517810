import { useTranslation } from 'react-i18next';
import { urgencies } from '../../../../shared/contract/hearing';
import { FormField, oneOf } from './FormField';
import type { SectionProps } from './formTypes';
import { sectionErrors } from './sectionErrors';
import { HearingFieldset } from './HearingFieldset';
import { QuarterField } from './QuarterField';
import { hasBantContent } from '../../../../shared/domain/qualification/bantContent';

export function TimelineSection({ value, edit, errors }: SectionProps<'timeline'>) {
  const { t } = useTranslation();
  const error = sectionErrors(t, errors, 'timeline');
  return (
    <HearingFieldset section="timeline" confirmed={value.confirmed} hasContent={hasBantContent('timeline', value)} onConfirmed={(confirmed) => edit.update('timeline', { confirmed }, { saveNow: true })}>
      <div className="field-pair">
        <FormField label={t('hearing.timeline.targetDate')} error={error('targetDate')}>
          {(control) => (
            <input {...control} type="date" value={value.targetDate ?? ''} onChange={(event) => edit.update('timeline', { targetDate: event.target.value || null })} />
          )}
        </FormField>
        <QuarterField
          quarter={value.targetQuarter}
          error={errors['timeline.targetQuarter']}
          onQuarter={(targetQuarter) => edit.update('timeline', { targetQuarter })}
          onUnreadable={(unreadable) => edit.setUnreadable('timeline.targetQuarter', unreadable)}
        />
      </div>
      <div className="field-pair">
        <FormField label={t('hearing.timeline.drivingEvent')} error={error('drivingEvent')} className="grow">
          {(control) => <input {...control} type="text" value={value.drivingEvent} onChange={(event) => edit.update('timeline', { drivingEvent: event.target.value })} />}
        </FormField>
        <FormField label={t('hearing.timeline.urgency')}>
          {(control) => (
            <select {...control} value={value.urgency} onChange={(event) => edit.update('timeline', { urgency: oneOf(urgencies, event.target.value, 'unknown') })}>
              {urgencies.map((urgency) => (
                <option key={urgency} value={urgency}>
                  {t(`hearing.urgency.${urgency}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField label={t('hearing.timeline.notes')} error={error('notes')}>
        {(control) => <textarea {...control} rows={2} value={value.notes} onChange={(event) => edit.update('timeline', { notes: event.target.value })} />}
      </FormField>
    </HearingFieldset>
  );
}
