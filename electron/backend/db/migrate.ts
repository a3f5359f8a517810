import type Database from 'better-sqlite3-multiple-ciphers';
import { migrations } from './migrations';

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(
      `This data was written by a newer version of Koma (schema ${found}; this version knows up to ${known}). ` +
        'Update Koma to open it; nothing was changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertKnownVersion(db: Database.Database): void {
  const current = schemaVersion(db);
  if (current > migrations.length) throw new DatabaseTooNewError(current, migrations.length);
}

/** Runs each pending migration in its own transaction, bumping user_version inside it. */
export function migrate(db: Database.Database, target = migrations.length): void {
  assertKnownVersion(db);
  const current = schemaVersion(db);
  for (let version = current + 1; version <= target; version++) {
    const migration = migrations[version - 1]!;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
