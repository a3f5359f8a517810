import type { HubSpotSettings } from '../../../../shared/contract/sync';
import { leadStatuses } from '../../../../shared/contract/leads';
import { hubspotValueChoices, isAllowedHubSpotValue, type HubSpotStatusProperty } from '../../../../shared/domain/sync/hubspotValues';

export interface RefusedValue {
  path: string;
  message: string;
}

/**
 * The Lead Status and lifecycle stage values of HubSpot settings that are neither HubSpot's
 * documented internal values nor options the last setup check read from the account
 * (shared/domain/sync/hubspotValues.ts): a label typed in their place (「商談化」, "Sales Qualified
 * Lead") would only fail later, item by item, in needs attention.
 */
export function refusedHubSpotValues(s: HubSpotSettings, read: Readonly<Record<string, readonly string[]>> | undefined): RefusedValue[] {
  const refused: RefusedValue[] = [];
  const check = (property: HubSpotStatusProperty, path: string, value: string | null) => {
    if (value === null || isAllowedHubSpotValue(property, value, read)) return;
    refused.push({ path, message: `"${value}" is not an internal value of ${property}: choose one of ${hubspotValueChoices(property, read).join(', ')} (run the setup check to read the account's own values)` });
  };
  for (const status of leadStatuses) {
    check('hs_lead_status', `settings.hubspot.lead.statuses.${status}`, s.lead.statuses[status]);
    check('lifecyclestage', `settings.hubspot.lead.lifecycleStages.${status}`, s.lead.lifecycleStages[status]);
  }
  return refused;
}
