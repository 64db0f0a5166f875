/**
 * The exact score kernel: a·bᵀ with each dot product summed in float64 sequentially over k (products of float32
 * values are exact in float64) and rounded once on store — bit for bit the order of embeddeval's reference loop
 * (`s += a[k]·b[k]`), register-blocked 4 rows × 2 columns so each loaded value feeds several sums. It stands for
 * torch's float32 `a @ b.T` (mteb similarity_functions.py) up to BLAS's own ~1-ulp summation-order noise.
 */
import type { FloatArray } from "../matrix.js";

/** One dot product `Σₖ a[ao+k]·b[bo+k]` in float64, sequential k (unrounded). */
export function dotF64(a: FloatArray, ao: number, b: FloatArray, bo: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += a[ao + k] * b[bo + k];
  return s;
}

/**
 * `out[(outOffset) + i·ldo + j] = Σₖ a[i·d+k]·b[j·d+k]` for i < m, j < n (a: m×d, b: n×d row-major), each sum
 * in float64 in k order and rounded by the store into `out` (float32 output rounds once, like the reference loop).
 */
export function matmulTExact(
  a: FloatArray,
  m: number,
  b: FloatArray,
  n: number,
  d: number,
  out: FloatArray,
  ldo = n,
  outOffset = 0,
): void {
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const a0 = i * d;
    const a1 = a0 + d;
    const a2 = a1 + d;
    const a3 = a2 + d;
    const o = outOffset + i * ldo;
    let j = 0;
    for (; j + 2 <= n; j += 2) {
      const b0 = j * d;
      const b1 = b0 + d;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      let s20 = 0;
      let s21 = 0;
      let s30 = 0;
      let s31 = 0;
      for (let k = 0; k < d; k++) {
        const x0 = b[b0 + k];
        const x1 = b[b1 + k];
        const y0 = a[a0 + k];
        const y1 = a[a1 + k];
        const y2 = a[a2 + k];
        const y3 = a[a3 + k];
        s00 += y0 * x0;
        s01 += y0 * x1;
        s10 += y1 * x0;
        s11 += y1 * x1;
        s20 += y2 * x0;
        s21 += y2 * x1;
        s30 += y3 * x0;
        s31 += y3 * x1;
      }
      out[o + j] = s00;
      out[o + j + 1] = s01;
      out[o + ldo + j] = s10;
      out[o + ldo + j + 1] = s11;
      out[o + 2 * ldo + j] = s20;
      out[o + 2 * ldo + j + 1] = s21;
      out[o + 3 * ldo + j] = s30;
      out[o + 3 * ldo + j + 1] = s31;
    }
    for (; j < n; j++) {
      for (let r = 0; r < 4; r++) out[o + r * ldo + j] = dotF64(a, a0 + r * d, b, j * d, d);
    }
  }
  for (; i < m; i++) {
    const o = outOffset + i * ldo;
    for (let j = 0; j < n; j++) out[o + j] = dotF64(a, i * d, b, j * d, d);
  }
}

/**
 * `out[c] = Σₖ a[ao+k]·b[pos[c]·d+k]` for c < count: the rows of b at `pos` against one row of a, four sums
 * interleaved (each still sequential in k, so every value equals `dotF64`).
 */
export function dotsF64(
  a: FloatArray,
  ao: number,
  b: FloatArray,
  pos: ArrayLike<number>,
  count: number,
  d: number,
  out: Float64Array,
): void {
  let c = 0;
  for (; c + 4 <= count; c += 4) {
    const b0 = pos[c] * d;
    const b1 = pos[c + 1] * d;
    const b2 = pos[c + 2] * d;
    const b3 = pos[c + 3] * d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let k = 0; k < d; k++) {
      const x = a[ao + k];
      s0 += x * b[b0 + k];
      s1 += x * b[b1 + k];
      s2 += x * b[b2 + k];
      s3 += x * b[b3 + k];
    }
    out[c] = s0;
    out[c + 1] = s1;
    out[c + 2] = s2;
    out[c + 3] = s3;
  }
  for (; c < count; c++) out[c] = dotF64(a, ao, b, pos[c] * d, d);
}
