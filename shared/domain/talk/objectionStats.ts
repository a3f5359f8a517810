import type { Localized, ObjectionReportRow } from '../../contract/talk';
import { connectOutcomes, rate } from '../kpi/figures';

export interface RaisedObjection {
  cardId: string;
  leadId: string;
  startedAt: string;
  outcome: string;
}

export interface AppointmentHandoff {
  leadId: string;
  createdAt: string;
  appointmentAt: string | null;
}

/**
 * The month's objections, most raised first, each with what happened after it: of the calls where
 * it was raised and the rep reached the person (a connect), how many led to an appointment — the
 * lead handed off with a meeting booked at or after that call. Which objections cost appointments
 * is what the team changes its answers for.
 */
export function objectionStats(raised: readonly RaisedObjection[], handoffs: readonly AppointmentHandoff[], titleOf: (cardId: string) => Localized): ObjectionReportRow[] {
  const bookedAt = new Map<string, string[]>();
  for (const h of handoffs) {
    if (h.appointmentAt === null) continue;
    const list = bookedAt.get(h.leadId) ?? [];
    list.push(h.createdAt);
    bookedAt.set(h.leadId, list);
  }
  const rows = new Map<string, { raised: number; connects: number; appointments: number }>();
  for (const r of raised) {
    const row = rows.get(r.cardId) ?? { raised: 0, connects: 0, appointments: 0 };
    row.raised++;
    if (connectOutcomes.has(r.outcome)) {
      row.connects++;
      if ((bookedAt.get(r.leadId) ?? []).some((at) => at >= r.startedAt)) row.appointments++;
    }
    rows.set(r.cardId, row);
  }
  return [...rows]
    .map(([cardId, r]) => ({ cardId, title: titleOf(cardId), ...r, appointmentRate: rate(r.appointments, r.connects) }))
    .sort((a, b) => b.raised - a.raised || a.cardId.localeCompare(b.cardId));
}
