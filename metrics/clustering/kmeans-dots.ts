/** Float64 row·centre dot products for k-means: a register-tiled JS kernel (2 rows × 4 centres) and a BLAS dgemm driver; any summation order, so callers bound its error. */
import type { GemmKernel } from "../kernels/onnx-gemm.js";
import type { FloatArray } from "../matrix.js";

/** A request for `out[r·k + j] = x[row0 + r] · centers[j]` (float64), r < rows, j < k. */
export interface DotsRequest {
  x: FloatArray;
  row0: number;
  rows: number;
  d: number;
  centers: FloatArray;
  k: number;
  out: Float64Array;
  /** Optional float64 copy of `centers` (rows 0 .. k−1) that a BLAS driver may use instead of widening them. */
  centersF64?: Float64Array;
  /** The caller's error bound also covers float32 products (any order) of float32 inputs: sgemm may be used. */
  float32Ok?: boolean;
}

/** Below this many multiply-adds a request is computed in JS (a Gemm call costs ~0.1 ms of overhead). */
const MIN_GEMM_WORK = 200_000;

/** Runs a generator to completion, filling each dots request with the JS kernel. */
export function runDotsSync<R>(steps: Generator<DotsRequest, R, void>): R {
  for (;;) {
    const it = steps.next();
    if (it.done) return it.value;
    const q = it.value;
    centreDots(q.x, q.row0, q.rows, q.d, q.centers, q.k, q.out);
  }
}

/**
 * Runs a generator to completion, filling large dots requests with a float64 Gemm (onnxruntime's MLAS dgemm):
 * rows and centres are widened to float64 (exact), so only the summation order differs from `centreDots`.
 * `minWork` (multiply-adds) below which the JS kernel is used; 0 sends every request to the Gemm. With `sgemm`,
 * requests marked `float32Ok` with float32 data go to it as they are (no widening copies).
 */
export async function runDotsGemm<R>(
  steps: Generator<DotsRequest, R, void>,
  gemm: GemmKernel<Float64Array>,
  minWork = MIN_GEMM_WORK,
  sgemm?: GemmKernel<Float32Array>,
): Promise<R> {
  let xb = new Float64Array(0);
  let cb = new Float64Array(0);
  for (;;) {
    const it = steps.next();
    if (it.done) return it.value;
    const q = it.value;
    if (q.rows * q.k * q.d < minWork) {
      centreDots(q.x, q.row0, q.rows, q.d, q.centers, q.k, q.out);
      continue;
    }
    if (sgemm && q.float32Ok && q.x instanceof Float32Array && q.centers instanceof Float32Array) {
      const x = q.x.subarray(q.row0 * q.d, (q.row0 + q.rows) * q.d);
      q.out.set((await sgemm.run(x, q.rows, q.centers, q.k, q.d)).subarray(0, q.rows * q.k));
      continue;
    }
    if (xb.length < q.rows * q.d) xb = new Float64Array(q.rows * q.d);
    xb.set(q.x.subarray(q.row0 * q.d, (q.row0 + q.rows) * q.d));
    let c = q.centersF64;
    if (!c) {
      if (cb.length < q.k * q.d) cb = new Float64Array(q.k * q.d);
      cb.set(q.centers.subarray(0, q.k * q.d));
      c = cb;
    }
    const y = await gemm.run(xb, q.rows, c, q.k, q.d);
    q.out.set(y.subarray(0, q.rows * q.k));
  }
}

/**
 * `out[r·k + j] = Σₜ x[(row0 + r)·d + t] · c[j·d + t]` in float64 for rows `row0 .. row0 + rows − 1` and all `k`
 * centres. Each x value is loaded once per 4 centres and each centre value once per 2 rows.
 */
export function centreDots(
  x: FloatArray,
  row0: number,
  rows: number,
  d: number,
  c: FloatArray,
  k: number,
  out: Float64Array,
): void {
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const a0 = (row0 + r) * d;
    const a1 = a0 + d;
    const o0 = r * k;
    const o1 = o0 + k;
    let j = 0;
    for (; j + 3 < k; j += 4) {
      const b0 = j * d;
      const b1 = b0 + d;
      const b2 = b1 + d;
      const b3 = b2 + d;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let t = 0; t < d; t++) {
        const u = x[a0 + t];
        const v = x[a1 + t];
        const c0 = c[b0 + t];
        const c1 = c[b1 + t];
        const c2 = c[b2 + t];
        const c3 = c[b3 + t];
        s00 += u * c0;
        s01 += u * c1;
        s02 += u * c2;
        s03 += u * c3;
        s10 += v * c0;
        s11 += v * c1;
        s12 += v * c2;
        s13 += v * c3;
      }
      out[o0 + j] = s00;
      out[o0 + j + 1] = s01;
      out[o0 + j + 2] = s02;
      out[o0 + j + 3] = s03;
      out[o1 + j] = s10;
      out[o1 + j + 1] = s11;
      out[o1 + j + 2] = s12;
      out[o1 + j + 3] = s13;
    }
    for (; j < k; j++) {
      const b = j * d;
      let s0 = 0;
      let s1 = 0;
      for (let t = 0; t < d; t++) {
        const cv = c[b + t];
        s0 += x[a0 + t] * cv;
        s1 += x[a1 + t] * cv;
      }
      out[o0 + j] = s0;
      out[o1 + j] = s1;
    }
  }
  if (r < rows) oneRow(x, (row0 + r) * d, d, c, k, out, r * k);
}

/** The last odd row: 4 centres per pass. */
function oneRow(
  x: FloatArray,
  a: number,
  d: number,
  c: FloatArray,
  k: number,
  out: Float64Array,
  o: number,
): void {
  let j = 0;
  for (; j + 3 < k; j += 4) {
    const b0 = j * d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let t = 0; t < d; t++) {
      const u = x[a + t];
      s0 += u * c[b0 + t];
      s1 += u * c[b0 + d + t];
      s2 += u * c[b0 + 2 * d + t];
      s3 += u * c[b0 + 3 * d + t];
    }
    out[o + j] = s0;
    out[o + j + 1] = s1;
    out[o + j + 2] = s2;
    out[o + j + 3] = s3;
  }
  for (; j < k; j++) {
    const b = j * d;
    let s = 0;
    for (let t = 0; t < d; t++) s += x[a + t] * c[b + t];
    out[o + j] = s;
  }
}
