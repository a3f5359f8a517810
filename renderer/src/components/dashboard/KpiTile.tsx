import { useId, type ReactNode } from 'react';

/** One figure, named by its label so "架電数" can be found and read as a unit. */
export function KpiTile({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="kpi-tile">
      <span id={labelId} className="kpi-label">
        {label}
      </span>
      <span className="kpi-value">{value}</span>
      {detail && <span className="kpi-detail">{detail}</span>}
    </div>
  );
}
