import { useTranslation } from 'react-i18next';
import { FormField } from './FormField';
import type { SectionProps } from './formTypes';
import { sectionErrors } from './sectionErrors';
import { HearingFieldset } from './HearingFieldset';
import { PainPicker } from './PainPicker';
import { TagListField } from './TagListField';
import { hasBantContent } from '../../../../shared/domain/qualification/bantContent';

// The contract's limit for one competitor's name.
const competitorMaxLength = 100;

export function NeedSection({ value, edit, errors, criteria }: SectionProps<'need'>) {
  const { t } = useTranslation();
  const error = sectionErrors(t, errors, 'need');
  return (
    <HearingFieldset section="need" confirmed={value.confirmed} hasContent={hasBantContent('need', value)} onConfirmed={(confirmed) => edit.update('need', { confirmed }, { saveNow: true })}>
      <PainPicker options={criteria.painOptions} chosen={value.pains} onChange={(pains) => edit.update('need', { pains })} />
      <FormField label={t('hearing.need.painNotes')} error={error('painNotes')}>
        {(control) => <textarea {...control} rows={2} value={value.painNotes} onChange={(event) => edit.update('need', { painNotes: event.target.value })} />}
      </FormField>
      <FormField label={t('hearing.need.requirements')} error={error('requirements')}>
        {(control) => <textarea {...control} rows={2} value={value.requirements} onChange={(event) => edit.update('need', { requirements: event.target.value })} />}
      </FormField>
      <FormField label={t('hearing.need.currentTool')} error={error('currentTool')}>
        {(control) => <input {...control} type="text" value={value.currentTool} onChange={(event) => edit.update('need', { currentTool: event.target.value })} />}
      </FormField>
      <TagListField
        label={t('hearing.need.competitors')}
        inputLabel={t('hearing.need.competitorInput')}
        placeholder={t('hearing.need.competitorPlaceholder')}
        addLabel={t('hearing.need.addCompetitor')}
        emptyLabel={t('hearing.need.noCompetitors')}
        removeLabel={(name) => t('hearing.need.removeCompetitor', { name })}
        tags={value.competitors}
        maxLength={competitorMaxLength}
        onChange={(competitors) => edit.update('need', { competitors })}
      />
    </HearingFieldset>
  );
}
