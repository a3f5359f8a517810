import type { TFunction } from 'i18next';
import { followupKinds } from '../../../../shared/contract/followup';
import { leadStatuses } from '../../../../shared/contract/leads';
import type { SyncItem, SyncSubject } from '../../../../shared/contract/sync';
import { exitReasonLabel } from '../work/labels';
import { kindLabel } from './syncLabels';

const isFollowupKind = (value: string): value is (typeof followupKinds)[number] => (followupKinds as readonly string[]).includes(value);
const isStatus = (value: string): value is (typeof leadStatuses)[number] => (leadStatuses as readonly string[]).includes(value);

/**
 * One line for an outbox item, written here from the backend's fields in the rep's language, with
 * times in the rep's zone (`when`): who, what, when — never the backend's English summary.
 */
export function subjectText(t: TFunction, item: Pick<SyncItem, 'entity' | 'op' | 'subject'>, when: (iso: string) => string): string {
  const subject: SyncSubject | undefined = item.subject;
  if (!subject) return kindLabel(t, item);
  const who = subject.leadName ? (subject.companyName ? t('loop.sync.who', { lead: subject.leadName, company: subject.companyName }) : subject.leadName) : t('loop.sync.unknownLead');
  const at = subject.at ? when(subject.at) : '';
  switch (subject.kind) {
    case 'call':
      return t('loop.sync.call', { who, outcome: subject.outcome ? exitReasonLabel(t, subject.outcome) : '', at });
    case 'status': {
      const status = subject.status && isStatus(subject.status) ? t(`status.${subject.status}`) : (subject.status ?? '');
      return subject.reason ? t('loop.sync.statusWithReason', { who, status, reason: exitReasonLabel(t, subject.reason), at }) : t('loop.sync.status', { who, status, at });
    }
    case 'do_not_call':
      return t(subject.doNotCall ? 'loop.sync.doNotCallOn' : 'loop.sync.doNotCallOff', { who, at });
    case 'details':
      return t('loop.sync.details', { who, at });
    case 'handoff':
      return t(subject.correction ? 'loop.sync.handoffCorrection' : 'loop.sync.handoff', { who, at });
    case 'followup':
      return t('loop.sync.followup', { who, kind: subject.reason && isFollowupKind(subject.reason) ? t(`followup.kind.${subject.reason}`) : (subject.reason ?? ''), at });
    case 'slot':
      return t('loop.sync.slot', { at });
    case 'slot_removed':
      return t('loop.sync.slotRemoved', { at });
    case 'other':
      return `${kindLabel(t, item)} ${who}`;
  }
}
