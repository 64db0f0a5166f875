/** Multilabel scores: reproduces scikit-learn 1.9.1 accuracy_score / f1_score(average="macro") / label_ranking_average_precision_score on indicator matrices and mteb 2.20 `_evaluators/classification_metrics.py` hamming_score (a per-sample Jaccard). */
import { EmbevalError } from "../errors.js";
import { npMean } from "../numeric.js";
import type { LabelMatrix } from "./binarizer.js";

/** Real-valued scores per (sample, label), row-major, for LRAP (hard 0/1 predictions are fine too). */
export interface ScoreMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: ArrayLike<number>;
}

function checkPair(yTrue: LabelMatrix, yPred: ScoreMatrix, what: string): void {
  if (yTrue.rows !== yPred.rows || yTrue.cols !== yPred.cols) {
    throw new EmbevalError(
      "E_SHAPE_MISMATCH",
      `${what}: y_true is ${yTrue.rows}x${yTrue.cols} but y_pred is ${yPred.rows}x${yPred.cols}`,
    );
  }
  if (yTrue.rows === 0) throw new EmbevalError("E_EMPTY_INPUT", `${what}: no samples`);
}

function checkBinary(m: ScoreMatrix, what: string): void {
  for (let i = 0; i < m.data.length; i++) {
    const v = m.data[i];
    if (v !== 0 && v !== 1)
      throw new EmbevalError("E_INVALID_ARGUMENT", `${what}: values must be 0 or 1, got ${v}`);
  }
}

/** Subset accuracy (`KNeighborsClassifier.score` on indicator targets): fraction of rows matching exactly. */
export function subsetAccuracy(yTrue: LabelMatrix, yPred: LabelMatrix): number {
  checkPair(yTrue, yPred, "subsetAccuracy");
  const { rows, cols } = yTrue;
  let correct = 0;
  for (let i = 0; i < rows; i++) {
    let same = true;
    for (let j = i * cols; j < (i + 1) * cols; j++) {
      if (yTrue.data[j] !== yPred.data[j]) {
        same = false;
        break;
      }
    }
    if (same) correct++;
  }
  // np.mean of a bool array: pairwise sum of 0/1 (exact) divided by n.
  return correct / rows;
}

/** Per-label F1 = 2TP/(2TP+FP+FN), 0 where undefined (sklearn's zero_division="warn" value). */
export function perLabelF1(yTrue: LabelMatrix, yPred: LabelMatrix): Float64Array {
  checkPair(yTrue, yPred, "perLabelF1");
  const { rows, cols } = yTrue;
  const tp = new Float64Array(cols);
  const trueSum = new Float64Array(cols);
  const predSum = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const t = yTrue.data[i * cols + j];
      const p = yPred.data[i * cols + j];
      trueSum[j] += t;
      predSum[j] += p;
      if (t === 1 && p === 1) tp[j] += 1;
    }
  }
  const f1 = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    const denom = trueSum[j] + predSum[j];
    f1[j] = denom === 0 ? 0 : (2 * tp[j]) / denom;
  }
  return f1;
}

/** `f1_score(y_true, y_pred, average="macro")` over the indicator columns (np.average of the per-label F1). */
export function macroF1(yTrue: LabelMatrix, yPred: LabelMatrix): number {
  checkBinary(yTrue, "macroF1 y_true");
  checkBinary(yPred, "macroF1 y_pred");
  if (yTrue.cols === 0) throw new EmbevalError("E_EMPTY_INPUT", "macroF1: no label columns");
  return npMean(perLabelF1(yTrue, yPred));
}

/**
 * `label_ranking_average_precision_score(y_true, y_score)`: per sample, 1 if it has no or only relevant labels,
 * else the mean over relevant l of |{relevant l': s(l') >= s(l)}| / |{l': s(l') >= s(l)}|; summed naively, / n.
 */
export function lrap(yTrue: LabelMatrix, yScore: ScoreMatrix): number {
  checkPair(yTrue, yScore, "lrap");
  checkBinary(yTrue, "lrap y_true");
  const { rows, cols } = yTrue;
  const ratios = new Float64Array(cols);
  let out = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let nRel = 0;
    for (let j = 0; j < cols; j++) nRel += yTrue.data[base + j];
    if (nRel === 0 || nRel === cols) {
      out += 1;
      continue;
    }
    let r = 0;
    for (let j = 0; j < cols; j++) {
      if (yTrue.data[base + j] !== 1) continue;
      const s = yScore.data[base + j];
      let rank = 0;
      let relRank = 0;
      for (let q = 0; q < cols; q++) {
        if (yScore.data[base + q] >= s) {
          rank++;
          if (yTrue.data[base + q] === 1) relRank++;
        }
      }
      ratios[r++] = relRank / rank;
    }
    out += npMean(ratios.subarray(0, r));
  }
  return out / rows;
}

/** mteb's `hamming_score`: per-sample Jaccard |y ∧ ŷ| / |y ∨ ŷ| (1 when both are empty), np.mean over samples. */
export function hammingScore(yTrue: LabelMatrix, yPred: LabelMatrix): number {
  checkPair(yTrue, yPred, "hammingScore");
  if (yTrue.cols === 0) throw new EmbevalError("E_EMPTY_INPUT", "hammingScore: input arrays cannot be empty");
  checkBinary(yTrue, "hammingScore y_true");
  checkBinary(yPred, "hammingScore y_pred");
  const { rows, cols } = yTrue;
  const perSample = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let inter = 0;
    let union = 0;
    for (let j = i * cols; j < (i + 1) * cols; j++) {
      const t = yTrue.data[j];
      const p = yPred.data[j];
      inter += t & p;
      union += t | p;
    }
    perSample[i] = union === 0 ? 1 : inter / union;
  }
  return npMean(perSample);
}
