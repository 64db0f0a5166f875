/** Dense MiniBatchKMeans kernels: nearest-centre labels + inertia and the mini-batch centre update; reproduces scikit-learn 1.9.1 sklearn/cluster/_k_means_lloyd.pyx (labels), _k_means_common.pyx (_inertia_dense) and _k_means_minibatch.pyx, float32 emulated with Math.fround. */
import type { FloatArray } from "../matrix.js";

/** Reusable buffers for nearest-centre assignment. */
export interface Work {
  cnorm: Float64Array;
  cabs: Float64Array;
  vals: Float64Array;
}

/**
 * `_labels_inertia`: labels by argmin of `‖c‖² − 2x·c` (float32 sgemm emulated as a sequential FMA dot),
 * inertia as `_inertia_dense` (unrolled-by-4 squared distance, sequential accumulation in the dtype).
 * Rows `[0, n)` of `xd` (row-major, `d` columns) are assigned; `labels` is filled.
 *
 * For float32 the argmin is first found in float64 and only re-done with the float32 emulation when a
 * rigorous rounding bound cannot certify that both give the same (strict) winner, so labels are identical
 * to the emulation at a fraction of its cost.
 */
export function labelsInertia(
  xd: FloatArray,
  n: number,
  d: number,
  centers: FloatArray,
  k: number,
  f32: boolean,
  labels: Int32Array,
  work?: Work,
): number {
  const cnorm = work?.cnorm ?? new Float64Array(k);
  const cabs = work?.cabs ?? new Float64Array(k);
  const vals = work?.vals ?? new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    const o = j * d;
    for (let t = 0; t < d; t++) s += centers[o + t] * centers[o + t];
    cnorm[j] = f32 ? Math.fround(s) : s;
    cabs[j] = Math.sqrt(s) * (1 + 1e-6);
  }
  // |float32 emulation − float64| ≤ G·‖x‖·‖c‖ + V·|value| (Higham γ_d for both dots, plus the final rounding)
  const certify = f32 && d * 2 ** -24 < 0.01;
  const G = 2.1 * (d + 2) * 2 ** -24;
  const V = 1.1 * 2 ** -24;
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const xo = i * d;
    let best = 0;
    if (certify) {
      let xx = 0;
      for (let t = 0; t < d; t++) xx += xd[xo + t] * xd[xo + t];
      const xn = Math.sqrt(xx) * (1 + 1e-6);
      for (let j = 0; j < k; j++) {
        vals[j] = cnorm[j] - 2 * dot4(xd, xo, centers, j * d, d);
        if (vals[j] < vals[best]) best = j;
      }
      const bb = G * xn * cabs[best] + V * Math.abs(vals[best]);
      let certain = true;
      for (let j = 0; j < k && certain; j++) {
        if (j !== best && !(vals[j] - vals[best] > bb + G * xn * cabs[j] + V * Math.abs(vals[j])))
          certain = false;
      }
      if (!certain) best = nearestEmulated(xd, xo, centers, cnorm, k, d);
    } else if (f32) {
      best = nearestEmulated(xd, xo, centers, cnorm, k, d);
    } else {
      let bestVal = 0;
      for (let j = 0; j < k; j++) {
        const co = j * d;
        let acc = 0;
        for (let t = 0; t < d; t++) acc += xd[xo + t] * centers[co + t];
        acc = cnorm[j] + -2 * acc;
        if (j === 0 || acc < bestVal) {
          bestVal = acc;
          best = j;
        }
      }
    }
    labels[i] = best;
    inertia = f32
      ? Math.fround(inertia + sqDistF32(xd, xo, centers, best * d, d))
      : inertia + sqDistF64(xd, xo, centers, best * d, d);
  }
  return inertia;
}

/** Float64 dot product with four independent accumulators (only used where its error is bounded). */
function dot4(a: FloatArray, ao: number, b: FloatArray, bo: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (; t + 3 < d; t += 4) {
    s0 += a[ao + t] * b[bo + t];
    s1 += a[ao + t + 1] * b[bo + t + 1];
    s2 += a[ao + t + 2] * b[bo + t + 2];
    s3 += a[ao + t + 3] * b[bo + t + 3];
  }
  for (; t < d; t++) s0 += a[ao + t] * b[bo + t];
  return s0 + s1 + (s2 + s3);
}

/** Argmin of `fl32(‖c‖² − 2·dot)` with the dot accumulated as float32 FMAs (OpenBLAS sgemm kernel order). */
function nearestEmulated(
  xd: FloatArray,
  xo: number,
  centers: FloatArray,
  cnorm: Float64Array,
  k: number,
  d: number,
): number {
  let best = 0;
  let bestVal = 0;
  for (let j = 0; j < k; j++) {
    const co = j * d;
    let acc = 0;
    for (let t = 0; t < d; t++) acc = Math.fround(acc + xd[xo + t] * centers[co + t]);
    acc = Math.fround(cnorm[j] + -2 * acc);
    if (j === 0 || acc < bestVal) {
      bestVal = acc;
      best = j;
    }
  }
  return best;
}

/** `_euclidean_dense_dense(a, b, squared=True)` in float32: blocks of 4 summed left to right, then the rest. */
function sqDistF32(a: FloatArray, ao: number, b: FloatArray, bo: number, d: number): number {
  const r = Math.fround;
  let result = 0;
  let t = 0;
  for (; t + 3 < d; t += 4) {
    const d0 = r(a[ao + t] - b[bo + t]);
    const d1 = r(a[ao + t + 1] - b[bo + t + 1]);
    const d2 = r(a[ao + t + 2] - b[bo + t + 2]);
    const d3 = r(a[ao + t + 3] - b[bo + t + 3]);
    result = r(result + r(r(r(r(d0 * d0) + r(d1 * d1)) + r(d2 * d2)) + r(d3 * d3)));
  }
  for (; t < d; t++) {
    const di = r(a[ao + t] - b[bo + t]);
    result = r(result + r(di * di));
  }
  return result;
}

/** `_euclidean_dense_dense(a, b, squared=True)` in float64 (same association). */
function sqDistF64(a: FloatArray, ao: number, b: FloatArray, bo: number, d: number): number {
  let result = 0;
  let t = 0;
  for (; t + 3 < d; t += 4) {
    const d0 = a[ao + t] - b[bo + t];
    const d1 = a[ao + t + 1] - b[bo + t + 1];
    const d2 = a[ao + t + 2] - b[bo + t + 2];
    const d3 = a[ao + t + 3] - b[bo + t + 3];
    result += d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
  }
  for (; t < d; t++) {
    const di = a[ao + t] - b[bo + t];
    result += di * di;
  }
  return result;
}

/** `_minibatch_update_dense` with unit weights: count-weighted running means, in the dtype. */
export function minibatchUpdate(
  xb: FloatArray,
  nb: number,
  d: number,
  labels: Int32Array,
  oldC: FloatArray,
  newC: FloatArray,
  counts: FloatArray,
  k: number,
  f32: boolean,
): void {
  const r = f32 ? Math.fround : (v: number) => v;
  for (let j = 0; j < k; j++) {
    const co = j * d;
    let wsum = 0;
    for (let i = 0; i < nb; i++) if (labels[i] === j) wsum += 1;
    if (wsum > 0) {
      for (let t = 0; t < d; t++) newC[co + t] = oldC[co + t] * counts[j];
      for (let i = 0; i < nb; i++) {
        if (labels[i] !== j) continue;
        const xo = i * d;
        for (let t = 0; t < d; t++) newC[co + t] += xb[xo + t];
      }
      counts[j] += wsum;
      const alpha = r(1 / counts[j]);
      for (let t = 0; t < d; t++) newC[co + t] *= alpha;
    } else {
      for (let t = 0; t < d; t++) newC[co + t] = oldC[co + t];
    }
  }
}
