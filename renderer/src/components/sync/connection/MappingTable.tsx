import { useId } from 'react';
import type { FieldProblem } from './settingsDraft';
import { defaultText } from './settingsDraft';
import { useFieldError } from './useFieldError';

export interface MappingRow {
  path: string;
  label: string;
}

interface MappingTableProps {
  caption: string;
  hint?: string;
  columns: { what: string; value: string; default: string };
  rows: readonly MappingRow[];
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, FieldProblem>>;
  onChange(path: string, value: string): void;
}

/** Settings that come in rows (field names, picklist values): what, the org's value, and Koma's default beside it. */
export function MappingTable({ caption, hint, columns, rows, values, errors, onChange }: MappingTableProps) {
  const id = useId();
  const errorText = useFieldError();
  return (
    <table className="data-table sync-mapping-table">
      <caption>
        {caption}
        {hint && <span className="hint">{hint}</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col">{columns.what}</th>
          <th scope="col">{columns.value}</th>
          <th scope="col">{columns.default}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const error = errorText(errors[row.path]);
          const errorId = `${id}-${i}-error`;
          return (
            <tr key={row.path}>
              <th scope="row">{row.label}</th>
              <td>
                <input
                  type="text"
                  aria-label={row.label}
                  spellCheck={false}
                  autoComplete="off"
                  value={values[row.path] ?? ''}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(event) => onChange(row.path, event.target.value)}
                />
                {error && (
                  <p id={errorId} className="field-error">
                    {error}
                  </p>
                )}
              </td>
              <td>
                <code>{defaultText(row.path) || '—'}</code>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
