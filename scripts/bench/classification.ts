/** Benchmark of the classification probe: LogisticRegression(max_iter=100) (L-BFGS-B, multinomial) on 10,000 × 768 float32, 20 classes. */
import { fitLogisticRegression } from "../../metrics/classification/logistic-regression.js";
import { matrix } from "../../metrics/matrix.js";
import { type BenchRow, timeIt } from "./types.js";

/** Deterministic float32 blobs: class centre + uniform noise from a 32-bit LCG. */
function syntheticBlobs(n: number, d: number, k: number): { x: Float32Array; y: number[] } {
  let state = 12345;
  const rand = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296 - 0.5;
  };
  const centres = Float32Array.from({ length: k * d }, () => rand() * 0.1);
  const x = new Float32Array(n * d);
  const y: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    y[i] = c;
    for (let j = 0; j < d; j++) x[i * d + j] = centres[c * d + j] + rand();
  }
  return { x, y };
}

/** One fit (reps 1: a fit is seconds long and deterministic). */
export async function bench(): Promise<BenchRow[]> {
  const n = 10_000;
  const d = 768;
  const k = 20;
  const { x, y } = syntheticBlobs(n, d, k);
  const xm = matrix(x, n, d);
  let nIter = 0;
  const t = await timeIt(() => {
    nIter = fitLogisticRegression(xm, y, { maxIter: 100 }).nIter;
  }, 1);
  return [
    {
      name: "fitLogisticRegression (lbfgs, multinomial)",
      workload: `10,000 x 768 float32, 20 classes, max_iter 100 (${nIter} iterations)`,
      ms: t.ms,
      reps: t.reps,
    },
  ];
}
