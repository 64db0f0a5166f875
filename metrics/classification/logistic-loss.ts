/** Mean logistic loss + L2 penalty and its gradient for float64 X: scikit-learn 1.9 LinearModelLoss.loss_gradient with HalfBinomialLoss / HalfMultinomialLoss (sklearn/_loss/_loss.pyx.tp). */
import { npSum } from "../numeric.js";
import type { ObjectiveWithGradient } from "./lbfgsb.js";

/** Training data for the loss: X row-major float64 (n × d), class index per row (0..nClasses−1), L2 strength 1/(C·n). */
export interface LogisticData {
  x: Float64Array;
  n: number;
  d: number;
  /** Encoded labels (LabelEncoder order: index into the sorted classes). */
  y: Int32Array;
  nClasses: number;
  l2RegStrength: number;
}

/** HalfBinomialLoss pointwise loss and gradient (sklearn's numerically stable closed form). Writes gradient to out[1]. */
function binomialPoint(yTrue: number, raw: number, out: Float64Array): number {
  let loss: number;
  if (raw <= 0) {
    const e = Math.exp(raw);
    loss = raw <= -37 ? e - yTrue * raw : Math.log1p(e) - yTrue * raw;
    out[1] = ((1 - yTrue) * e - yTrue) / (1 + e);
  } else {
    const e = Math.exp(-raw);
    loss = raw <= 18 ? Math.log1p(e) + (1 - yTrue) * raw : e + (1 - yTrue) * raw;
    out[1] = (1 - yTrue - yTrue * e) / (1 + e);
  }
  return loss;
}

/**
 * Binary objective (coef = [w_0..w_{d−1}, intercept], positive class = index 1): f = mean(loss) + ½·l2·‖w‖²,
 * gradient X'·(g/n) + l2·w and Σ(g/n) for the intercept.
 */
export function binomialObjective(data: LogisticData): ObjectiveWithGradient {
  const { x, n, d, y, l2RegStrength } = data;
  const lossPt = new Float64Array(n);
  const gp = new Float64Array(n);
  const tmp = new Float64Array(2);
  return (coef, grad) => {
    const intercept = coef[d];
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let raw = 0;
      for (let j = 0; j < d; j++) raw += x[o + j] * coef[j];
      raw += intercept;
      lossPt[i] = binomialPoint(y[i] === 1 ? 1 : 0, raw, tmp);
      gp[i] = tmp[1];
    }
    let loss = npSum(lossPt) / n;
    let ww = 0;
    for (let j = 0; j < d; j++) ww += coef[j] * coef[j];
    loss += 0.5 * l2RegStrength * ww;
    for (let i = 0; i < n; i++) gp[i] /= n;
    grad.fill(0, 0, d);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      const gi = gp[i];
      for (let j = 0; j < d; j++) grad[j] += x[o + j] * gi;
    }
    for (let j = 0; j < d; j++) grad[j] += l2RegStrength * coef[j];
    grad[d] = npSum(gp);
    return loss;
  };
}

/**
 * Multinomial objective. coef is the F-order ravel of the (K × (d+1)) matrix: coef[j·K + k] is feature j of class k,
 * coef[d·K + k] the intercept of class k (sklearn's layout, classes contiguous).
 */
export function multinomialObjective(data: LogisticData): ObjectiveWithGradient {
  const { x, n, d, y, nClasses: K, l2RegStrength } = data;
  const lossPt = new Float64Array(n);
  const gp = new Float64Array(n * K);
  const raw = new Float64Array(K);
  // Class-major copies (K × d) so the hot loops run over contiguous length-d rows; sums keep sklearn's j / i order.
  const wT = new Float64Array(K * d);
  const gT = new Float64Array(K * d);
  return (coef, grad) => {
    const io = d * K;
    for (let j = 0; j < d; j++) for (let k = 0; k < K; k++) wT[k * d + j] = coef[j * K + k];
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let k = 0;
      for (; k + 4 <= K; k += 4) {
        // Four classes per pass over the row (each sum still runs j = 0..d−1 in order).
        const w0 = k * d;
        const w1 = w0 + d;
        const w2 = w1 + d;
        const w3 = w2 + d;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = 0; j < d; j++) {
          const xv = x[o + j];
          s0 += xv * wT[w0 + j];
          s1 += xv * wT[w1 + j];
          s2 += xv * wT[w2 + j];
          s3 += xv * wT[w3 + j];
        }
        raw[k] = s0 + coef[io + k];
        raw[k + 1] = s1 + coef[io + k + 1];
        raw[k + 2] = s2 + coef[io + k + 2];
        raw[k + 3] = s3 + coef[io + k + 3];
      }
      for (; k < K; k++) {
        const wo = k * d;
        let s = 0;
        for (let j = 0; j < d; j++) s += x[o + j] * wT[wo + j];
        raw[k] = s + coef[io + k];
      }
      lossPt[i] = multinomialPoint(raw, y[i], gp, i * K);
    }
    let loss = npSum(lossPt) / n;
    let ww = 0;
    for (let j = 0; j < d * K; j++) ww += coef[j] * coef[j];
    loss += 0.5 * l2RegStrength * ww;
    for (let t = 0; t < n * K; t++) gp[t] /= n;
    gT.fill(0);
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      const go = i * K;
      let k = 0;
      for (; k + 4 <= K; k += 4) {
        const g0 = gp[go + k];
        const g1 = gp[go + k + 1];
        const g2 = gp[go + k + 2];
        const g3 = gp[go + k + 3];
        const w0 = k * d;
        const w1 = w0 + d;
        const w2 = w1 + d;
        const w3 = w2 + d;
        for (let j = 0; j < d; j++) {
          const xv = x[o + j];
          gT[w0 + j] += g0 * xv;
          gT[w1 + j] += g1 * xv;
          gT[w2 + j] += g2 * xv;
          gT[w3 + j] += g3 * xv;
        }
      }
      for (; k < K; k++) {
        const gik = gp[go + k];
        const wo = k * d;
        for (let j = 0; j < d; j++) gT[wo + j] += gik * x[o + j];
      }
      for (let c = 0; c < K; c++) grad[io + c] += gp[go + c];
    }
    for (let j = 0; j < d; j++)
      for (let k = 0; k < K; k++) grad[j * K + k] = gT[k * d + j] + l2RegStrength * coef[j * K + k];
    return loss;
  };
}

/** HalfMultinomialLoss for one sample: loss = logΣexp(raw) − raw[y]; gradient softmax − onehot written to gp[go..]. */
function multinomialPoint(raw: Float64Array, yi: number, gp: Float64Array, go: number): number {
  const K = raw.length;
  let max = raw[0];
  for (let k = 1; k < K; k++) if (raw[k] > max) max = raw[k];
  let sumExps = 0;
  for (let k = 0; k < K; k++) {
    const p = Math.exp(raw[k] - max);
    gp[go + k] = p;
    sumExps += p;
  }
  let loss = Math.log(sumExps) + max;
  for (let k = 0; k < K; k++) {
    if (yi === k) loss -= raw[k];
    const p = gp[go + k] / sumExps;
    gp[go + k] = yi === k ? p - 1 : p;
  }
  return loss;
}

/** Softmax of one row of decision values as sklearn.utils.extmath.softmax (max-shifted exp, divide by the sum). */
export function softmaxRow(scores: Float64Array, out: Float64Array): void {
  const K = scores.length;
  let max = scores[0];
  for (let k = 1; k < K; k++) if (scores[k] > max) max = scores[k];
  let s = 0;
  for (let k = 0; k < K; k++) {
    out[k] = Math.exp(scores[k] - max);
    s += out[k];
  }
  for (let k = 0; k < K; k++) out[k] /= s;
}
