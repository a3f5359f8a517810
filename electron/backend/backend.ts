import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { commandNames } from '../../shared/contract';
import { systemClock, type Clock, type IdGenerator } from '../../shared/domain/clock';
import { appInfoHandlers } from './app/appInfo';
import { rescoreIfDayChanged } from './app/behaviour/dailyRescore';
import { behaviourHandlers } from './app/behaviour/handlers';
import { callListHandlers } from './app/callList/handlers';
import type { BackendContext } from './app/context';
import { callHandlers } from './app/calls/handlers';
import { fieldRepHandlers } from './app/handoffs/fieldReps';
import { handoffHandlers } from './app/handoffs/handlers';
import { hearingHandlers } from './app/hearing/handlers';
import { importHandlers } from './app/imports/handlers';
import { kpiHandlers } from './app/kpi/handlers';
import { plannerHandlers } from './app/planner/handlers';
import { decisionHandlers } from './app/leads/decisions';
import { leadDetailHandlers } from './app/leads/detail';
import { prepHandlers } from './app/prep/handlers';
import { queueHandlers } from './app/queue/handlers';
import { settingsHandlers } from './app/settings/handlers';
import { registerHandlers } from './app/registry';
import { openDatabase } from './db/open';
import { createDispatcher, type Dispatch } from './transport/dispatcher';

export interface BackendOptions {
  dataDir: string;
  resourcesDir: string;
  mode: 'electron' | 'browser';
  version: string;
  clock?: Clock;
  ids?: IdGenerator;
  logError?: (command: string, error: unknown) => void;
}

export interface Backend {
  readonly dispatch: Dispatch;
  readonly context: BackendContext;
  close(): void;
}

export const databaseFileName = 'koma.sqlite3';

/** The whole backend, independent of its transport: a store, the handlers and the dispatcher. */
export function createBackend(options: BackendOptions): Backend {
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = join(options.dataDir, databaseFileName);
  const db = openDatabase(databasePath);
  const context: BackendContext = {
    db,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? { next: () => crypto.randomUUID() },
    mode: options.mode,
    dataDir: options.dataDir,
    databasePath,
    resourcesDir: options.resourcesDir,
    version: options.version,
  };
  const handlers = registerHandlers(
    commandNames,
    appInfoHandlers,
    behaviourHandlers,
    callListHandlers,
    importHandlers,
    queueHandlers,
    leadDetailHandlers,
    decisionHandlers,
    callHandlers,
    prepHandlers,
    settingsHandlers,
    hearingHandlers,
    handoffHandlers,
    fieldRepHandlers,
    plannerHandlers,
    kpiHandlers,
  );
  // Behaviour decays daily: a backend started on a new day re-scores before it answers anything.
  rescoreIfDayChanged(context);
  const dispatch = createDispatcher(handlers, context, options.logError ? { logError: options.logError } : {});
  return {
    dispatch,
    context,
    close: () => db.close(),
  };
}
