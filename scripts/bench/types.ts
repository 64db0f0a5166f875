/** Shared shape of one benchmark measurement printed by `npm run bench`. */

/** One timed workload. `ms` is the median wall time of the repetitions. */
export interface BenchRow {
  /** Short name of the measured function, e.g. "ndcg@10+map+recall". */
  name: string;
  /** The synthetic workload, e.g. "10,000 queries x 1,000 ranked docs". */
  workload: string;
  /** Median milliseconds over `reps` runs. */
  ms: number;
  reps: number;
}

/** Time `fn` `reps` times (after one warm-up unless reps is 1) and return the median in ms. */
export async function timeIt(fn: () => unknown, reps = 3): Promise<{ ms: number; reps: number }> {
  if (reps > 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], reps };
}

/** Figures for reports/bench.json, by section (e.g. `{ search: { gflops: 80, numpy_gflops: 140, ratio: 0.57 } }`). */
export type BenchFigures = Record<string, Record<string, number | string | boolean | null>>;

/** What a bench module may return instead of bare rows: its rows plus figures for reports/bench.json. */
export interface BenchOutput {
  rows: BenchRow[];
  figures?: BenchFigures;
}
