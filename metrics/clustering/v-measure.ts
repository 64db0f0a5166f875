/** Entropy, mutual information and V-measure; reproduces scikit-learn 1.9.1 sklearn/metrics/cluster/_supervised.py (entropy, mutual_info_score, homogeneity_completeness_v_measure). */
import { npSum } from "../numeric.js";
import { type Contingency, contingencyMatrix, type Label } from "./contingency.js";

const EPS = 2.220446049250313e-16;

/** `entropy(labels)` from the class sizes: −Σ (p/n)(ln p − ln n) (numpy pairwise sum). */
export function entropyFromCounts(counts: ArrayLike<number>): number {
  const pi: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) pi.push(counts[i]);
  if (pi.length === 0) return 1.0;
  if (pi.length === 1) return 0.0;
  const piSum = npSum(pi);
  const logSum = Math.log(piSum);
  const terms = pi.map((p) => (p / piSum) * (Math.log(p) - logSum));
  return -npSum(terms);
}

/** `mutual_info_score(None, None, contingency=c)` in nats, with sklearn's two-part terms and eps zeroing. */
export function mutualInfoFromContingency(c: Contingency): number {
  if (c.nRows === 1 || c.nCols === 1) return 0.0;
  const total = c.n;
  const logTotal = Math.log(total);
  const logRows = Math.log(npSum(c.rowSums));
  const logCols = Math.log(npSum(c.colSums));
  const terms = new Float64Array(c.values.length);
  for (let i = 0; i < c.values.length; i++) {
    const v = c.values[i];
    const nm = v / total;
    const outer = c.rowSums[c.rows[i]] * c.colSums[c.cols[i]];
    const logOuter = -Math.log(outer) + logRows + logCols;
    const mi = nm * (Math.log(v) - logTotal) + nm * logOuter;
    terms[i] = Math.abs(mi) < EPS ? 0.0 : mi;
  }
  const s = npSum(terms);
  return Math.max(s, 0);
}

/** Homogeneity, completeness and V-measure (beta = 1 unless given). */
export interface VMeasureScores {
  homogeneity: number;
  completeness: number;
  vMeasure: number;
}

/** `homogeneity_completeness_v_measure(labels_true, labels_pred, beta)`; labels may be numbers or strings. */
export function homogeneityCompletenessVMeasure(
  labelsTrue: ArrayLike<Label>,
  labelsPred: ArrayLike<Label>,
  beta = 1.0,
): VMeasureScores {
  const c = contingencyMatrix(labelsTrue, labelsPred);
  return vMeasureFromContingency(c, beta);
}

/** V-measure scores from a contingency table. */
export function vMeasureFromContingency(c: Contingency, beta = 1.0): VMeasureScores {
  if (c.n === 0) return { homogeneity: 1.0, completeness: 1.0, vMeasure: 1.0 };
  const hC = entropyFromCounts(c.rowSums);
  const hK = entropyFromCounts(c.colSums);
  const mi = mutualInfoFromContingency(c);
  const homogeneity = hC ? mi / hC : 1.0;
  const completeness = hK ? mi / hK : 1.0;
  const vMeasure =
    homogeneity + completeness === 0.0
      ? 0.0
      : ((1 + beta) * homogeneity * completeness) / (beta * homogeneity + completeness);
  return { homogeneity, completeness, vMeasure };
}

/** `v_measure_score(labels_true, labels_pred, beta=1.0)`. */
export function vMeasure(labelsTrue: ArrayLike<Label>, labelsPred: ArrayLike<Label>, beta = 1.0): number {
  return homogeneityCompletenessVMeasure(labelsTrue, labelsPred, beta).vMeasure;
}
