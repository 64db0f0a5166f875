/** Normalized mutual information (arithmetic) and adjusted Rand index; reproduces scikit-learn 1.9.1 sklearn/metrics/cluster/_supervised.py normalized_mutual_info_score, pair_confusion_matrix, adjusted_rand_score. */
import { type Contingency, contingencyMatrix, type Label } from "./contingency.js";
import { entropyFromCounts, mutualInfoFromContingency } from "./v-measure.js";

/** `normalized_mutual_info_score(labels_true, labels_pred, average_method="arithmetic")`. */
export function normalizedMutualInfo(labelsTrue: ArrayLike<Label>, labelsPred: ArrayLike<Label>): number {
  return nmiFromContingency(contingencyMatrix(labelsTrue, labelsPred));
}

/** NMI from a contingency table. */
export function nmiFromContingency(c: Contingency): number {
  if ((c.nRows === 1 && c.nCols === 1) || (c.nRows === 0 && c.nCols === 0)) return 1.0;
  const mi = mutualInfoFromContingency(c);
  if (mi === 0) return 0.0;
  const normalizer = (entropyFromCounts(c.rowSums) + entropyFromCounts(c.colSums)) / 2;
  return mi / normalizer;
}

/** `pair_confusion_matrix` as exact integers: [[tn, fp], [fn, tp]]. */
export function pairConfusionMatrix(c: Contingency): [[bigint, bigint], [bigint, bigint]] {
  const n = BigInt(c.n);
  let sumSquares = 0n;
  let rowDot = 0n; // contingency.dot(n_k).sum()
  let colDot = 0n; // contingency.T.dot(n_c).sum()
  for (let i = 0; i < c.values.length; i++) {
    const v = BigInt(c.values[i]);
    sumSquares += v * v;
    rowDot += v * BigInt(c.colSums[c.cols[i]]);
    colDot += v * BigInt(c.rowSums[c.rows[i]]);
  }
  const tp = sumSquares - n;
  const fp = rowDot - sumSquares;
  const fn = colDot - sumSquares;
  const tn = n * n - fp - fn - sumSquares;
  return [
    [tn, fp],
    [fn, tp],
  ];
}

/** `adjusted_rand_score(labels_true, labels_pred)`. */
export function adjustedRandIndex(labelsTrue: ArrayLike<Label>, labelsPred: ArrayLike<Label>): number {
  return ariFromContingency(contingencyMatrix(labelsTrue, labelsPred));
}

/** ARI from a contingency table (Python-int arithmetic, one final division). */
export function ariFromContingency(c: Contingency): number {
  const [[tn, fp], [fn, tp]] = pairConfusionMatrix(c);
  if (fn === 0n && fp === 0n) return 1.0;
  const num = 2n * (tp * tn - fn * fp);
  const den = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
  return bigRatio(num, den);
}

/** num/den as a double, correctly rounded for |values| < 2^53 and within 1 ulp otherwise (Python int / int). */
function bigRatio(num: bigint, den: bigint): number {
  if (den === 0n) return Number.NaN;
  if (num === 0n) return 0;
  const neg = num < 0n !== den < 0n;
  let a = num < 0n ? -num : num;
  let b = den < 0n ? -den : den;
  // scale so that the integer quotient has 64+ significant bits, then one rounding
  let shift = 0;
  while (a < b << 64n) {
    a <<= 1n;
    shift++;
  }
  while (a >= b << 128n) {
    b <<= 1n;
    shift--;
  }
  const q = a / b;
  const rem = a % b;
  // sticky bit keeps the rounding of Number(q) from being a false tie
  const qs = rem === 0n ? q : q | 1n;
  const value = Number(qs) / 2 ** shift;
  return neg ? -value : value;
}
