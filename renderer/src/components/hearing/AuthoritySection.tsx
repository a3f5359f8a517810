import { useTranslation } from 'react-i18next';
import { contactRoles } from '../../../../shared/contract/hearing';
import { FormField, oneOf } from './FormField';
import type { SectionProps } from './formTypes';
import { sectionErrors } from './sectionErrors';
import { HearingFieldset } from './HearingFieldset';
import { hasBantContent } from '../../../../shared/domain/qualification/bantContent';

type TextKey = 'decisionMakerName' | 'decisionMakerTitle' | 'signer';

export function AuthoritySection({ value, edit, errors }: SectionProps<'authority'>) {
  const { t } = useTranslation();
  const error = sectionErrors(t, errors, 'authority');
  const textField = (key: TextKey) => (
    <FormField label={t(`hearing.authority.${key}`)} error={error(key)}>
      {(control) => <input {...control} type="text" value={value[key]} onChange={(event) => edit.update('authority', { [key]: event.target.value })} />}
    </FormField>
  );
  return (
    <HearingFieldset section="authority" confirmed={value.confirmed} hasContent={hasBantContent('authority', value)} onConfirmed={(confirmed) => edit.update('authority', { confirmed }, { saveNow: true })}>
      <FormField label={t('hearing.authority.contactRole')} error={error('contactRole')}>
        {(control) => (
          <select {...control} value={value.contactRole} onChange={(event) => edit.update('authority', { contactRole: oneOf(contactRoles, event.target.value, 'unknown') })}>
            {contactRoles.map((role) => (
              <option key={role} value={role}>
                {t(`hearing.contactRole.${role}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="field-pair">
        {textField('decisionMakerName')}
        {textField('decisionMakerTitle')}
      </div>
      <FormField label={t('hearing.authority.approvalProcess')} error={error('approvalProcess')}>
        {(control) => <textarea {...control} rows={2} value={value.approvalProcess} onChange={(event) => edit.update('authority', { approvalProcess: event.target.value })} />}
      </FormField>
      {textField('signer')}
      <FormField label={t('hearing.authority.notes')} error={error('notes')}>
        {(control) => <textarea {...control} rows={2} value={value.notes} onChange={(event) => edit.update('authority', { notes: event.target.value })} />}
      </FormField>
    </HearingFieldset>
  );
}
