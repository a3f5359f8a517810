import type { z } from 'zod';
import type { recoverySchema } from '../../../shared/contract/backups';
import type { Clock, IdGenerator } from '../../../shared/domain/clock';
import type { DatabaseKey } from '../db/encryption';
import type { Db, ReadonlyDb } from '../db/open';

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
  /** Set when the database was found damaged (at this start or one before) and the notice is not dismissed yet. */
  readonly recovery: z.infer<typeof recoverySchema> | null;
}

/**
 * What a read handler gets: the same context, but its connection is a reader's (opened read-only,
 * so a write is refused by SQLite itself, not only by convention). The type says so at every use.
 */
export interface ReadContext extends BackendContext {
  readonly db: ReadonlyDb;
}
