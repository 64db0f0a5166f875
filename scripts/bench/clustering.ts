/** Benchmark of MiniBatchKMeans (scikit-learn 1.9 behaviour, float32 emulation) on 20,000 × 768 float32 synthetic blobs, k = 20, batch 512. */

import { fitMiniBatchKMeans } from "../../metrics/clustering/minibatch-kmeans.js";
import { vMeasure } from "../../metrics/clustering/v-measure.js";
import { matrix } from "../../metrics/matrix.js";
import { syntheticBlobs } from "./synthetic.js";
import { type BenchRow, timeIt } from "./types.js";

/** One fit per scikit-learn behaviour (reps 1: a fit is seconds long and deterministic), plus V-measure. */
export async function bench(): Promise<BenchRow[]> {
  const n = 20_000;
  const d = 768;
  const k = 20;
  const { x, y } = syntheticBlobs(n, d, k, 2024, 0.2);
  const xm = matrix(x, n, d);
  const rows: BenchRow[] = [];
  for (const sklearn of ["1.9", "1.6"] as const) {
    let steps = 0;
    let labels: Int32Array = new Int32Array(0);
    const t = await timeIt(() => {
      const r = fitMiniBatchKMeans(xm, { nClusters: k, batchSize: 512, randomState: 42, sklearn });
      steps = r.nSteps;
      labels = r.labels;
    }, 1);
    rows.push({
      name: `fitMiniBatchKMeans (sklearn ${sklearn})`,
      workload: `20,000 x 768 float32, k 20, batch 512 (${steps} steps)`,
      ms: t.ms,
      reps: t.reps,
    });
    const tv = await timeIt(() => vMeasure(y, labels), 3);
    rows.push({ name: "vMeasure", workload: "20,000 labels, 20 x 20 contingency", ms: tv.ms, reps: tv.reps });
  }
  return rows;
}
