export interface TokenEnvironment {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

export const tokenStorageKey = 'koma.token';

/**
 * Browser mode hands the page its secret once, as `?token=…`. It is kept in sessionStorage (so a
 * reload still works, and it dies with the tab) and removed from the address bar so it does not
 * end up in bookmarks, history or screenshots.
 */
export function takeLaunchToken(env: TokenEnvironment): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (!fromUrl) return env.storage.getItem(tokenStorageKey);
  env.storage.setItem(tokenStorageKey, fromUrl);
  url.searchParams.delete('token');
  env.history.replaceState(env.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return fromUrl;
}
