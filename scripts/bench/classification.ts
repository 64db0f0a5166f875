/** Benchmark of the classification probe: LogisticRegression(max_iter=100) (L-BFGS-B, multinomial) on 10,000 × 768 float32, 20 classes. */

import { fitLogisticRegression } from "../../metrics/classification/logistic-regression.js";
import { matrix } from "../../metrics/matrix.js";
import { syntheticBlobs } from "./synthetic.js";
import { type BenchRow, timeIt } from "./types.js";

/** One fit (reps 1: a fit is seconds long and deterministic). */
export async function bench(): Promise<BenchRow[]> {
  const n = 10_000;
  const d = 768;
  const k = 20;
  const { x, y } = syntheticBlobs(n, d, k, 12345, 0.1);
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
