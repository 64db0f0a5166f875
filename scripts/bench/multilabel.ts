/** Benchmark of mteb's multilabel kNN probe (10 experiments) on synthetic data. */
import { matrix } from "../../metrics/matrix.js";
import { runMultilabel } from "../../metrics/multilabel/evaluate.js";
import { defaultRng } from "../../metrics/rng/generator.js";
import { syntheticBlobs } from "./synthetic.js";
import { type BenchRow, timeIt } from "./types.js";

/** 5,000 train rows (20 labels, 1–3 per row) and 2,000 test rows, 768 dims. */
export async function bench(): Promise<BenchRow[]> {
  const d = 768;
  const train = syntheticBlobs(5000, d, 20, 11, 0.3);
  const test = syntheticBlobs(2000, d, 20, 12, 0.3);
  const labelsOf = (y: number[]) => y.map((c, i) => [c, ...(i % 3 === 0 ? [(c + 1) % 20] : [])]);
  const t = await timeIt(
    () =>
      runMultilabel(
        {
          trainEmbeddings: matrix(train.x, 5000, d),
          trainLabels: labelsOf(train.y),
          testEmbeddings: matrix(test.x, 2000, d),
          testLabels: labelsOf(test.y),
        },
        defaultRng(42),
      ),
    1,
  );
  return [
    {
      name: "runMultilabel (kNN, 10 experiments)",
      workload: "5,000 train / 2,000 test x 768, 20 labels",
      ...t,
    },
  ];
}
