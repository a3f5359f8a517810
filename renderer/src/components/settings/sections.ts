import type { ComponentType } from 'react';
import { BackupSection } from './BackupSection';

/**
 * The settings screen is a column of sections, one per feature (call queue rules, scoring,
 * qualification, field reps, planner, CRM connection…). One line per section.
 */
export const settingsSections: readonly { id: string; Component: ComponentType }[] = [
  { id: 'backups', Component: BackupSection },
];
