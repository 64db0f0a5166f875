/** k-means inertia as scikit-learn 1.9.1 _k_means_common.pyx `_inertia_dense` computes it: per-row squared distances `_euclidean_dense_dense` (blocks of 4, then the tail) summed in row order, float32 emulated with Math.fround. */
import { inertiaF32Wasm } from "../kernels/wasm/kernels.js";
import type { FloatArray } from "../matrix.js";

/** `_inertia_dense` of rows `[0, n)` of `xd` for given labels (float32 rounding for float32 input). */
export function inertiaOf(
  xd: FloatArray,
  n: number,
  d: number,
  centers: FloatArray,
  labels: Int32Array,
  f32: boolean,
): number {
  if (f32) {
    // the wasm kernel does the same float32 operations in the same order (bit-identical); JS when unavailable
    if (xd instanceof Float32Array && centers instanceof Float32Array) {
      const v = inertiaF32Wasm(xd, n, d, centers, labels);
      if (v !== undefined) return v;
    }
    return inertiaF32(xd, n, d, centers, labels);
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += sqDistF64(xd, i * d, centers, labels[i] * d, d);
  return inertia;
}

/**
 * `_inertia_dense` in float32: Σᵢ fl32 ‖xᵢ − c_{labelᵢ}‖² summed in row order, each distance as `sqDistF32`.
 * Four rows' distances are computed side by side (independent rounding chains, so more of them in flight).
 * The JavaScript path (exported for the wasm kernel's parity tests; `inertiaOf` dispatches).
 */
export function inertiaF32(x: FloatArray, n: number, d: number, c: FloatArray, labels: Int32Array): number {
  const r = Math.fround;
  let inertia = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a0 = i * d;
    const a1 = a0 + d;
    const a2 = a1 + d;
    const a3 = a2 + d;
    const b0 = labels[i] * d;
    const b1 = labels[i + 1] * d;
    const b2 = labels[i + 2] * d;
    const b3 = labels[i + 3] * d;
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    let t = 0;
    for (; t + 3 < d; t += 4) {
      r0 = r(r0 + block4(x, a0 + t, c, b0 + t));
      r1 = r(r1 + block4(x, a1 + t, c, b1 + t));
      r2 = r(r2 + block4(x, a2 + t, c, b2 + t));
      r3 = r(r3 + block4(x, a3 + t, c, b3 + t));
    }
    for (; t < d; t++) {
      r0 = r(r0 + sq(x[a0 + t] - c[b0 + t]));
      r1 = r(r1 + sq(x[a1 + t] - c[b1 + t]));
      r2 = r(r2 + sq(x[a2 + t] - c[b2 + t]));
      r3 = r(r3 + sq(x[a3 + t] - c[b3 + t]));
    }
    inertia = r(r(r(r(inertia + r0) + r1) + r2) + r3);
  }
  for (; i < n; i++) inertia = r(inertia + sqDistF32(x, i * d, c, labels[i] * d, d));
  return inertia;
}

/** fl32(fl32(v)²) for a float64 difference v of two float32 values. */
function sq(v: number): number {
  const f = Math.fround(v);
  return Math.fround(f * f);
}

/** One 4-wide block of `sqDistF32`: ((d0² + d1²) + d2²) + d3², every step rounded to float32. */
function block4(a: FloatArray, ao: number, b: FloatArray, bo: number): number {
  const r = Math.fround;
  const d0 = r(a[ao] - b[bo]);
  const d1 = r(a[ao + 1] - b[bo + 1]);
  const d2 = r(a[ao + 2] - b[bo + 2]);
  const d3 = r(a[ao + 3] - b[bo + 3]);
  return r(r(r(r(d0 * d0) + r(d1 * d1)) + r(d2 * d2)) + r(d3 * d3));
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
