import type { Clock, IdGenerator } from '../../../shared/domain/clock';
import type { DatabaseKey } from '../db/encryption';
import type { Db } from '../db/open';

export type KeyProtection = 'os_keychain' | 'plaintext_fallback' | 'key_file' | 'none';

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
  /** The store's encryption key (null only for a plain store); backups are encrypted with it too. */
  readonly databaseKey: DatabaseKey | null;
  readonly keyProtection: KeyProtection;
  /** Set when the database was found damaged at start and replaced from a backup. */
  readonly recovery: { restoredFrom: string | null; damagedFileKeptAt: string; problem: string } | null;
}
