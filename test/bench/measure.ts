import { performance } from 'node:perf_hooks';

export interface Timing {
  runs: number;
  p50: number;
  p99: number;
  max: number;
}

/** Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns milliseconds at p50/p99/max. */
export async function time(fn: () => unknown, runs: number, warmup = Math.min(5, runs)): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { runs, p50: at(0.5), p99: at(0.99), max: samples[samples.length - 1]! };
}
