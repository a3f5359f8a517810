import { KomaError } from '../../../../shared/contract';
import { talkSetSchema, type Localized, type TalkSet, type TalkSetView } from '../../../../shared/contract/talk';
import { defaultTalkSet } from '../../../../shared/domain/talk/defaults';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';

type Origin = 'edited' | 'imported';

const statements = perDatabase((db: Db) => ({
  latest: db.prepare<[], { version: number; content: string; origin: Origin; saved_at: string }>('SELECT version, content, origin, saved_at FROM talk_sets ORDER BY version DESC LIMIT 1'),
  content: db.prepare<[number], { content: string }>('SELECT content FROM talk_sets WHERE version = ?'),
  insert: db.prepare<[number, string, Origin, string]>('INSERT INTO talk_sets (version, content, origin, saved_at) VALUES (?, ?, ?, ?)'),
}));

/** Stored versions never change, so each is parsed once per connection. */
const parsedVersions = perDatabase(() => new Map<number, TalkSet>());

/** The set in use: the newest saved version, or the built-in set (version 0) before any save. */
export function currentTalkSet(db: Db): TalkSetView {
  const row = statements(db).latest.get();
  if (!row) return { version: 0, savedAt: null, origin: 'default', set: defaultTalkSet };
  return { version: row.version, savedAt: row.saved_at, origin: row.origin, set: talkSetAt(db, row.version)! };
}

/** One version of the set; null when there is no such version. */
export function talkSetAt(db: Db, version: number): TalkSet | null {
  if (version === 0) return defaultTalkSet;
  const cache = parsedVersions(db);
  const cached = cache.get(version);
  if (cached) return cached;
  const row = statements(db).content.get(version);
  if (!row) return null;
  const set = talkSetSchema.parse(JSON.parse(row.content));
  cache.set(version, set);
  return set;
}

/**
 * Saves the set as the next version, inside the caller's transaction. `basedOn` is the version the
 * editor started from: a save over a newer version (an import in between) is refused, never merged
 * silently.
 */
export function saveTalkSet(db: Db, set: TalkSet, origin: Origin, savedAt: string, basedOn: number | null): TalkSetView {
  const current = currentTalkSet(db);
  if (basedOn !== null && basedOn !== current.version) {
    throw new KomaError('conflict', `The scripts were changed since you opened them (version ${current.version}); reload them and make your change again.`);
  }
  const version = current.version + 1;
  statements(db).insert.run(version, JSON.stringify(set), origin, savedAt);
  return { version, savedAt, origin, set };
}

/** A card's title: from the given version, else the set in use, else its id (a card since deleted). */
export function cardTitle(db: Db, cardId: string, version: number | null): Localized {
  const fromVersion = version === null ? undefined : talkSetAt(db, version)?.cards.find((c) => c.id === cardId);
  const card = fromVersion ?? currentTalkSet(db).set.cards.find((c) => c.id === cardId);
  return card?.title ?? { ja: cardId, en: cardId };
}
