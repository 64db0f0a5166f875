/** The float32 logistic objectives of logistic-loss-f32.ts with X·Wᵀ and Gᵀ·X on a float32 Gemm (onnxruntime's MLAS sgemm, as sklearn 1.9 runs them on BLAS sgemm); the pointwise loss and every other step are shared. */
import type { GemmKernel } from "../kernels/onnx-gemm.js";
import { npSumF32 } from "../numeric.js";
import type { AsyncObjectiveWithGradient } from "./lbfgsb.js";
import type { LogisticData } from "./logistic-loss.js";
import { binomialPointF32, meanLossF32, multinomialPointF32 } from "./logistic-loss-f32.js";

const f = Math.fround;

/** Row-major float32 X (n × d) and its transpose (d × n), built once per fit. */
function bothLayouts(data: LogisticData): { x: Float32Array; xT: Float32Array } {
  const { n, d } = data;
  const x = Float32Array.from(data.x);
  const xT = new Float32Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) xT[j * n + i] = x[i * d + j];
  return { x, xT };
}

/** Binary objective (coef = [w, intercept]) with raw = X·w and X'·g as sgemm products. */
export function binomialObjectiveGemm(
  data: LogisticData,
  gemm: GemmKernel<Float32Array>,
): AsyncObjectiveWithGradient {
  const { n, d, y, l2RegStrength } = data;
  const { x, xT } = bothLayouts(data);
  const w32 = new Float32Array(d);
  const lossPt = new Float32Array(n);
  const gp = new Float32Array(n);
  const nf = f(n);
  return async (coef, grad) => {
    for (let j = 0; j < d; j++) w32[j] = coef[j];
    const b = f(coef[d]);
    const raw = await gemm.run(x, n, w32, 1, d);
    for (let i = 0; i < n; i++) binomialPointF32(f(raw[i] + b), y[i] === 1 ? 1 : 0, lossPt, gp, i);
    const loss = meanLossF32(lossPt, nf, coef, d, l2RegStrength);
    for (let i = 0; i < n; i++) gp[i] = gp[i] / nf;
    const gacc = await gemm.run(gp, 1, xT, d, n);
    for (let j = 0; j < d; j++) grad[j] = gacc[j] + l2RegStrength * coef[j];
    grad[d] = npSumF32(gp);
    return loss;
  };
}

/** Multinomial objective (F-order coef) with raw = X·Wᵀ and Gᵀ·X as sgemm products. */
export function multinomialObjectiveGemm(
  data: LogisticData,
  gemm: GemmKernel<Float32Array>,
): AsyncObjectiveWithGradient {
  const { n, d, y, nClasses: K, l2RegStrength } = data;
  const { x, xT } = bothLayouts(data);
  const wT = new Float32Array(K * d);
  const b32 = new Float32Array(K);
  const p = new Float32Array(K);
  const lossPt = new Float32Array(n);
  const gp = new Float32Array(n * K);
  const gpT = new Float32Array(K * n);
  const icpt = new Float32Array(K);
  const nf = f(n);
  return async (coef, grad) => {
    const io = d * K;
    for (let j = 0; j < d; j++) for (let k = 0; k < K; k++) wT[k * d + j] = coef[j * K + k];
    for (let k = 0; k < K; k++) b32[k] = coef[io + k];
    const raw = await gemm.run(x, n, wT, K, d);
    for (let i = 0; i < n; i++) {
      const o = i * K;
      for (let k = 0; k < K; k++) raw[o + k] = raw[o + k] + b32[k];
      lossPt[i] = multinomialPointF32(raw, o, K, y[i], p, gp, o);
    }
    const loss = meanLossF32(lossPt, nf, coef, io, l2RegStrength);
    icpt.fill(0);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) {
        const g = f(gp[i * K + k] / nf);
        gp[i * K + k] = g;
        gpT[k * n + i] = g;
        icpt[k] += g;
      }
    }
    const gT = await gemm.run(gpT, K, xT, d, n);
    for (let j = 0; j < d; j++)
      for (let k = 0; k < K; k++) grad[j * K + k] = gT[k * d + j] + l2RegStrength * coef[j * K + k];
    for (let k = 0; k < K; k++) grad[io + k] = icpt[k];
    return loss;
  };
}
