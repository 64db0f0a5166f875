/** Benchmark of MiniBatchKMeans (scikit-learn 1.9 behaviour, float32 emulation) on 20,000 × 768 float32 synthetic blobs, k = 20, batch 512, against scikit-learn on the same data in the same run. */

import { loadavg } from "node:os";
import { fitMiniBatchKMeans, fitMiniBatchKMeansAsync } from "../../metrics/clustering/minibatch-kmeans.js";
import { vMeasure } from "../../metrics/clustering/v-measure.js";
import { matrix } from "../../metrics/matrix.js";
import { conservativeRatio, sklearnReference, timeProbe } from "./sklearn-ref.js";
import { syntheticBlobs } from "./synthetic.js";
import { type BenchOutput, type BenchRow, timeIt } from "./types.js";

const N = 20_000;
const D = 768;
const K = 20;
const BATCH = 512;
const SEED = 42;

/** Fits with the default kernel (3 runs) and the exact JS path (1 run), V-measure, and scikit-learn's fit time. */
export async function bench(): Promise<BenchOutput> {
  const { x, y } = syntheticBlobs(N, D, K, 2024, 0.2);
  const xm = matrix(x, N, D);
  const rows: BenchRow[] = [];
  const workload = (steps: number) => `20,000 x 768 float32, k 20, batch 512 (${steps} steps)`;
  let steps19 = 0;
  let labels: Int32Array = new Int32Array(0);
  const opts = { nClusters: K, batchSize: BATCH, randomState: SEED } as const;
  const fastT = await timeProbe(async () => {
    const r = await fitMiniBatchKMeansAsync(xm, { ...opts, sklearn: "1.9" });
    steps19 = r.nSteps;
    labels = r.labels;
  }, 3);
  const fast = { ms: fastT.ms, reps: fastT.reps };
  rows.push({ name: "fitMiniBatchKMeansAsync (sklearn 1.9)", workload: workload(steps19), ...fast });
  let steps16 = 0;
  const fast16 = await timeIt(async () => {
    steps16 = (await fitMiniBatchKMeansAsync(xm, { ...opts, sklearn: "1.6" })).nSteps;
  }, 1);
  rows.push({ name: "fitMiniBatchKMeansAsync (sklearn 1.6)", workload: workload(steps16), ...fast16 });
  const exact = await timeIt(() => fitMiniBatchKMeans(xm, { ...opts, sklearn: "1.9" }), 1);
  rows.push({ name: "fitMiniBatchKMeans JS (sklearn 1.9)", workload: workload(steps19), ...exact });
  const tv = await timeIt(() => vMeasure(y, labels), 3);
  rows.push({ name: "vMeasure", workload: "20,000 labels, 20 x 20 contingency", ms: tv.ms, reps: tv.reps });

  const ref = sklearnReference("kmeans", x, N, D, { k: K, batchSize: BATCH, seed: SEED });
  const embevalS = fast.ms / 1000;
  if (ref) {
    rows.push({
      name: `scikit-learn ${ref.version} MiniBatchKMeans`,
      workload: workload(ref.counters.n_steps),
      ms: ref.seconds * 1000,
      reps: 3,
    });
  }
  const ratio = ref ? conservativeRatio(fastT.minMs, ref) : null;
  console.log(
    ref
      ? `kmeans: embeval ${embevalS.toFixed(2)} s (${steps19} steps), scikit-learn ${ref.version} ${ref.seconds.toFixed(2)} s (1 thread ${ref.oneThreadSeconds?.toFixed(2)} s, ${ref.counters.n_steps} steps), ratio ${ratio?.toFixed(2)} (best vs fastest; medians ${ref ? (embevalS / ref.seconds).toFixed(2) : ""})`
      : `kmeans: embeval ${embevalS.toFixed(2)} s; scikit-learn reference missing (no python3 that imports sklearn)`,
  );
  return {
    rows,
    figures: {
      kmeans: {
        embeval_s: embevalS,
        embeval_best_s: fastT.minMs / 1000,
        embeval_cpu_s: fastT.cpuMs / 1000,
        embeval_js_s: exact.ms / 1000,
        sklearn_s: ref ? ref.seconds : null,
        sklearn_best_s: ref ? ref.minSeconds : null,
        sklearn_cpu_s: ref ? ref.cpuSeconds : null,
        sklearn_1thread_s: ref ? ref.oneThreadSeconds : null,
        ratio,
        ratio_median: ref ? embevalS / ref.seconds : null,
        ratio_best: ref ? fastT.minMs / 1000 / ref.minSeconds : null,
        ratio_cpu: ref ? fastT.cpuMs / 1000 / ref.cpuSeconds : null,
        ratio_1thread: ref?.oneThreadSeconds ? embevalS / ref.oneThreadSeconds : null,
        load_average_1m: loadavg()[0],
        sklearn_version: ref ? ref.version : null,
        n: N,
        dim: D,
        k: K,
        batch_size: BATCH,
        embeval_steps: steps19,
        sklearn_steps: ref ? ref.counters.n_steps : null,
        note: ref
          ? `scikit-learn ${ref.version} samples batches with randint (embeval's "1.6" behaviour), so step counts differ`
          : "scikit-learn reference missing: no python3 that imports sklearn",
      },
    },
  };
}
