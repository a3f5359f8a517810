import type { ComponentType } from 'react';
import type { ViewId } from '../../stores/navStore';
import { CallList } from '../callList/CallList';
import { SettingsView } from '../settings/SettingsView';

export interface ViewSpec {
  id: ViewId;
  /** Key under `nav` in the i18n resources. */
  label: 'calls' | 'settings';
  Component: ComponentType;
}

/** The screens, in the order of the navigation and of their Alt+number shortcuts. One line per screen. */
export const views: readonly ViewSpec[] = [
  { id: 'calls', label: 'calls', Component: CallList },
  { id: 'settings', label: 'settings', Component: SettingsView },
];
