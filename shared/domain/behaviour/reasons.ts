/**
 * Why an events row was not imported: stable English sentences, shown as they are and usable as
 * i18n keys by the renderer, like the lead import's reasons.
 */
export const behaviourReasons = {
  missingLeadKey: 'Neither an email nor a CRM id is given',
  noLead: 'No lead with this email/CRM id',
  ambiguousEmail: 'More than one lead has this email; give the CRM id instead',
  leadMismatch: 'The email and the CRM id belong to different leads',
  missingKind: 'Event kind is missing',
  unknownKind: 'Event kind is not one of: web visit, content download, free trial, quote request, seminar',
  missingTime: 'Event time is missing',
  badTime: 'Event time is not a valid date and time (e.g. 2025/04/07 10:15 or 2025-04-07T10:15:00+09:00)',
  futureTime: 'Event time is more than a day in the future',
} as const;

export type BehaviourReason = (typeof behaviourReasons)[keyof typeof behaviourReasons];
