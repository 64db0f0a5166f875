/** Binary average precision: reproduces scikit-learn 1.9.1 sklearn/metrics/_ranking.py average_precision_score. */
import { EmbevalError } from "./errors.js";
import { npSum } from "./numeric.js";

/**
 * `sklearn.metrics.average_precision_score(labels, scores)` for binary labels with `pos_label=1`:
 * step-wise AP `Σ (R_n − R_{n−1})·P_n` over the **distinct** score thresholds (tied scores form one step),
 * summed like sklearn (`-np.sum(np.diff(recall) * precision[:-1])`, numpy pairwise sum, clipped at 0).
 * A label counts as positive iff it equals 1. No positives gives 0 (sklearn warns and sets recall to 1).
 */
export function averagePrecision(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length;
  if (scores.length !== n) {
    throw new EmbevalError("E_SHAPE_MISMATCH", `labels has ${n} values but scores has ${scores.length}`, {
      hint: "pass one score per label",
    });
  }
  if (n === 0) throw new EmbevalError("E_EMPTY_INPUT", "average precision of an empty input");
  checkLabels(labels);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(scores[i])) {
      throw new EmbevalError("E_NOT_FINITE", `score ${i} is ${scores[i]}`, { hint: "scores must be finite" });
    }
  }
  // Descending by score; tie order is irrelevant because ties are grouped into one threshold.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  // tps/fps at the last index of each distinct score (sklearn threshold_idxs).
  const tps: number[] = [];
  const fps: number[] = [];
  let cum = 0;
  for (let k = 0; k < n; k++) {
    if (labels[order[k]] === 1) cum += 1;
    if (k === n - 1 || scores[order[k + 1]] !== scores[order[k]]) {
      tps.push(cum);
      fps.push(1 + k - cum);
    }
  }
  const m = tps.length;
  const totalPos = tps[m - 1];
  // precision/recall in sklearn's returned order: reversed thresholds, then the (P=1, R=0) end point.
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  for (let j = 0; j < m; j++) {
    const t = m - 1 - j;
    const ps = tps[t] + fps[t];
    precision[j] = ps !== 0 ? tps[t] / ps : 0;
    recall[j] = totalPos === 0 ? 1 : tps[t] / totalPos;
  }
  precision[m] = 1;
  recall[m] = 0;
  const terms = new Float64Array(m);
  for (let j = 0; j < m; j++) terms[j] = (recall[j + 1] - recall[j]) * precision[j];
  return Math.max(0, -npSum(terms));
}

/** sklearn accepts binary targets only; with two classes one of them must be the positive label 1. */
function checkLabels(labels: ArrayLike<number>): void {
  const distinct = new Set<number>();
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (!Number.isFinite(v)) throw new EmbevalError("E_NOT_FINITE", `label ${i} is ${v}`);
    distinct.add(v);
  }
  if (distinct.size > 2) {
    throw new EmbevalError(
      "E_UNSUPPORTED",
      `average precision needs binary labels, got ${distinct.size} classes`,
      {
        hint: "multiclass AP is not implemented; binarise the labels first",
      },
    );
  }
  if (distinct.size === 2 && !distinct.has(1)) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `pos_label=1 is not a valid label: labels are ${[...distinct]}`,
      {
        hint: "the positive class must be labelled 1",
      },
    );
  }
}
