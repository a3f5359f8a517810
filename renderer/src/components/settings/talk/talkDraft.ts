import type { Localized, ObjectionCard, TalkScript, TalkSet } from '../../../../../shared/contract/talk';

/** The id a new card or script gets: the prefix and the first number not taken. */
export function freeId(prefix: string, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((t) => t.id));
  let n = taken.length + 1;
  while (ids.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

const blank = (): Localized => ({ ja: '', en: '' });

export function newCard(set: TalkSet): ObjectionCard {
  return { id: freeId('card', set.cards), title: blank(), answers: [blank()] };
}

export function newScript(set: TalkSet): TalkScript {
  return { id: freeId('script', set.scripts), name: blank(), sources: [], stages: [], steps: [{ heading: blank(), body: blank(), bant: null }] };
}

/** The list with item i replaced. */
export function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x));
}

export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}

/** Adds or removes a value of a set-like list (sources, stages), keeping the list's order. */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((v) => v !== value);
}
