import type { Db } from './open';

/**
 * Prepares a feature's statements once per open database instead of on every request, without a
 * module-level `let db`: the cache is keyed by the handle and dies with it.
 */
export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let built = cache.get(db);
    if (built === undefined) {
      built = build(db);
      cache.set(db, built);
    }
    return built;
  };
}
