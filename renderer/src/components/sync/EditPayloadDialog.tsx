import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncItem } from '../../../../shared/contract/sync';
import { useSyncStore } from '../../stores/StoresContext';
import { Modal } from '../common/Modal';
import { ProblemAlert } from '../common/ProblemAlert';
import { crmMessageText } from './crmMessageText';
import { buildPatch, editFields, initialValue, type FieldError, type FieldValue } from './payloadForm';
import { PayloadField } from './PayloadField';
import { kindLabel } from './syncLabels';
import { subjectText } from './subjectText';
import { useSyncFormat } from './useSyncFormat';

/** Correcting an item the CRM refused: its editable fields, checked here and by the backend, then queued again. */
export function EditPayloadDialog() {
  const item = useSyncStore((s) => s.editing);
  return item ? <EditPayloadForm key={item.id} item={item} /> : null;
}

function EditPayloadForm({ item }: { item: SyncItem }) {
  const { t } = useTranslation();
  const format = useSyncFormat();
  const cancel = useSyncStore((s) => s.cancelEdit);
  const save = useSyncStore((s) => s.saveEdit);
  const busy = useSyncStore((s) => s.busy);
  const problem = useSyncStore((s) => s.editProblem);
  const fields = useMemo(() => editFields(item), [item]);
  const [values, setValues] = useState<Record<string, FieldValue>>(() => Object.fromEntries(fields.map((f) => [f.path, initialValue(f)])));
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [unchanged, setUnchanged] = useState(false);

  // The backend names refused fields as patch.<path>; each message goes under its field.
  const refused = new Map((problem?.issues ?? []).filter((i) => i.path.startsWith('patch.')).map((i) => [i.path.slice('patch.'.length), i.message]));
  const errorText = (path: string): string | null => {
    const error = errors[path];
    if (error?.kind === 'tooLong') return t('sync.edit.tooLong', { max: error.max });
    if (error) return t(`sync.edit.${error.kind}`);
    return refused.get(path) ?? null;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = buildPatch(item.id, fields, values);
    setErrors(result.errors);
    setUnchanged(Object.keys(result.errors).length === 0 && Object.keys(result.patch).length === 0);
    if (Object.keys(result.errors).length > 0 || Object.keys(result.patch).length === 0) return;
    void save(result.patch);
  };

  return (
    <Modal title={t('sync.edit.title')} closeLabel={t('sync.edit.close')} onClose={cancel}>
      <form className="sync-edit-form" onSubmit={submit} noValidate>
        <p className="sync-edit-what">
          <span className="badge">{kindLabel(t, item)}</span> {subjectText(t, item, format.when)}
        </p>
        {item.lastError && (
          <div className="sync-crm-message">
            <p className="sync-crm-message-label">{t('sync.edit.message')}</p>
            <p>{crmMessageText(t, item.lastError)}</p>
          </div>
        )}
        <p className="hint">{t('sync.edit.hint')}</p>
        <div className="sync-edit-fields">
          {fields.map((field) => (
            <PayloadField
              key={field.path}
              field={field}
              value={values[field.path] ?? ''}
              error={errorText(field.path)}
              onChange={(value) => {
                setValues((current) => ({ ...current, [field.path]: value }));
                setUnchanged(false);
              }}
            />
          ))}
        </div>
        {unchanged && (
          <p role="alert" className="field-error">
            {t('sync.edit.noChange')}
          </p>
        )}
        {problem?.kind === 'invalid_input' ? (
          <div role="alert" className="alert">
            <p className="alert-title">{t('sync.edit.invalid')}</p>
            {problem.detail && <p>{problem.detail}</p>}
          </div>
        ) : (
          problem && <ProblemAlert problem={problem} />
        )}
        <div className="dialog-actions">
          <button type="button" onClick={cancel}>
            {t('sync.edit.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('sync.edit.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
