import type { SyncService } from './service';
import type { FeatureHandlers } from '../core/registry';

/**
 * The sync commands. Thin: the work is in sync/ (engine, connectors, session); these hand the
 * validated input over and shape nothing themselves. Built per backend, around its sync service.
 */
export function createSyncHandlers(sync: SyncService): FeatureHandlers {
  return {
    'sync.status': () => sync.status(),
    'sync.items': (input) => sync.items(input.state, input.limit),
    'sync.retry': (input) => ({ retried: sync.retry('ids' in input ? input.ids : 'all') }),
    'sync.editPayload': (input) => sync.editPayload(input.id, input.patch),
    'sync.now': () => sync.syncNow(),
    'sync.settings.get': () => sync.getSettings(),
    'sync.settings.save': (input) => sync.saveSettings(input),
    'sync.signIn': () => sync.signIn(),
    'sync.signOut': () => sync.signOut(),
    'sync.conflicts': () => ({ conflicts: sync.conflicts() }),
    'sync.resolveConflict': (input) => ({ resolved: sync.resolveConflict(input.id, input.keep) }),
    'sync.setupCheck': () => sync.setupCheck(),
    'sync.setupCheck.last': () => sync.lastSetupCheck(),
  };
}
