import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotView } from '../../../../shared/contract/planner';
import type { Cell } from './gridModel';
import { formatCountdown, type SlotFormat } from './useSlotFormat';

/** Statuses worth a label: how a slot went, once it has. Upcoming, unplanned and free slots speak for themselves. */
const reportedStatuses = ['as_planned', 'below_target', 'empty', 'overrun'] as const;
const isReported = (status: SlotView['status']): status is (typeof reportedStatuses)[number] => (reportedStatuses as readonly string[]).includes(status);

interface SlotCellProps {
  slot: SlotView;
  cell: Cell;
  focused: boolean;
  selected: boolean;
  /** Seconds left when this is the slot running now. */
  secondsLeft: number | null;
  format: SlotFormat;
  cellRef(element: HTMLTableCellElement | null): void;
  onPointerSelect(cell: Cell, event: MouseEvent): void;
  onPointerExtend(cell: Cell): void;
}

/** One コマ: its kind (colour and words), target, calls made and how it went, all in its accessible name too. */
export function SlotCell({ slot, cell, focused, selected, secondsLeft, format, cellRef, onPointerSelect, onPointerExtend }: SlotCellProps) {
  const { t } = useTranslation();
  const kind = slot.kind ? t(`planner.kinds.${slot.kind}`) : null;
  const dials = slot.target?.dials ?? null;
  const target = dials ? t('planner.targetDials', { count: dials }) : null;
  const source = slot.target?.source ? t('planner.sourceOnly', { source: t(`source.${slot.target.source}`) }) : null;
  const appointment = slot.appointment ? t('planner.appointmentWith', { company: slot.appointment.companyName, person: slot.appointment.leadName }) : null;
  const showsCalls = slot.calls > 0 || (slot.kind === 'call_block' && slot.status !== 'upcoming');
  const calls = showsCalls ? (dials ? t('planner.callsOfTarget', { count: slot.calls, target: dials }) : t('planner.calls', { count: slot.calls })) : null;
  const status = isReported(slot.status) ? t(`planner.status.${slot.status}`) : null;
  const remaining = secondsLeft !== null ? t('planner.remaining', { time: formatCountdown(secondsLeft) }) : null;
  const label = [format.day(slot.date), format.span(slot.startsAt, slot.endsAt), kind ?? t('planner.unplannedCell'), target, source, appointment, calls, status, remaining]
    .filter(Boolean)
    .join(t('planner.labelSeparator'));
  const classes = ['slot', `kind-${slot.kind ?? 'none'}`, `status-${slot.status}`, selected ? 'selected' : '', secondsLeft !== null ? 'current' : ''];
  return (
    <td
      ref={cellRef}
      role="gridcell"
      className={classes.filter(Boolean).join(' ')}
      tabIndex={focused ? 0 : -1}
      aria-selected={selected}
      aria-current={secondsLeft !== null ? 'time' : undefined}
      aria-label={label}
      onMouseDown={(event) => onPointerSelect(cell, event)}
      onMouseEnter={() => onPointerExtend(cell)}
    >
      {/* Spaces between the parts: the visible words must read as words, and as the same words as the
          cell's accessible name (axe label-content-name-mismatch; "Call block8 dials" would not). */}
      <div className="slot-line" aria-hidden="true">
        {kind && <span className="slot-kind">{kind}</span>} {target && <span className="slot-target">{target}</span>}{' '}
        {source && <span className="slot-source">{source}</span>}
      </div>{' '}
      <div className="slot-line" aria-hidden="true">
        {appointment && <span className="slot-appointment">{appointment}</span>} {calls && <span className="slot-calls">{calls}</span>}{' '}
        {status && <span className={`slot-status status-${slot.status}`}>{status}</span>} {remaining && <span className="slot-remaining">{remaining}</span>}
      </div>
    </td>
  );
}
