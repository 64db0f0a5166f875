/**
 * scikit-learn's paired distances as mteb's STS and pair-classification evaluators call them
 * (sklearn/metrics/pairwise.py: 1 − paired_cosine_distances, paired Manhattan/Euclidean, np.dot per row), computed in
 * the embeddings' dtype; float32 row norms follow numpy 2.4's einsum SIMD order (`einsumDotF32`).
 */
import { checkSameRows, type FloatArray, type Matrix } from "./matrix.js";
import { npSumF32 } from "./numeric.js";

/**
 * numpy 2.4 float32 `einsum("ij,ij->i")` for one row pair (sum_of_products_contig_contig_outstride0_two, X86_V2
 * baseline): 4 SSE lanes without FMA; in each block of 16 the four 4-wide chunks are added last-to-first; the tail in
 * chunks of 4; lanes reduced as (l0+l1)+(l2+l3). This is scikit-learn's `row_norms`, so its float32 results match
 * mteb's bit for bit (oracle STS cosine scores: 0 mismatches).
 */
export function einsumDotF32(
  a: ArrayLike<number>,
  ao: number,
  b: ArrayLike<number>,
  bo: number,
  n: number,
): number {
  const f = Math.fround;
  let l0 = 0;
  let l1 = 0;
  let l2 = 0;
  let l3 = 0;
  let i = 0;
  for (; n - i >= 16; i += 16) {
    for (let k = 3; k >= 0; k--) {
      const o = i + 4 * k;
      l0 = f(l0 + f(a[ao + o] * b[bo + o]));
      l1 = f(l1 + f(a[ao + o + 1] * b[bo + o + 1]));
      l2 = f(l2 + f(a[ao + o + 2] * b[bo + o + 2]));
      l3 = f(l3 + f(a[ao + o + 3] * b[bo + o + 3]));
    }
  }
  for (; i < n; i += 4) {
    l0 = f(l0 + f(a[ao + i] * b[bo + i]));
    if (i + 1 < n) l1 = f(l1 + f(a[ao + i + 1] * b[bo + i + 1]));
    if (i + 2 < n) l2 = f(l2 + f(a[ao + i + 2] * b[bo + i + 2]));
    if (i + 3 < n) l3 = f(l3 + f(a[ao + i + 3] * b[bo + i + 3]));
  }
  return f(f(l0 + l1) + f(l2 + l3));
}

/** A new array of the input's dtype. */
function like(m: Matrix, n: number): FloatArray {
  return m.data instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
}

/** sklearn `normalize(X)` (l2): rows divided by their norm, zero norms left as they are; in the input dtype. */
export function sklearnNormalize(m: Matrix): Matrix {
  const { rows, cols, data } = m;
  const f32 = data instanceof Float32Array;
  const out = like(m, rows * cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let ss = 0;
    if (f32) ss = einsumDotF32(data, o, data, o, cols);
    else for (let j = 0; j < cols; j++) ss += data[o + j] * data[o + j];
    let norm = Math.sqrt(ss);
    if (f32) norm = Math.fround(norm);
    if (norm === 0) norm = 1;
    for (let j = 0; j < cols; j++) out[o + j] = data[o + j] / norm;
  }
  return { rows, cols, data: out };
}

/** 1 − sklearn `paired_cosine_distances(a, b)` = 1 − ½‖â − b̂‖², in the input dtype (mteb STS/pair `cosine`). */
export function sklearnPairedCosine(a: Matrix, b: Matrix): FloatArray {
  checkSameRows(a, b);
  const f32 = a.data instanceof Float32Array && b.data instanceof Float32Array;
  const an = sklearnNormalize(a);
  const bn = sklearnNormalize(b);
  const d = a.cols;
  const out = f32 ? new Float32Array(a.rows) : new Float64Array(a.rows);
  const diff = f32 ? new Float32Array(d) : new Float64Array(d);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < d; k++) diff[k] = an.data[i * d + k] - bn.data[i * d + k];
    if (f32) out[i] = 1 - Math.fround(0.5 * einsumDotF32(diff, 0, diff, 0, d));
    else {
      let ss = 0;
      for (let k = 0; k < d; k++) ss += diff[k] * diff[k];
      out[i] = 1 - 0.5 * ss;
    }
  }
  return out;
}

/** sklearn `paired_manhattan_distances`: Σ|a − b| per row (not negated), in the input dtype. */
export function pairedManhattan(a: Matrix, b: Matrix): FloatArray {
  checkSameRows(a, b);
  const f32 = a.data instanceof Float32Array && b.data instanceof Float32Array;
  const d = a.cols;
  const out = f32 ? new Float32Array(a.rows) : new Float64Array(a.rows);
  const buf = f32 ? new Float32Array(d) : new Float64Array(d);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < d; k++) buf[k] = Math.abs(a.data[i * d + k] - b.data[i * d + k]);
    if (f32) out[i] = npSumF32(buf);
    else {
      let s = 0;
      for (let k = 0; k < d; k++) s += buf[k];
      out[i] = s;
    }
  }
  return out;
}

/** sklearn `paired_euclidean_distances`: ‖a − b‖ per row (not negated), in the input dtype. */
export function pairedEuclidean(a: Matrix, b: Matrix): FloatArray {
  checkSameRows(a, b);
  const f32 = a.data instanceof Float32Array && b.data instanceof Float32Array;
  const d = a.cols;
  const out = f32 ? new Float32Array(a.rows) : new Float64Array(a.rows);
  const diff = f32 ? new Float32Array(d) : new Float64Array(d);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < d; k++) diff[k] = a.data[i * d + k] - b.data[i * d + k];
    if (f32) out[i] = Math.sqrt(einsumDotF32(diff, 0, diff, 0, d));
    else {
      let ss = 0;
      for (let k = 0; k < d; k++) ss += diff[k] * diff[k];
      out[i] = Math.sqrt(ss);
    }
  }
  return out;
}

/** `np.dot(a_i, b_i)` per row on the raw embeddings, in the input dtype. */
export function pairedDot(a: Matrix, b: Matrix): FloatArray {
  checkSameRows(a, b);
  const f32 = a.data instanceof Float32Array && b.data instanceof Float32Array;
  const d = a.cols;
  const out = f32 ? new Float32Array(a.rows) : new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += a.data[i * d + k] * b.data[i * d + k];
    out[i] = s;
  }
  return out;
}
