/** Cluster accuracy: best one-to-one class↔cluster matching over the confusion matrix; reproduces mteb 2.20 clustering_evaluator (sklearn confusion_matrix + scipy linear_sum_assignment(maximize=True)). */
import { EmbevalError } from "../errors.js";
import { encodeLabels, type Label } from "./contingency.js";

/**
 * Maximum-weight assignment on a dense rows×cols matrix (rows ≤ cols after transposition), by the
 * shortest augmenting path method (Jonker–Volgenant, as scipy's LAPJV-style solver). Returns, for each row,
 * the assigned column.
 */
export function linearSumAssignmentMax(weights: ArrayLike<number>, rows: number, cols: number): Int32Array {
  if (weights.length !== rows * cols) throw new EmbevalError("E_SHAPE_MISMATCH", "weights must be rows*cols");
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  // cost = -weight (minimisation), 1-based arrays of the classic e-maxx formulation
  const cost = (i: number, j: number) => -(transpose ? weights[j * cols + i] : weights[i * cols + j]);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const assign = new Int32Array(rows).fill(-1);
  for (let j = 1; j <= m; j++) {
    if (p[j] === 0) continue;
    if (transpose) assign[j - 1] = p[j] - 1;
    else assign[p[j] - 1] = j - 1;
  }
  return assign;
}

/**
 * mteb `_cluster_accuracy`: `confusion_matrix(labels, preds)` over the union of label values,
 * `linear_sum_assignment(conf, maximize=True)`, matched total / n.
 */
export function clusterAccuracy(labelsTrue: ArrayLike<Label>, labelsPred: ArrayLike<Label>): number {
  const n = labelsTrue.length;
  if (n !== labelsPred.length) {
    throw new EmbevalError(
      "E_SHAPE_MISMATCH",
      `labels_true has ${n} values, labels_pred ${labelsPred.length}`,
    );
  }
  if (n === 0) throw new EmbevalError("E_EMPTY_INPUT", "cluster accuracy needs at least one sample");
  const all: Label[] = [];
  for (let i = 0; i < n; i++) all.push(labelsTrue[i]);
  for (let i = 0; i < n; i++) all.push(labelsPred[i]);
  const { classes, codes } = encodeLabels(all);
  const k = classes.length;
  const conf = new Float64Array(k * k);
  for (let i = 0; i < n; i++) conf[codes[i] * k + codes[n + i]] += 1;
  const assign = linearSumAssignmentMax(conf, k, k);
  let total = 0;
  for (let r = 0; r < k; r++) total += conf[r * k + assign[r]];
  return total / n;
}
