import { useTranslation } from 'react-i18next';
import { useHandoffStore } from '../../stores/StoresContext';
import { useFormats } from '../hearing/useFormats';
import { FieldAnswer } from './FieldAnswer';
import { HandoffStateBadge } from './HandoffStateBadge';

const columns = ['company', 'contact', 'fieldRep', 'appointment', 'state', 'fieldState', 'corrections'] as const;

/**
 * Every handoff as a plain table: a rep's handoffs number in the hundreds or low thousands, which a
 * table renders at once; the company name selects the row for its detail.
 */
export function HandoffTable({ labelledBy }: { labelledBy: string }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const rows = useHandoffStore((state) => state.rows);
  const selectedId = useHandoffStore((state) => state.selectedId);
  const select = useHandoffStore((state) => state.select);
  if (rows === null) return <p className="loading">{t('handoffs.loading')}</p>;
  return (
    <div className="table-scroll handoff-table-scroll">
      <table className="data-table handoff-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className={column === 'corrections' ? 'numeric' : undefined}>
                {t(`handoffs.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.id === selectedId ? 'is-selected' : undefined}>
              <td>
                <button type="button" className="link-button" aria-current={row.id === selectedId ? 'true' : undefined} onClick={() => void select(row.id)}>
                  {row.companyName}
                </button>
              </td>
              <td>{row.leadName}</td>
              <td>{row.fieldRep?.name ?? '—'}</td>
              <td>{row.appointmentAt ? formats.dateTime(row.appointmentAt) : '—'}</td>
              <td>
                <HandoffStateBadge handoff={row} />
              </td>
              <td>
                <FieldAnswer handoff={row} />
              </td>
              <td className="numeric">{row.corrections}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
