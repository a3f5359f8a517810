import type { RendererSend } from './client';
import { createHttpSend } from './httpTransport';
import { takeLaunchToken } from './launchToken';
import { sendThroughPreload } from './preloadTransport';

/** Electron's preload when present, otherwise browser mode's HTTP API on the page's own origin. */
export function chooseTransport(win: Window): RendererSend {
  if (win.koma) return sendThroughPreload(win.koma);
  const token = takeLaunchToken({ location: win.location, history: win.history, storage: win.sessionStorage });
  return createHttpSend({ fetch: win.fetch.bind(win), token: () => token });
}
