import type { Clock, IdGenerator } from '../../../shared/domain/clock';
import type { Db } from '../db/open';

/** Everything a handler may touch, passed in: no module-level singletons. */
export interface BackendContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly mode: 'electron' | 'browser';
  readonly dataDir: string;
  readonly databasePath: string;
  readonly resourcesDir: string;
  readonly version: string;
  /** Set when the database was found damaged at start and replaced from a backup. */
  readonly recovery: { restoredFrom: string | null; damagedFileKeptAt: string; problem: string } | null;
}
