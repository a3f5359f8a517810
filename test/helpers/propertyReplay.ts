/**
 * fast-check parameters for the sync property tests: KOMA_PROPERTY_RUNS runs (default given), and a
 * failure reported with its seed at once — no shrinking, which re-runs whole scenarios and can
 * spend a busy machine's whole timeout hiding the counterexample; KOMA_PROPERTY_SEED and
 * KOMA_PROPERTY_PATH replay it.
 */
export function propertyReplay(defaultRuns: number): { numRuns: number; endOnFailure: true; seed?: number; path?: string } {
  const numRuns = Number(process.env.KOMA_PROPERTY_RUNS ?? defaultRuns);
  const seed = process.env.KOMA_PROPERTY_SEED;
  return { numRuns, endOnFailure: true, ...(seed ? { seed: Number(seed), ...(process.env.KOMA_PROPERTY_PATH ? { path: process.env.KOMA_PROPERTY_PATH } : {}) } : {}) };
}
