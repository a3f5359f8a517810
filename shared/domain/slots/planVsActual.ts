import type { SlotKind } from '../../contract/slots';
import type { GridSlot } from './grid';

export interface PlannedSlot {
  startsAt: string;
  kind: SlotKind;
  targetDials: number | null;
}

export type SlotStatus = 'upcoming' | 'as_planned' | 'below_target' | 'empty' | 'overrun' | 'unplanned' | 'free';

export interface SlotActual {
  startsAt: string;
  endsAt: string;
  kind: SlotKind | null;
  targetDials: number | null;
  calls: number;
  status: SlotStatus;
}

export interface WeekActual {
  slots: SlotActual[];
  plannedSlots: number;
  plannedCallBlocks: number;
  plannedDials: number;
  callsInCallBlocks: number;
  callsOutsideCallBlocks: number;
  counts: Record<SlotStatus, number>;
}

/**
 * Plan against what happened, slot by slot: a call block is used as planned when its calls reach
 * the target (or any call, without one), below target with fewer, empty with none; calls made in a
 * slot planned for something else mean the calling overran into it.
 */
export function planVsActual(grid: readonly GridSlot[], plan: readonly PlannedSlot[], callStarts: readonly string[], now: Date): WeekActual {
  const planned = new Map(plan.map((p) => [p.startsAt, p]));
  const times = callStarts.map((s) => Date.parse(s)).sort((a, b) => a - b);
  const counts: Record<SlotStatus, number> = { upcoming: 0, as_planned: 0, below_target: 0, empty: 0, overrun: 0, unplanned: 0, free: 0 };
  let c = 0;
  let plannedDials = 0;
  let callsInCallBlocks = 0;
  let callsOutsideCallBlocks = 0;
  const slots = grid.map((slot): SlotActual => {
    const start = Date.parse(slot.startsAt);
    const end = Date.parse(slot.endsAt);
    while (c < times.length && times[c]! < start) c++;
    let calls = 0;
    while (c < times.length && times[c]! < end) {
      calls++;
      c++;
    }
    const p = planned.get(slot.startsAt);
    const kind = p?.kind ?? null;
    const targetDials = p?.targetDials ?? null;
    if (kind === 'call_block') {
      plannedDials += targetDials ?? 0;
      callsInCallBlocks += calls;
    } else callsOutsideCallBlocks += calls;
    const status = statusOf(kind, targetDials, calls, start, end, now.getTime());
    counts[status]++;
    return { startsAt: slot.startsAt, endsAt: slot.endsAt, kind, targetDials, calls, status };
  });
  return {
    slots,
    plannedSlots: plan.filter((p) => grid.some((g) => g.startsAt === p.startsAt)).length,
    plannedCallBlocks: slots.filter((s) => s.kind === 'call_block').length,
    plannedDials,
    callsInCallBlocks,
    callsOutsideCallBlocks,
    counts,
  };
}

function statusOf(kind: SlotKind | null, target: number | null, calls: number, start: number, end: number, now: number): SlotStatus {
  if (kind !== 'call_block' && calls > 0) return 'overrun';
  if (kind === null) return start > now ? 'upcoming' : 'unplanned';
  if (kind !== 'call_block') return start > now ? 'upcoming' : 'free';
  if (calls >= Math.max(1, target ?? 1)) return 'as_planned';
  if (end > now) return 'upcoming';
  return calls === 0 ? 'empty' : 'below_target';
}
