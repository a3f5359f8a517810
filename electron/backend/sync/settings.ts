import { defaultSyncSettings, syncSettingsSchema, type SyncSettings } from '../../../shared/contract/sync';
import { readSetting, writeSetting } from '../core/settingsStore';
import type { Db } from '../db/open';

/** Sync settings live with the other settings (one row, validated on read); secrets never do. */
export const syncSettingSpec = { key: 'sync', schema: syncSettingsSchema, fallback: defaultSyncSettings };

export function readSyncSettings(db: Db): SyncSettings {
  return readSetting(db, syncSettingSpec);
}

/** Call inside a transaction. */
export function writeSyncSettings(db: Db, settings: SyncSettings, at: string): void {
  writeSetting(db, syncSettingSpec, settings, at);
}
