import type Database from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  /** The file's own name, so a failing migration names itself. */
  readonly name: string;
  up(db: Database.Database): void;
}
