import type { ComponentType } from 'react';
import type { ViewId } from '../../stores/navStore';
import { DashboardView } from '../dashboard/DashboardView';
import { HandoffsView } from '../handoffs/HandoffsView';
import { PlannerView } from '../planner/PlannerView';
import { SettingsView } from '../settings/SettingsView';
import { SyncView } from '../sync/SyncView';
import { WorkView } from '../work/WorkView';

export interface ViewSpec {
  id: ViewId;
  /** Key under `nav` in the i18n resources: every view id has its tab label there. */
  label: ViewId;
  Component: ComponentType;
}

/** The screens, in the order of the navigation and of their Alt+number shortcuts. One line per screen. */
export const views: readonly ViewSpec[] = [
  { id: 'calls', label: 'calls', Component: WorkView },
  { id: 'handoffs', label: 'handoffs', Component: HandoffsView },
  { id: 'planner', label: 'planner', Component: PlannerView },
  { id: 'dashboard', label: 'dashboard', Component: DashboardView },
  { id: 'sync', label: 'sync', Component: SyncView },
  { id: 'settings', label: 'settings', Component: SettingsView },
];
