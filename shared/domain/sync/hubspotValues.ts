/**
 * The values Koma may write to HubSpot's two contact status properties, and the check a mapping
 * setting passes before it is saved. An enumeration property takes an option's internal `value`,
 * never its label (Properties API: each option is `{ label, value }`, GET /crm/v3/properties/{objectType},
 * https://developers.hubspot.com/docs/api-reference/latest/crm/properties/guide).
 *
 * - `lifecyclestage`: "the same 8 options will be the default for the property, but users will be
 *   able to add new custom stages, or remove any of the default stages … If your integration uses
 *   preset values for the lifecyclestage property, you will need to update your integration to use
 *   the CRM Properties API to get the details of the property"
 *   (https://developers.hubspot.com/changelog/upcoming-customized-lifecycle-stages-for-contacts-and-companies).
 *   The default internal values, in HubSpot's order.
 * - `hs_lead_status`: the default options of Lead Status (Contacts default properties, HubSpot
 *   Knowledge Base); an account may add its own.
 *
 * So a value is accepted when it is one of these defaults or one the setup check read from the
 * account's own property definition; the setup check then says whether the account still has it.
 */
export const hubspotLifecycleStages = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other'] as const;
export const hubspotLeadStatuses = ['NEW', 'OPEN', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING'] as const;

export type HubSpotStatusProperty = 'hs_lead_status' | 'lifecyclestage';

export const documentedHubSpotValues: Record<HubSpotStatusProperty, readonly string[]> = {
  hs_lead_status: hubspotLeadStatuses,
  lifecyclestage: hubspotLifecycleStages,
};

/** The setup check's key for the options it read of a contact property ("contacts.hs_lead_status"). */
export const optionsKey = (property: HubSpotStatusProperty) => `contacts.${property}`;

/** Every value a mapping may choose: the documented defaults, then what the account has beyond them. */
export function hubspotValueChoices(property: HubSpotStatusProperty, read: Readonly<Record<string, readonly string[]>> | undefined): string[] {
  const documented = documentedHubSpotValues[property];
  return [...documented, ...(read?.[optionsKey(property)] ?? []).filter((v) => !documented.includes(v))];
}

export function isAllowedHubSpotValue(property: HubSpotStatusProperty, value: string, read: Readonly<Record<string, readonly string[]>> | undefined): boolean {
  return hubspotValueChoices(property, read).includes(value);
}
