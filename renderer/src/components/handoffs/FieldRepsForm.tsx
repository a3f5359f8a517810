import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldRep } from '../../../../shared/contract/handoff';
import type { FieldRepDraft } from '../../stores/fieldRepsStore';
import { useFieldRepsStore } from '../../stores/StoresContext';
import './handoffs.css';

type TextKey = 'name' | 'email' | 'crmUserId';
const textKeys: readonly TextKey[] = ['name', 'email', 'crmUserId'];

interface Row {
  id: string | null;
  name: string;
  email: string;
  crmUserId: string;
  active: boolean;
}

const toRow = (rep: FieldRep): Row => ({ id: rep.id, name: rep.name, email: rep.email ?? '', crmUserId: rep.crmUserId ?? '', active: rep.active });
const isBlankNew = (row: Row) => row.id === null && !row.name.trim() && !row.email.trim() && !row.crmUserId.trim();
const toDraft = (row: Row): FieldRepDraft => ({ id: row.id, name: row.name.trim(), email: row.email.trim() || null, crmUserId: row.crmUserId.trim() || null, active: row.active });

/** The field reps as an editable table: add, rename, email, CRM user, deactivate. Never delete. */
export function FieldRepsForm({ reps }: { reps: readonly FieldRep[] }) {
  const { t } = useTranslation();
  const save = useFieldRepsStore((state) => state.save);
  const status = useFieldRepsStore((state) => state.status);
  const [rows, setRows] = useState<Row[]>(() => reps.map(toRow));
  const change = (index: number, patch: Partial<Row>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(rows.filter((row) => !isBlankNew(row)).map(toDraft));
  };
  return (
    <form className="field-reps-form" onSubmit={onSubmit}>
      {rows.length === 0 ? (
        <p className="hint">{t('handoffs.repSettings.none')}</p>
      ) : (
        <table className="data-table edit-table">
          <caption>{t('handoffs.repSettings.listLabel')}</caption>
          <thead>
            <tr>
              {textKeys.map((key) => (
                <th key={key} scope="col">
                  {t(`handoffs.repSettings.${key}`)}
                </th>
              ))}
              <th scope="col">{t('handoffs.repSettings.active')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.id ?? `new-${index}`} className={row.active ? undefined : 'is-inactive'}>
                {textKeys.map((key) => (
                  <td key={key}>
                    <input
                      type={key === 'email' ? 'email' : 'text'}
                      aria-label={t('handoffs.repSettings.rowLabel', { number: index + 1, field: t(`handoffs.repSettings.${key}`) })}
                      value={row[key]}
                      maxLength={key === 'email' ? 200 : 100}
                      onChange={(event) => change(index, { [key]: event.target.value })}
                    />
                  </td>
                ))}
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('handoffs.repSettings.rowLabel', { number: index + 1, field: t('handoffs.repSettings.active') })}
                    checked={row.active}
                    onChange={(event) => change(index, { active: event.target.checked })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => setRows((current) => [...current, { id: null, name: '', email: '', crmUserId: '', active: true }])}>
          {t('handoffs.repSettings.add')}
        </button>
        <button type="submit" className="primary" disabled={status === 'saving'}>
          {t('handoffs.repSettings.save')}
        </button>
      </div>
    </form>
  );
}
