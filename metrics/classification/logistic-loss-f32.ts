/** Float32-input logistic loss as scikit-learn 1.9 computes it (array-API lbfgs path: float32 raw predictions, pointwise loss/gradient and sums; sklearn/linear_model/_linear_loss.py, sklearn/_loss/_loss.pyx.tp). */
import { npSumF32 } from "../numeric.js";
import type { ObjectiveWithGradient } from "./lbfgsb.js";
import type { LogisticData } from "./logistic-loss.js";

const f = Math.fround;

/** Row-major float32 copy of the data's X (the values are float32 already when the input was). */
function toF32(x: Float64Array): Float32Array {
  return Float32Array.from(x);
}

/** Binary objective with float32 arithmetic where sklearn has float32 arrays; penalty and result in float64. */
export function binomialObjectiveF32(data: LogisticData): ObjectiveWithGradient {
  const { n, d, y, l2RegStrength } = data;
  const x = toF32(data.x);
  const w32 = new Float32Array(d);
  const lossPt = new Float32Array(n);
  const gp = new Float32Array(n);
  const gacc = new Float32Array(d);
  const nf = f(n);
  return (coef, grad) => {
    for (let j = 0; j < d; j++) w32[j] = coef[j];
    const b = f(coef[d]);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let s = 0;
      for (let j = 0; j < d; j++) s = f(s + f(x[o + j] * w32[j]));
      binomialPointF32(f(s + b), y[i] === 1 ? 1 : 0, lossPt, gp, i);
    }
    const loss = meanLossF32(lossPt, nf, coef, d, l2RegStrength);
    for (let i = 0; i < n; i++) gp[i] = gp[i] / nf;
    // X'·g with float32 accumulation, each feature summed over i in order (stores into gacc round to float32).
    gacc.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      const gi = gp[i];
      for (let j = 0; j < d; j++) gacc[j] += f(x[o + j] * gi);
    }
    for (let j = 0; j < d; j++) grad[j] = gacc[j] + l2RegStrength * coef[j];
    grad[d] = npSumF32(gp);
    return loss;
  };
}

/** Multinomial objective (F-order coef as in logistic-loss.ts) with sklearn's float32 intermediate arrays. */
export function multinomialObjectiveF32(data: LogisticData): ObjectiveWithGradient {
  const { n, d, y, nClasses: K, l2RegStrength } = data;
  const x = toF32(data.x);
  const wT = new Float32Array(K * d);
  const b32 = new Float32Array(K);
  const raw = new Float32Array(K);
  const p = new Float32Array(K);
  const lossPt = new Float32Array(n);
  const gp = new Float32Array(n * K);
  const gT = new Float32Array(K * d);
  const icpt = new Float32Array(K);
  const nf = f(n);
  return (coef, grad) => {
    const io = d * K;
    for (let j = 0; j < d; j++) for (let k = 0; k < K; k++) wT[k * d + j] = coef[j * K + k];
    for (let k = 0; k < K; k++) b32[k] = coef[io + k];
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let k = 0;
      for (; k + 4 <= K; k += 4) {
        // Four classes per pass over the row; each float32 sum still runs j = 0..d−1 in order.
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
          s0 = f(s0 + f(xv * wT[w0 + j]));
          s1 = f(s1 + f(xv * wT[w1 + j]));
          s2 = f(s2 + f(xv * wT[w2 + j]));
          s3 = f(s3 + f(xv * wT[w3 + j]));
        }
        raw[k] = s0 + b32[k];
        raw[k + 1] = s1 + b32[k + 1];
        raw[k + 2] = s2 + b32[k + 2];
        raw[k + 3] = s3 + b32[k + 3];
      }
      for (; k < K; k++) {
        const wo = k * d;
        let s = 0;
        for (let j = 0; j < d; j++) s = f(s + f(x[o + j] * wT[wo + j]));
        raw[k] = s + b32[k];
      }
      lossPt[i] = multinomialPointF32(raw, 0, K, y[i], p, gp, i * K);
    }
    const loss = meanLossF32(lossPt, nf, coef, d * K, l2RegStrength);
    for (let t = 0; t < n * K; t++) gp[t] = gp[t] / nf;
    gT.fill(0);
    icpt.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let k = 0;
      for (; k + 4 <= K; k += 4) {
        const g0 = gp[i * K + k];
        const g1 = gp[i * K + k + 1];
        const g2 = gp[i * K + k + 2];
        const g3 = gp[i * K + k + 3];
        const w0 = k * d;
        const w1 = w0 + d;
        const w2 = w1 + d;
        const w3 = w2 + d;
        for (let j = 0; j < d; j++) {
          const xv = x[o + j];
          gT[w0 + j] += f(g0 * xv);
          gT[w1 + j] += f(g1 * xv);
          gT[w2 + j] += f(g2 * xv);
          gT[w3 + j] += f(g3 * xv);
        }
      }
      for (; k < K; k++) {
        const gik = gp[i * K + k];
        const wo = k * d;
        for (let j = 0; j < d; j++) gT[wo + j] += f(gik * x[o + j]);
      }
      for (let c = 0; c < K; c++) icpt[c] += gp[i * K + c];
    }
    for (let j = 0; j < d; j++)
      for (let k = 0; k < K; k++) grad[j * K + k] = gT[k * d + j] + l2RegStrength * coef[j * K + k];
    for (let k = 0; k < K; k++) grad[io + k] = icpt[k];
    return loss;
  };
}

/** HalfBinomialLoss at float32 `raw` for label `yt` (sklearn's stable closed form); stores loss and gradient at `i`. */
export function binomialPointF32(
  raw: number,
  yt: number,
  lossPt: Float32Array,
  gp: Float32Array,
  i: number,
): void {
  if (raw <= 0) {
    const e = Math.exp(raw);
    lossPt[i] = raw <= -37 ? e - yt * raw : Math.log1p(e) - yt * raw;
    gp[i] = ((1 - yt) * e - yt) / (1 + e);
  } else {
    const e = Math.exp(-raw);
    lossPt[i] = raw <= 18 ? Math.log1p(e) + (1 - yt) * raw : e + (1 - yt) * raw;
    gp[i] = (1 - yt - yt * e) / (1 + e);
  }
}

/**
 * HalfMultinomialLoss of one sample with float32 intermediates: `raw[ro .. ro+K)` are its raw predictions, `p` a
 * K-long scratch; writes softmax − onehot to `gp[go .. go+K)` and returns the float32 loss.
 */
export function multinomialPointF32(
  raw: Float32Array,
  ro: number,
  K: number,
  yi: number,
  p: Float32Array,
  gp: Float32Array,
  go: number,
): number {
  let max = raw[ro];
  for (let k = 1; k < K; k++) if (max < raw[ro + k]) max = raw[ro + k];
  let sumExps = 0;
  for (let k = 0; k < K; k++) {
    p[k] = Math.exp(raw[ro + k] - max);
    sumExps += p[k];
  }
  const se = f(sumExps);
  let l = f(Math.log(se) + max);
  for (let k = 0; k < K; k++) {
    if (yi === k) l = f(l - raw[ro + k]);
    const pk = f(p[k] / se);
    gp[go + k] = yi === k ? pk - 1 : pk;
  }
  return l;
}

/** float32 mean of the pointwise losses plus the float64 penalty ½·l2·Σ coef[0..m)². */
export function meanLossF32(
  lossPt: Float32Array,
  nf: number,
  coef: Float64Array,
  m: number,
  l2: number,
): number {
  let ww = 0;
  for (let j = 0; j < m; j++) ww += coef[j] * coef[j];
  return f(npSumF32(lossPt) / nf) + 0.5 * l2 * ww;
}
