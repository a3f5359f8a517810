import { describe, expect, it } from 'vitest';
import { defaultHubSpotSettings, type HubSpotSettings } from '../../shared/contract/sync';
import { hubspotValueChoices, isAllowedHubSpotValue, type HubSpotStatusProperty } from '../../shared/domain/sync/hubspotValues';
import { refusedHubSpotValues } from '../../electron/backend/sync/hubspot/valueCheck';

const read = { 'contacts.lifecyclestage': ['lead', 'salesqualifiedlead', 'recycled_nurture'], 'contacts.hs_lead_status': ['NEW', 'NURTURING'] };

describe('HubSpot status values: documented or read from the account', () => {
  it.each<[HubSpotStatusProperty, string, typeof read | undefined, boolean]>([
    ['lifecyclestage', 'salesqualifiedlead', undefined, true],
    ['lifecyclestage', 'other', undefined, true],
    ['lifecyclestage', 'Sales Qualified Lead', undefined, false],
    ['lifecyclestage', 'SALESQUALIFIEDLEAD', undefined, false],
    ['lifecyclestage', 'recycled_nurture', undefined, false],
    ['lifecyclestage', 'recycled_nurture', read, true],
    ['hs_lead_status', 'BAD_TIMING', undefined, true],
    ['hs_lead_status', 'bad_timing', undefined, false],
    ['hs_lead_status', 'タイミングが悪い', undefined, false],
    ['hs_lead_status', 'NURTURING', read, true],
    // One property's own options do not make a value good for the other.
    ['hs_lead_status', 'recycled_nurture', read, false],
  ])('%s %s (read: %s) → %s', (property, value, options, allowed) => {
    expect(isAllowedHubSpotValue(property, value, options)).toBe(allowed);
  });

  it('lists the documented values first, then only what the account adds', () => {
    expect(hubspotValueChoices('lifecyclestage', read)).toEqual(['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other', 'recycled_nurture']);
  });

  it('names every refused value of the settings by its path; null (leave the stage) is never refused', () => {
    const s: HubSpotSettings = structuredClone(defaultHubSpotSettings);
    expect(refusedHubSpotValues(s, undefined)).toEqual([]);
    s.lead.statuses.excluded = '対象外';
    s.lead.lifecycleStages.qualified = 'Sales Qualified Lead';
    s.lead.lifecycleStages.recycled = 'recycled_nurture';
    expect(refusedHubSpotValues(s, undefined).map((r) => r.path)).toEqual([
      'settings.hubspot.lead.lifecycleStages.recycled',
      'settings.hubspot.lead.statuses.excluded',
      'settings.hubspot.lead.lifecycleStages.qualified',
    ]);
    expect(refusedHubSpotValues(s, read).map((r) => r.path)).toEqual(['settings.hubspot.lead.statuses.excluded', 'settings.hubspot.lead.lifecycleStages.qualified']);
  });
});
