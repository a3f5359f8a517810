import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultWorkWeek, type SlotKind } from '../../../../shared/contract/slots';
import { usePlannerStore, useStores } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { columnsOf, rowCountOf, slotsBetween } from './gridModel';
import { NotificationToggle } from './NotificationToggle';
import { SlotPalette } from './SlotPalette';
import { TargetDialog } from './TargetDialog';
import { useGridSelection } from './useGridSelection';
import { useSlotFormat } from './useSlotFormat';
import { WeekActions } from './WeekActions';
import { WeekGrid } from './WeekGrid';
import { WeekNav } from './WeekNav';
import { WeekSummary } from './WeekSummary';
import './planner.css';

/** The week planner screen: 30-minute slots to plan by keyboard or mouse, with plan vs. actual as the week goes. */
export function PlannerView() {
  const { t } = useTranslation();
  const stores = useStores();
  const titleId = useId();
  const hintId = useId();
  const week = usePlannerStore((s) => s.week);
  const problem = usePlannerStore((s) => s.problem);
  const loadFailed = usePlannerStore((s) => s.loadFailed);
  const assign = usePlannerStore((s) => s.assign);
  const setTarget = usePlannerStore((s) => s.setTarget);
  const format = useSlotFormat(week?.workWeek.timeZone ?? defaultWorkWeek.timeZone);
  const columns = useMemo(() => (week ? columnsOf(week) : []), [week]);
  const rows = rowCountOf(columns);
  const selection = useGridSelection(columns.length, rows, (col) => columns[col]?.closed !== undefined);
  const [editingTarget, setEditingTarget] = useState(false);

  // Fresh figures whenever the screen opens: calls were probably logged since it was last shown.
  useEffect(() => {
    const planner = stores.planner.getState();
    void planner.load(planner.week?.weekStart ?? null);
  }, [stores]);

  const retry = () => void stores.planner.getState().load(stores.planner.getState().week?.weekStart ?? null);
  // A week that could not be loaded is not drawn: an empty or stale grid would read as the plan.
  if (!week || (loadFailed && problem)) {
    return problem ? (
      <ProblemAlert problem={problem} onRetry={retry} />
    ) : (
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    );
  }

  const selected = slotsBetween(columns, selection.anchor, selection.focus);
  const startsAt = selected.map((slot) => slot.startsAt);
  const focused = columns[selection.focus.col]?.slots[selection.focus.row];
  const onKind = (kind: SlotKind | null) => void assign(startsAt, kind);

  return (
    <section className="planner" aria-labelledby={titleId}>
      <div className="planner-toolbar">
        <h2 id={titleId}>{t('planner.title')}</h2>
        <WeekNav week={week} format={format} />
        <WeekActions week={week} format={format} />
      </div>
      {problem && <ProblemAlert problem={problem} />}
      <WeekSummary week={week} />
      <div className="planner-tools">
        <SlotPalette selectedCount={selected.length} onKind={onKind} onEditTarget={() => setEditingTarget(true)} />
        <NotificationToggle />
      </div>
      <p id={hintId} className="hint">
        {t('planner.keyboardHint')}
      </p>
      <WeekGrid
        label={t('planner.gridLabel', { from: format.date(week.weekStart) })}
        describedBy={hintId}
        columns={columns}
        rows={rows}
        selection={selection}
        format={format}
        onKind={onKind}
        onEditTarget={() => setEditingTarget(true)}
      />
      {editingTarget && (
        <TargetDialog
          count={selected.length}
          initial={focused?.target ?? null}
          onClose={() => setEditingTarget(false)}
          onApply={(target) => {
            setEditingTarget(false);
            void setTarget(startsAt, target);
          }}
        />
      )}
    </section>
  );
}
