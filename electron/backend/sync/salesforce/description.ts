import type { HandoffPayload } from '../payloads';

/** Salesforce long text areas hold 32,768 characters; leave room for the org's own edits. */
export const longTextMax = 32_000;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function lines(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim().length > 0).join('\n');
}

export function authorityText(h: HandoffPayload['package']['hearing']['authority']): string {
  return lines(
    h.contactRole !== 'unknown' && `Role: ${h.contactRole}`,
    h.decisionMakerName && `Decision maker: ${h.decisionMakerName}${h.decisionMakerTitle ? ` (${h.decisionMakerTitle})` : ''}`,
    h.approvalProcess && `Approval: ${h.approvalProcess}`,
    h.signer && `Signer: ${h.signer}`,
    h.notes,
  );
}

export function needText(h: HandoffPayload['package']['hearing']['need']): string {
  return lines(
    h.pains.length > 0 && `Pains: ${h.pains.join(', ')}`,
    h.painNotes,
    h.requirements && `Requirements: ${h.requirements}`,
    h.currentTool && `Current tool: ${h.currentTool}`,
    h.competitors.length > 0 && `Competitors: ${h.competitors.join(', ')}`,
  );
}

export function timelineText(h: HandoffPayload['package']['hearing']['timeline']): string {
  return lines(
    h.targetDate && `Target date: ${h.targetDate}`,
    h.targetQuarter && `Target quarter: ${h.targetQuarter}`,
    h.drivingEvent && `Driving event: ${h.drivingEvent}`,
    h.urgency !== 'unknown' && `Urgency: ${h.urgency}`,
    h.notes,
  );
}

/**
 * The handoff package as the Opportunity's description: everything field sales needs in one
 * readable place, whether or not the org created the BANT fields.
 */
export function handoffDescription(h: HandoffPayload): string {
  const p = h.package;
  const budget = p.hearing.budget;
  const text = lines(
    h.correction && `[Correction ${h.corrections} from Koma]`,
    h.summary,
    '',
    h.appointmentAt && `Appointment: ${h.appointmentAt}${h.appointmentEnd ? ` – ${h.appointmentEnd}` : ''}${h.place ? ` @ ${h.place}` : ''}`,
    h.meetingUrl && `Meeting link: ${h.meetingUrl}`,
    h.fieldRep && `Field rep: ${h.fieldRep.name}`,
    `Contact: ${p.contact.name}${p.contact.title ? `, ${p.contact.title}` : ''}${p.contact.phone ? `, ${p.contact.phone}` : ''}${p.contact.email ? `, ${p.contact.email}` : ''}`,
    `Budget: ${budget.status}${budget.amount !== null ? ` ${budget.amount} ${budget.currency}` : ''}${budget.confirmed ? ' (confirmed)' : ''}${budget.fiscalTiming ? `; ${budget.fiscalTiming}` : ''}${budget.notes ? `; ${budget.notes}` : ''}`,
    `Authority${p.hearing.authority.confirmed ? ' (confirmed)' : ''}: ${authorityText(p.hearing.authority) || '-'}`,
    `Need${p.hearing.need.confirmed ? ' (confirmed)' : ''}: ${needText(p.hearing.need) || '-'}`,
    `Timeline${p.hearing.timeline.confirmed ? ' (confirmed)' : ''}: ${timelineText(p.hearing.timeline) || '-'}`,
    h.overrideReason && `Handed off without meeting the criteria: ${h.overrideReason}`,
    `Score: ${p.score.total} (attribute ${p.score.attribute}, behaviour ${p.score.behaviour})`,
    p.prepNotes && `Prep notes: ${p.prepNotes}`,
    p.calls.length > 0 && `Calls:\n${p.calls.map((c) => `- ${c.at} ${c.outcome}${c.durationSec !== null ? ` ${c.durationSec}s` : ''}${c.notes ? `: ${c.notes}` : ''}`).join('\n')}`,
  );
  return clip(text, longTextMax);
}
