/** Benchmark of the pairwise evaluators (STS, pair classification, bitext mining, summarization) on synthetic data. */
import { scoreBitext } from "../../metrics/bitext.js";
import { matrix } from "../../metrics/matrix.js";
import { scorePairClassification } from "../../metrics/pair.js";
import { scoreSts } from "../../metrics/sts.js";
import { scoreSummarization } from "../../metrics/summarization.js";
import { syntheticBlobs } from "./synthetic.js";
import { type BenchRow, timeIt } from "./types.js";

/** STS and pair classification on 10,000 pairs; bitext 2,000 × 2,000; summarization 100 texts × 16 summaries; 768 dims. */
export async function bench(): Promise<BenchRow[]> {
  const d = 768;
  const rows: BenchRow[] = [];
  const a = syntheticBlobs(10_000, d, 50, 7, 0.3);
  const b = syntheticBlobs(10_000, d, 50, 8, 0.3);
  const e1 = matrix(a.x, 10_000, d);
  const e2 = matrix(b.x, 10_000, d);
  const gold = a.y.map((y, i) => (y === b.y[i] ? 4 : (i % 5) + 0.5));
  const sts = await timeIt(() =>
    scoreSts(e1, e2, gold, { minScore: 0, maxScore: 5, similarityFn: "cosine" }),
  );
  rows.push({ name: "scoreSts (4 similarities, 8 correlations)", workload: "10,000 pairs x 768", ...sts });
  const labels = a.y.map((y, i) => (y === b.y[i] ? 1 : i % 2));
  const pair = await timeIt(() => scorePairClassification(e1, e2, labels, { similarityFn: "cosine" }));
  rows.push({ name: "scorePairClassification (5 functions)", workload: "10,000 pairs x 768", ...pair });
  const q = matrix(a.x.subarray(0, 2000 * d), 2000, d);
  const c = matrix(b.x.subarray(0, 2000 * d), 2000, d);
  const bitext = await timeIt(() => scoreBitext(q, c, { similarityFn: "cosine" }), 1);
  rows.push({ name: "scoreBitext (nearest neighbour)", workload: "2,000 x 2,000 x 768", ...bitext });
  const human = matrix(a.x.subarray(0, 500 * d), 500, d);
  const machine = matrix(b.x.subarray(0, 1600 * d), 1600, d);
  const relevance = Array.from({ length: 100 }, (_, t) =>
    Array.from({ length: 16 }, (_, j) => ((t * 7 + j * 3) % 11) / 2),
  );
  const summ = await timeIt(() =>
    scoreSummarization(human, new Array(100).fill(5), machine, relevance, {
      minScore: 0,
      maxScore: 5,
      similarityFn: "cosine",
      evaluator: "v2",
    }),
  );
  rows.push({ name: "scoreSummarization (v2)", workload: "100 texts x 5 human x 16 machine x 768", ...summ });
  return rows;
}
