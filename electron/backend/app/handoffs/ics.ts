import ical from 'ical-generator';
import { KomaError } from '../../../../shared/contract';
import type { HandoffView } from '../../../../shared/contract/handoff';

/** The appointment as an .ics event the rep can send to the prospect and the field rep. */
export function appointmentIcs(view: HandoffView, now: Date) {
  if (!view.appointmentAt || !view.appointmentEnd) {
    throw new KomaError('conflict', 'This handoff has no appointment time yet; set one before exporting the calendar file.');
  }
  const calendar = ical({ prodId: { company: 'Koma', product: 'Koma', language: 'JA' }, name: 'Koma' });
  const { contact, company } = view.package;
  const event = calendar.createEvent({
    // Stable per handoff, so a re-sent invitation updates the event instead of adding another.
    id: `${view.id}@koma`,
    sequence: view.corrections,
    stamp: now,
    start: new Date(view.appointmentAt),
    end: new Date(view.appointmentEnd),
    summary: `${company.name} ${contact.name} 様 / ${view.fieldRep?.name ?? ''}`.trim(),
    description: [view.summary, view.meetingUrl ? `\n${view.meetingUrl}` : ''].join(''),
    location: view.place ?? view.meetingUrl ?? null,
    url: view.meetingUrl ?? null,
  });
  if (view.fieldRep?.email) event.createAttendee({ email: view.fieldRep.email, name: view.fieldRep.name });
  if (contact.email) event.createAttendee({ email: contact.email, name: contact.name });
  const stamp = view.appointmentAt.slice(0, 10);
  return { fileName: `koma-appointment-${stamp}-${view.id.slice(0, 8)}.ics`, mimeType: 'text/calendar;charset=utf-8', content: calendar.toString() };
}
