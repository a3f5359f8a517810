/** mulberry32: a small, fast, seeded generator, so the dataset is the same on every machine. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** Picks by weight: [[value, weight], …]. */
    weighted: <T>(table: readonly (readonly [T, number])[]): T => {
      const total = table.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, weight] of table) {
        r -= weight;
        if (r < 0) return value;
      }
      return table[table.length - 1]![0];
    },
  };
}
export type Random = ReturnType<typeof seeded>;
