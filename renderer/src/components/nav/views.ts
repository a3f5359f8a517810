import { lazy, type ComponentType } from 'react';
import type { ViewId } from '../../stores/navStore';
import { HandoffsView } from '../handoffs/HandoffsView';
import { PlannerView } from '../planner/PlannerView';
import { SettingsView } from '../settings/SettingsView';
import { SyncView } from '../sync/SyncView';
import { TeamView } from '../team/TeamView';
import { WorkView } from '../work/WorkView';

/**
 * Loaded when first opened: the dashboard's charts (recharts) are most of the renderer's code, and
 * the call screen must not wait for them at start-up. MainContent shows "Loading…" meanwhile.
 */
const DashboardView = lazy(() => import('../dashboard/DashboardView').then((m) => ({ default: m.DashboardView })));

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
  { id: 'team', label: 'team', Component: TeamView },
  { id: 'sync', label: 'sync', Component: SyncView },
  { id: 'settings', label: 'settings', Component: SettingsView },
];
