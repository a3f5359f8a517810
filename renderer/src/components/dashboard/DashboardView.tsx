import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultWorkWeek } from '../../../../shared/contract/slots';
import { useDashboardStore, usePlannerStore, useStores } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { useSlotFormat } from '../planner/useSlotFormat';
import { FunnelChart } from './FunnelChart';
import { GoalPanel } from './GoalPanel';
import { KpiTiles } from './KpiTiles';
import { RangePicker } from './RangePicker';
import { ReferencePanel } from './ReferencePanel';
import { ReasonTable } from './ReasonTable';
import { SourceTable } from './SourceTable';
import { TrendChart } from './TrendChart';
import { ObjectionTable } from '../talk/ObjectionTable';
import './dashboard.css';

/** The KPI dashboard: the range's figures split by source, the funnel, the weekly trend, and the goal worked backward. */
export function DashboardView() {
  const { t } = useTranslation();
  const stores = useStores();
  const titleId = useId();
  const report = useDashboardStore((s) => s.report);
  const goal = useDashboardStore((s) => s.goal);
  const range = useDashboardStore((s) => s.range);
  const loading = useDashboardStore((s) => s.loading);
  const problem = useDashboardStore((s) => s.problem);
  const goalProblem = useDashboardStore((s) => s.settingsProblem);
  const timeZone = usePlannerStore((s) => s.week?.workWeek.timeZone ?? defaultWorkWeek.timeZone);
  const format = useSlotFormat(timeZone);

  // Fresh figures each time the screen opens: calls are logged on the other screens.
  useEffect(() => {
    void stores.dashboard.getState().refresh();
  }, [stores]);

  return (
    <section className="dashboard" aria-labelledby={titleId} aria-busy={loading}>
      <div className="dashboard-toolbar">
        <h2 id={titleId}>{t('dashboard.title')}</h2>
        <RangePicker />
        {range && <span className="range-shown">{t('dashboard.range.shown', { from: format.date(range.fromDate), to: format.date(range.toDate) })}</span>}
        <span role="status" className="hint">
          {loading ? t('dashboard.loading') : ''}
        </span>
      </div>
      {problem && <ProblemAlert problem={problem} />}
      <div className="dashboard-body">
        <div className="dashboard-main">
          {report && (
            <>
              <KpiTiles figures={report.total} />
              <div className="dashboard-pair">
                <FunnelChart figures={report.total} />
                <TrendChart trend={report.trend} timeZone={timeZone} />
              </div>
              <SourceTable report={report} />
            </>
          )}
        </div>
        <aside className="dashboard-side">
          {goalProblem && <ProblemAlert problem={goalProblem} />}
          {goal && <GoalPanel goal={goal} />}
          {report && range && <ReferencePanel figures={report.total} range={range} />}
          {report && (
            <div className="dashboard-pair">
              <ReasonTable kind="recycle" counts={report.total.recycles} />
              <ReasonTable kind="exclude" counts={report.total.exclusions} />
            </div>
          )}
          <ObjectionTable />
        </aside>
      </div>
    </section>
  );
}
