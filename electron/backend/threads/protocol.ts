import type { CommandName, Result } from '../../../shared/contract';
import type { BackendContext, KeyProtection } from '../core/context';
import type { MaintenanceJob } from '../app/maintenance';
import type { HandlerOutcome } from '../transport/dispatcher';

/** What each store thread is: the one writer, a reader, or the backup copier. */
export type StoreRole = 'writer' | 'reader' | 'backup';

/** Given to a store thread at start (structured-cloned: plain data only). */
export interface StoreWorkerData {
  role: StoreRole;
  dataDir: string;
  resourcesDir: string;
  version: string;
  mode: 'electron' | 'browser';
  databaseKey: string | null;
  keyProtection: KeyProtection;
  /** 'system' in the app; 'manual' when browser mode runs with its test clock, set by every message. */
  clock: 'system' | 'manual';
  startAtMs: number;
  /** Write error details to <dataDir>/logs (browser mode) instead of stderr (the app). */
  logToFile: boolean;
  /** The writer only: start the sync loop and the daily re-score. */
  services: boolean;
  /** The writer only: the CRM secrets' file key (hex), when the entry derives one. */
  secretsKeyHex?: string;
  /** Readers and the backup thread: what the writer found at start, for app.info and backup.list. */
  recovery?: BackendContext['recovery'];
  /**
   * Readers started beside the writer: load, then wait for `open` (sent once the writer has
   * migrated the store) before opening their connection.
   */
  openWhenTold?: boolean;
  /** The first reader: checkpoints the WAL between its reads, so the writer need not (db/checkpoints.ts). */
  checkpoints?: boolean;
}

export type ToStore =
  | { type: 'run'; id: number; command: CommandName; input: unknown; nowMs: number }
  | { type: 'maintain'; id: number; job: MaintenanceJob; nowMs: number }
  | { type: 'dailyBackup'; id: number; nowMs: number }
  | { type: 'clock'; nowMs: number }
  | { type: 'open'; recovery: BackendContext['recovery'] }
  | { type: 'close'; id: number };

export type FromStore =
  | { type: 'ready'; recovery: BackendContext['recovery'] }
  | { type: 'fatal'; name: string; message: string }
  | { type: 'reply'; id: number; outcome: HandlerOutcome }
  | { type: 'done'; id: number; result: Result<unknown> }
  | { type: 'openExternal'; url: string };
