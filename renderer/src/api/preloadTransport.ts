import type { Result } from '../../../shared/contract';
import type { KomaApi, SendCommand } from '../../../shared/contract/api';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in browser mode. */
    koma?: KomaApi;
  }
}

/**
 * Electron: the preload exposes one named method per command. A method it lacks (a renderer newer
 * than its preload) answers like the dispatcher does for an unknown command.
 */
export function sendThroughPreload(api: Partial<KomaApi>): SendCommand {
  return async (command, input) => {
    const method = api[command] as ((input: unknown) => Promise<Result<unknown>>) | undefined;
    if (typeof method !== 'function') {
      return { ok: false, error: { code: 'unknown_command', message: `Unknown command "${command}"` } };
    }
    return method(input);
  };
}
