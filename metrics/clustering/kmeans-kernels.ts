/** Dense MiniBatchKMeans kernels: nearest-centre labels + inertia and the mini-batch centre update; reproduces scikit-learn 1.9.1 sklearn/cluster/_k_means_lloyd.pyx (labels), _k_means_common.pyx (_inertia_dense) and _k_means_minibatch.pyx, float32 emulated with Math.fround. */
import { minibatchUpdateF32Wasm } from "../kernels/wasm/kernels.js";
import type { FloatArray } from "../matrix.js";
import { type DotsRequest, runDotsSync } from "./kmeans-dots.js";
import { inertiaOf } from "./kmeans-inertia.js";

/** Rows per request of float64 dot products (CHUNK × k values). */
const CHUNK = 2048;

/** Reusable buffers for nearest-centre assignment. */
export interface Work {
  cnorm: Float64Array;
  cabs: Float64Array;
  vals: Float64Array;
}

/** `labelsInertia` as a generator: it yields its float64 dot products as requests and returns the inertia. */
export type LabelsInertiaSteps = Generator<DotsRequest, number, void>;

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
  return runDotsSync(labelsInertiaSteps(xd, n, d, centers, k, f32, labels, work));
}

/**
 * `labelsInertia` whose float64 dot products (float32 input only) are yielded as `DotsRequest`s of up to CHUNK
 * rows for a driver to fill (`runDotsSync`, or `runDotsGemm` with BLAS); the labels do not depend on the
 * driver's summation order, because the certification bound covers any float64 order. `normBounds[i]`, when
 * given, is `rowNormBounds` of row i (saves recomputing the norms of rows assigned again and again);
 * `skipInertia` returns NaN instead of the inertia (for callers that compute it later with `inertiaOf`).
 */
export function* labelsInertiaSteps(
  xd: FloatArray,
  n: number,
  d: number,
  centers: FloatArray,
  k: number,
  f32: boolean,
  labels: Int32Array,
  work?: Work,
  normBounds?: Float64Array,
  skipInertia = false,
): LabelsInertiaSteps {
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
  // |float32 emulation − ours| ≤ G·‖x‖·‖c‖ + V·|value|: the emulated dot and ours (float64, or a float32 sgemm,
  // any summation order) are each within γ_d·‖x‖‖c‖ of the exact dot (Higham §3.1), doubled by the −2, plus
  // the emulation's final rounding
  const certify = f32 && d * 2 ** -24 < 0.01;
  const G = 4.2 * (d + 2) * 2 ** -24;
  const V = 1.1 * 2 ** -24;
  const dots = certify ? new Float64Array(Math.min(CHUNK, n) * k) : vals;
  for (let i = 0; i < n; i++) {
    const xo = i * d;
    let best = 0;
    if (certify) {
      if (i % CHUNK === 0)
        yield { x: xd, row0: i, rows: Math.min(CHUNK, n - i), d, centers, k, out: dots, float32Ok: true };
      const dOff = (i % CHUNK) * k;
      const xn = normBounds ? normBounds[i] : Math.sqrt(sqNorm(xd, xo, d)) * (1 + 1e-6);
      for (let j = 0; j < k; j++) {
        vals[j] = cnorm[j] - 2 * dots[dOff + j];
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
  }
  return skipInertia ? Number.NaN : inertiaOf(xd, n, d, centers, labels, f32);
}

/** Upper bounds ‖xᵢ‖·(1 + 10⁻⁶) of the row norms, as `labelsInertiaSteps` takes them (`normBounds`). */
export function rowNormBounds(xd: FloatArray, n: number, d: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(sqNorm(xd, i * d, d)) * (1 + 1e-6);
  return out;
}

/** ‖row‖² in float64 with four accumulators (only used with a relative safety margin). */
function sqNorm(x: FloatArray, o: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (; t + 3 < d; t += 4) {
    s0 += x[o + t] * x[o + t];
    s1 += x[o + t + 1] * x[o + t + 1];
    s2 += x[o + t + 2] * x[o + t + 2];
    s3 += x[o + t + 3] * x[o + t + 3];
  }
  for (; t < d; t++) s0 += x[o + t] * x[o + t];
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

/** `_minibatch_update_dense` with unit weights: count-weighted running means, in the dtype (float32 on the wasm kernel when it can). */
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
  const all32 = xb instanceof Float32Array && oldC instanceof Float32Array && newC instanceof Float32Array;
  if (f32 && all32 && counts instanceof Float32Array) {
    // the same float32 operations in the same order (bit-identical); JS when unavailable
    if (minibatchUpdateF32Wasm(xb, nb, d, labels, oldC, newC, counts, k)) return;
  }
  minibatchUpdateJs(xb, nb, d, labels, oldC, newC, counts, k, f32);
}

/** `minibatchUpdate`'s JavaScript path (Math.fround emulation for float32; exported for the wasm parity tests). */
export function minibatchUpdateJs(
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
  const members = new Int32Array(nb);
  for (let j = 0; j < k; j++) {
    const co = j * d;
    let wsum = 0;
    for (let i = 0; i < nb; i++) if (labels[i] === j) wsum += 1;
    if (wsum > 0) {
      for (let t = 0; t < d; t++) newC[co + t] = oldC[co + t] * counts[j];
      let m = 0;
      for (let i = 0; i < nb; i++) if (labels[i] === j) members[m++] = i * d;
      addRows(xb, members, m, d, newC, co, f32);
      counts[j] += wsum;
      const alpha = r(1 / counts[j]);
      for (let t = 0; t < d; t++) newC[co + t] *= alpha;
    } else {
      for (let t = 0; t < d; t++) newC[co + t] = oldC[co + t];
    }
  }
}

/**
 * `c[co + t] += x[row + t]` for the member rows in order, rounding after every addition in the dtype (two rows per
 * pass over `c`, so it is loaded and stored half as often; the additions stay in row order).
 */
function addRows(
  x: FloatArray,
  rows: Int32Array,
  m: number,
  d: number,
  c: FloatArray,
  co: number,
  f32: boolean,
): void {
  let p = 0;
  if (f32) {
    const r = Math.fround;
    for (; p + 1 < m; p += 2) {
      const a = rows[p];
      const b = rows[p + 1];
      for (let t = 0; t < d; t++) c[co + t] = r(r(c[co + t] + x[a + t]) + x[b + t]);
    }
  } else {
    for (; p + 1 < m; p += 2) {
      const a = rows[p];
      const b = rows[p + 1];
      for (let t = 0; t < d; t++) c[co + t] = c[co + t] + x[a + t] + x[b + t];
    }
  }
  if (p < m) {
    const a = rows[p];
    for (let t = 0; t < d; t++) c[co + t] += x[a + t];
  }
}
