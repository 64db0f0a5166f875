/** Bitext mining: reproduces mteb 2.20 mteb/abstasks/text/bitext_mining.py (_compute_metrics) and its evaluator. */
import { EmbevalError } from "./errors.js";
import { type Matrix, takeRows } from "./matrix.js";
import { npSum } from "./numeric.js";
import { type SimilarityFn, similarityMatrix } from "./similarity.js";

/** mteb's bitext score dict (main_score = f1). */
export interface BitextScores {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  main_score: number;
}

const QUERY_CHUNK = 100;

/**
 * Nearest corpus row for every query row by the model similarity (float32, in query chunks of 100 as mteb; for
 * euclidean, torch.cdist's matmul-or-direct choice follows each chunk's rows, as `similarityMatrix(chunk, corpus)`).
 * Exact ties (judged on the final float32 scores) go to the lowest corpus index (torch CPU topk for long rows; short
 * rows are implementation-defined).
 */
export function nearestNeighbours(queries: Matrix, corpus: Matrix, similarityFn: SimilarityFn): Int32Array {
  if (corpus.rows === 0) throw new EmbevalError("E_EMPTY_INPUT", "bitext mining needs a non-empty corpus");
  const out = new Int32Array(queries.rows);
  for (let start = 0; start < queries.rows; start += QUERY_CHUNK) {
    const count = Math.min(QUERY_CHUNK, queries.rows - start);
    const chunk = takeRows(
      queries,
      Array.from({ length: count }, (_, k) => start + k),
    );
    const sims = similarityMatrix(similarityFn, chunk, corpus);
    for (let q = 0; q < count; q++) {
      const o = q * corpus.rows;
      let best = 0;
      for (let j = 1; j < corpus.rows; j++) if (sims[o + j] > sims[o + best]) best = j;
      out[start + q] = best;
    }
  }
  return out;
}

/**
 * sklearn `precision_score`/`recall_score`/`f1_score(average="weighted", zero_division=0)` and `accuracy_score`
 * for integer labels (scikit-learn 1.9.1: F1 = 2TP/(true+pred); weighted by support over sorted labels of
 * y_true ∪ y_pred, `np.average` = pairwise sum / total support).
 */
export function weightedPrf(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
): Omit<BitextScores, "main_score"> {
  const n = yTrue.length;
  if (yPred.length !== n)
    throw new EmbevalError("E_SHAPE_MISMATCH", `${n} labels but ${yPred.length} predictions`);
  if (n === 0) throw new EmbevalError("E_EMPTY_INPUT", "no predictions to score");
  const labels = [...new Set([...Array.from(yTrue), ...Array.from(yPred)])].sort((a, b) => a - b);
  const pos = new Map(labels.map((l, i) => [l, i]));
  const tp = new Float64Array(labels.length);
  const trueSum = new Float64Array(labels.length);
  const predSum = new Float64Array(labels.length);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const t = pos.get(yTrue[i])!;
    trueSum[t]++;
    predSum[pos.get(yPred[i])!]++;
    if (yTrue[i] === yPred[i]) {
      tp[t]++;
      correct++;
    }
  }
  const k = labels.length;
  const wp = new Float64Array(k);
  const wr = new Float64Array(k);
  const wf = new Float64Array(k);
  for (let l = 0; l < k; l++) {
    const p = predSum[l] === 0 ? 0 : tp[l] / predSum[l];
    const r = trueSum[l] === 0 ? 0 : tp[l] / trueSum[l];
    const denom = trueSum[l] + predSum[l];
    const f = denom === 0 ? 0 : (2 * tp[l]) / denom;
    wp[l] = p * trueSum[l];
    wr[l] = r * trueSum[l];
    wf[l] = f * trueSum[l];
  }
  const scl = npSum(trueSum);
  return { precision: npSum(wp) / scl, recall: npSum(wr) / scl, f1: npSum(wf) / scl, accuracy: correct / n };
}

/**
 * Score one bitext subset: predictions by nearest neighbour, labels `gold[i][1]` for query i (mteb ignores
 * `gold[i][0]`), or the identity when no gold is given.
 */
export function scoreBitext(
  e1: Matrix,
  e2: Matrix,
  opts: {
    similarityFn: SimilarityFn;
    gold?: ReadonlyArray<readonly [number, number]>;
    /** Nearest neighbours computed elsewhere (kernels/nearest.ts gives the same indices faster). */
    predictions?: Int32Array;
  },
): { scores: BitextScores; predictions: Int32Array } {
  if (e1.rows === 0) throw new EmbevalError("E_EMPTY_INPUT", "bitext mining needs at least one sentence");
  const predictions = opts.predictions ?? nearestNeighbours(e1, e2, opts.similarityFn);
  let labels: ArrayLike<number>;
  if (opts.gold) {
    const gold = opts.gold;
    if (gold.length < e1.rows) {
      throw new EmbevalError("E_SHAPE_MISMATCH", `${gold.length} gold pairs for ${e1.rows} sentences`, {
        hint: "gold needs one [i, j] pair per sentence1 row",
      });
    }
    labels = Array.from({ length: e1.rows }, (_, i) => gold[i][1]);
  } else {
    labels = Array.from({ length: e1.rows }, (_, i) => i);
  }
  const m = weightedPrf(labels, predictions);
  return { scores: { ...m, main_score: m.f1 }, predictions };
}
