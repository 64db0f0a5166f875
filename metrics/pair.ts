/** Pair classification: reproduces mteb 2.20 mteb/abstasks/pair_classification.py (_compute_metrics and sweeps). */
import { averagePrecision } from "./average-precision.js";
import { EmbevalError } from "./errors.js";
import type { Matrix } from "./matrix.js";
import {
  pairedDot,
  pairedEuclidean,
  pairedManhattan,
  type SimilarityFn,
  similarityPairwise,
  sklearnPairedCosine,
} from "./similarity.js";

/** The five score lists in mteb's order, with whether a higher score means "more similar". */
export const PAIR_SCORE_NAMES = ["similarity", "cosine", "manhattan", "euclidean", "dot"] as const;
export type PairScoreName = (typeof PAIR_SCORE_NAMES)[number];
const HIGH_IS_SIMILAR: Record<PairScoreName, boolean> = {
  similarity: true,
  cosine: true,
  manhattan: false,
  euclidean: false,
  dot: true,
};

/** Per score list metrics (thresholds are informative; mteb does not report them). */
export interface PairMetrics {
  accuracy: number;
  f1: number;
  precision: number;
  recall: number;
  ap: number;
  accuracyThreshold: number;
  f1Threshold: number;
}

/** Row order of mteb's Python `sorted(rows, key=score, reverse=high)`: stable, ties keep dataset order. */
function sortedOrder(scores: ArrayLike<number>, highIsSimilar: boolean): number[] {
  const idx = Array.from({ length: scores.length }, (_, i) => i);
  return highIsSimilar
    ? idx.sort((a, b) => scores[b] - scores[a])
    : idx.sort((a, b) => scores[a] - scores[b]);
}

/** mteb `_find_best_acc_and_threshold`: first strict maximum over cuts after rows 0…n−2, starting from 0. */
export function bestAccuracy(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  highIsSimilar: boolean,
): { accuracy: number; threshold: number } {
  const order = sortedOrder(scores, highIsSimilar);
  const n = labels.length;
  let remainingNeg = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 0) remainingNeg++;
  let posSoFar = 0;
  let maxAcc = 0;
  let threshold = -1;
  for (let i = 0; i < n - 1; i++) {
    if (labels[order[i]] === 1) posSoFar++;
    else remainingNeg--;
    const acc = (posSoFar + remainingNeg) / n;
    if (acc > maxAcc) {
      maxAcc = acc;
      threshold = (scores[order[i]] + scores[order[i + 1]]) / 2;
    }
  }
  return { accuracy: maxAcc, threshold };
}

/** mteb `_find_best_f1_and_threshold`: F1 = 2PR/(P+R) at cuts after rows 0…n−2 once a positive was seen. */
export function bestF1(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  highIsSimilar: boolean,
): { f1: number; precision: number; recall: number; threshold: number } {
  const order = sortedOrder(scores, highIsSimilar);
  const n = labels.length;
  let totalPos = 0;
  for (let i = 0; i < n; i++) totalPos += labels[i];
  let best = { f1: 0, precision: 0, recall: 0, threshold: 0 };
  let nextract = 0;
  let ncorrect = 0;
  for (let i = 0; i < n - 1; i++) {
    nextract++;
    if (labels[order[i]] === 1) ncorrect++;
    if (ncorrect > 0) {
      const precision = ncorrect / nextract;
      const recall = ncorrect / totalPos;
      const f1 = (2 * precision * recall) / (precision + recall);
      if (f1 > best.f1) {
        best = { f1, precision, recall, threshold: (scores[order[i]] + scores[order[i + 1]]) / 2 };
      }
    }
  }
  return best;
}

/** mteb `_compute_metrics_values` for one score list: best accuracy, best F1 and sklearn AP of `scores·(±1)`. */
export function pairMetrics(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  highIsSimilar: boolean,
): PairMetrics {
  if (scores.length !== labels.length) {
    throw new EmbevalError("E_SHAPE_MISMATCH", `${scores.length} scores but ${labels.length} labels`);
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) {
      throw new EmbevalError("E_INVALID_ARGUMENT", `label ${i} is ${labels[i]}`, {
        hint: "labels must be 0 or 1",
      });
    }
    if (Number.isNaN(scores[i])) throw new EmbevalError("E_NOT_FINITE", `score ${i} is NaN`);
  }
  const acc = bestAccuracy(scores, labels, highIsSimilar);
  const f1 = bestF1(scores, labels, highIsSimilar);
  const signed = Float64Array.from(scores, (s) => (highIsSimilar ? s : -s));
  return {
    accuracy: acc.accuracy,
    f1: f1.f1,
    precision: f1.precision,
    recall: f1.recall,
    ap: averagePrecision(labels, signed),
    accuracyThreshold: acc.threshold,
    f1Threshold: f1.threshold,
  };
}

/** The five per-pair score lists of mteb's PairClassificationEvaluator (float64 copies of dtype-exact values). */
export function pairScoreLists(
  e1: Matrix,
  e2: Matrix,
  similarityFn: SimilarityFn,
): Record<PairScoreName, Float64Array> {
  return {
    similarity: Float64Array.from(similarityPairwise(similarityFn, e1, e2)),
    cosine: Float64Array.from(sklearnPairedCosine(e1, e2)),
    manhattan: Float64Array.from(pairedManhattan(e1, e2)),
    euclidean: Float64Array.from(pairedEuclidean(e1, e2)),
    dot: Float64Array.from(pairedDot(e1, e2)),
  };
}

const METRIC_KEYS = ["accuracy", "f1", "precision", "recall", "ap"] as const;

/**
 * mteb's score dict from the five score lists: `{name}_{accuracy|f1|precision|recall|ap}` for each list, then
 * `max_{metric}` = the max over the five lists, per metric independently. `main_score` is left to the task.
 */
export function pairScoresFromLists(
  lists: Record<PairScoreName, ArrayLike<number>>,
  labels: ArrayLike<number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  const maxes: Record<string, number[]> = { accuracy: [], f1: [], precision: [], recall: [], ap: [] };
  for (const name of PAIR_SCORE_NAMES) {
    const m = pairMetrics(lists[name], labels, HIGH_IS_SIMILAR[name]);
    for (const key of METRIC_KEYS) {
      out[`${name}_${key}`] = m[key];
      maxes[key].push(m[key]);
    }
  }
  for (const key of METRIC_KEYS) out[`max_${key}`] = Math.max(...maxes[key]);
  return out;
}

/**
 * Score one pair-classification subset from the two embedding matrices and 0/1 labels. `main_score` copies the
 * task's main metric key (`max_ap` for most mteb tasks, some use `max_accuracy`).
 */
export function scorePairClassification(
  e1: Matrix,
  e2: Matrix,
  labels: ArrayLike<number>,
  opts: { similarityFn: SimilarityFn; mainScore?: string },
): Record<string, number> {
  if (e1.rows !== labels.length) {
    throw new EmbevalError("E_SHAPE_MISMATCH", `${e1.rows} embedding pairs but ${labels.length} labels`);
  }
  if (labels.length === 0)
    throw new EmbevalError("E_EMPTY_INPUT", "pair classification needs at least one pair");
  const scores = pairScoresFromLists(pairScoreLists(e1, e2, opts.similarityFn), labels);
  const main = opts.mainScore ?? "max_ap";
  if (!(main in scores)) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `unknown pair-classification main score ${main}`, {
      hint: `use one of ${Object.keys(scores).join(", ")}`,
    });
  }
  scores.main_score = scores[main];
  return scores;
}
