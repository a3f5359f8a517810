import type { ComponentType } from 'react';
import { HearingPanel } from '../hearing/HearingPanel';

/**
 * Panels shown beside the call for the lead being worked (the BANT hearing, …), in order.
 * One line per panel; each gets the lead's id and renders its own heading.
 */
export const leadSidePanels: readonly { id: string; Component: ComponentType<{ leadId: string }> }[] = [
  { id: 'hearing', Component: HearingPanel },
];
