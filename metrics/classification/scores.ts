/** Per-experiment classification metrics: reproduces scikit-learn 1.9.1 accuracy_score, precision/recall/f1 (macro, weighted, zero_division 0) and mteb's hard-label average_precision_score. */
import { averagePrecision } from "../average-precision.js";
import { EmbevalError } from "../errors.js";
import { npSum } from "../numeric.js";

/** One experiment's scores, keys and order as mteb stores them; `ap`/`ap_weighted` are null unless y_true is binary. */
export interface ClassificationScores {
  accuracy: number;
  f1: number;
  f1_weighted: number;
  precision: number;
  precision_weighted: number;
  recall: number;
  recall_weighted: number;
  ap: number | null;
  ap_weighted: number | null;
}

function checkPair(yTrue: readonly number[], yPred: readonly number[]): void {
  if (yTrue.length !== yPred.length) {
    throw new EmbevalError(
      "E_SHAPE_MISMATCH",
      `y_true has ${yTrue.length} labels but y_pred has ${yPred.length}`,
    );
  }
  if (yTrue.length === 0)
    throw new EmbevalError("E_EMPTY_INPUT", "classification metrics of an empty label list");
}

/** sklearn accuracy_score: fraction of exact matches. */
export function accuracyScore(yTrue: readonly number[], yPred: readonly number[]): number {
  checkPair(yTrue, yPred);
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

/** Precision, recall and F1 averaged over the sorted union of labels ("macro") or weighted by true support. */
export interface PrfAverages {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * sklearn precision_recall_fscore_support(average="macro" | "weighted", zero_division=0): per label
 * P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN), each 0 when its denominator is 0.
 */
export function precisionRecallF1(
  yTrue: readonly number[],
  yPred: readonly number[],
  average: "macro" | "weighted",
): PrfAverages {
  checkPair(yTrue, yPred);
  const labels = [...new Set([...yTrue, ...yPred])].sort((a, b) => a - b);
  const pos = new Map(labels.map((l, i) => [l, i]));
  const L = labels.length;
  const tp = new Float64Array(L);
  const predSum = new Float64Array(L);
  const trueSum = new Float64Array(L);
  for (let i = 0; i < yTrue.length; i++) {
    const t = pos.get(yTrue[i]) as number;
    const p = pos.get(yPred[i]) as number;
    trueSum[t]++;
    predSum[p]++;
    if (t === p) tp[t]++;
  }
  const precision = new Float64Array(L);
  const recall = new Float64Array(L);
  const f1 = new Float64Array(L);
  for (let k = 0; k < L; k++) {
    precision[k] = predSum[k] === 0 ? 0 : tp[k] / predSum[k];
    recall[k] = trueSum[k] === 0 ? 0 : tp[k] / trueSum[k];
    const denom = trueSum[k] + predSum[k];
    f1[k] = denom === 0 ? 0 : (2 * tp[k]) / denom;
  }
  if (average === "macro") {
    return { precision: npSum(precision) / L, recall: npSum(recall) / L, f1: npSum(f1) / L };
  }
  const wsum = npSum(trueSum);
  const weighted = (v: Float64Array): number => {
    if (wsum === 0) return 0;
    const prod = new Float64Array(L);
    for (let k = 0; k < L; k++) prod[k] = v[k] * trueSum[k];
    return npSum(prod) / wsum;
  };
  return { precision: weighted(precision), recall: weighted(recall), f1: weighted(f1) };
}

/** mteb's per-experiment score dict (`_calculate_scores`): ap from the hard predictions, only when y_true has 2 labels. */
export function classificationScores(
  yTrue: readonly number[],
  yPred: readonly number[],
): ClassificationScores {
  const macro = precisionRecallF1(yTrue, yPred, "macro");
  const weighted = precisionRecallF1(yTrue, yPred, "weighted");
  let ap: number | null = null;
  if (new Set(yTrue).size === 2) ap = averagePrecision(yTrue, yPred);
  return {
    accuracy: accuracyScore(yTrue, yPred),
    f1: macro.f1,
    f1_weighted: weighted.f1,
    precision: macro.precision,
    precision_weighted: weighted.precision,
    recall: macro.recall,
    recall_weighted: weighted.recall,
    ap,
    ap_weighted: ap,
  };
}
