import { appInfoHandlers } from './appInfo';
import { backupHandlers } from './backups/handlers';
import { behaviourHandlers } from './behaviour/handlers';
import { calendarHandlers } from './calendar/handlers';
import { referenceHandlers } from './kpi/reference';
import { callListHandlers } from './callList/handlers';
import { callHandlers } from './calls/handlers';
import { duplicateHandlers } from './duplicates/handlers';
import { followupHandlers } from './followup/handlers';
import { fieldRepHandlers } from './handoffs/fieldReps';
import { handoffHandlers } from './handoffs/handlers';
import { hearingHandlers } from './hearing/handlers';
import { importHandlers } from './imports/handlers';
import { kpiHandlers } from './kpi/handlers';
import { decisionHandlers } from './leads/decisions';
import { leadDetailHandlers } from './leads/detail';
import { readingHandlers } from './leads/readings';
import { leadSearchHandlers } from './leadSearch/handlers';
import { phoneCallHandlers } from './phoneCalls/handlers';
import { plannerHandlers } from './planner/handlers';
import { prepHandlers } from './prep/handlers';
import { queueHandlers } from './queue/handlers';
import type { FeatureHandlers } from '../core/registry';
import { settingsHandlers } from './settings/handlers';
import { talkHandlers } from './talk/handlers';

/**
 * Every feature's handlers, in one list: the writer thread registers all of them (plus sync's,
 * built around its sync service), each reader thread the read ones (shared/contract/access.ts).
 * A new feature module is one line here.
 */
export const featureHandlers: readonly FeatureHandlers[] = [
  appInfoHandlers,
  behaviourHandlers,
  callListHandlers,
  importHandlers,
  queueHandlers,
  leadDetailHandlers,
  leadSearchHandlers,
  decisionHandlers,
  readingHandlers,
  duplicateHandlers,
  callHandlers,
  prepHandlers,
  settingsHandlers,
  hearingHandlers,
  handoffHandlers,
  fieldRepHandlers,
  plannerHandlers,
  kpiHandlers,
  backupHandlers,
  talkHandlers,
  calendarHandlers,
  referenceHandlers,
  phoneCallHandlers,
  followupHandlers,
];
