import { lazy, type ComponentType } from 'react';
import type { ViewId } from '../../stores/navStore';
import { WorkView } from '../work/WorkView';

/**
 * Every screen but the calls screen is loaded when first needed: the rep starts on the call list,
 * and its first rows must not wait for the code of the settings, the planner, the team view, the
 * sync screen or the dashboard's charts to be fetched, parsed and run. The first switch to one
 * fetches its chunk (from the app's own files, tens of milliseconds); MainContent shows "Loading…"
 * meanwhile.
 */
const loaders = {
  handoffs: () => import('../handoffs/HandoffsView').then((m) => ({ default: m.HandoffsView })),
  planner: () => import('../planner/PlannerView').then((m) => ({ default: m.PlannerView })),
  dashboard: () => import('../dashboard/DashboardView').then((m) => ({ default: m.DashboardView })),
  team: () => import('../team/TeamView').then((m) => ({ default: m.TeamView })),
  sync: () => import('../sync/SyncView').then((m) => ({ default: m.SyncView })),
  settings: () => import('../settings/SettingsView').then((m) => ({ default: m.SettingsView })),
} satisfies Partial<Record<ViewId, () => Promise<{ default: ComponentType }>>>;

export interface ViewSpec {
  id: ViewId;
  /** Key under `nav` in the i18n resources: every view id has its tab label there. */
  label: ViewId;
  Component: ComponentType;
}

/** The screens, in the order of the navigation and of their Alt+number shortcuts. One line per screen. */
export const views: readonly ViewSpec[] = [
  { id: 'calls', label: 'calls', Component: WorkView },
  { id: 'handoffs', label: 'handoffs', Component: lazy(loaders.handoffs) },
  { id: 'planner', label: 'planner', Component: lazy(loaders.planner) },
  { id: 'dashboard', label: 'dashboard', Component: lazy(loaders.dashboard) },
  { id: 'team', label: 'team', Component: lazy(loaders.team) },
  { id: 'sync', label: 'sync', Component: lazy(loaders.sync) },
  { id: 'settings', label: 'settings', Component: lazy(loaders.settings) },
];

