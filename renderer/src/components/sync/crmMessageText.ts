import type { TFunction } from 'i18next';
import { readOrgProblem } from '../../../../shared/domain/sync/orgProblem';

/**
 * An item's message in the rep's language when it is Koma's own (a field or permission the org
 * lacks, the same problems the setup check lists); the CRM's own words are shown as the CRM said
 * them, since the admin searches for exactly those.
 */
export function crmMessageText(t: TFunction, message: string): string {
  const problem = readOrgProblem(message);
  if (!problem) return message;
  const params = { sobject: '', field: '', value: '', ...problem };
  return t(`sync.orgProblem.${problem.kind}`, params);
}
