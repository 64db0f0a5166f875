/**
 * Similarity functions as mteb computes them: torch `cos_sim`/`dot_score`/`pairwise_cos_sim`
 * (mteb/similarity_functions.py, float32) and scikit-learn's paired cosine/Manhattan/Euclidean distances
 * (sklearn/metrics/pairwise.py, computed in the embeddings' dtype). Float32 results are emulated with Math.fround:
 * torch's norms and row sums follow its AVX2 CPU kernels (`torchSquaredNormF32`, `torchRowSumF32`) and
 * scikit-learn's einsum row norms numpy's SIMD order (`einsumDotF32`), which reproduces mteb's published
 * random-encoder results and the oracle's STS cosines bit for bit; matrix products accumulate in float64 and round once
 * (the register-blocked kernel of kernels/exact-f64.ts, same k order as a plain loop), so
 * BLAS-order differences stay within ~1 float32 ulp (mteb's own runs differ by that much across machines).
 */
import { matmulTExact } from "./kernels/exact-f64.js";
import { normalizeF32Wasm } from "./kernels/wasm/kernels.js";
import { checkSameCols, checkSameRows, type FloatArray, type Matrix } from "./matrix.js";
import { distanceSim, pairwiseDistanceSim } from "./similarity-distance.js";

/**
 * The similarity a model declares (ModelMeta.similarity_fn_name / sentence-transformers similarity_fn_name);
 * "euclidean" and "manhattan" are negative distances (similarity-distance.ts).
 */
export type SimilarityFn = "cosine" | "dot" | "euclidean" | "manhattan";

/** Arithmetic precision of a similarity computation. */
export type Precision = "float32" | "float64";

const TORCH_EPS = 1e-12;

/**
 * torch's float32 ‖x‖² on CPU (AVX2 build): `vec::map_reduce_all(x*x, +)` accumulates 8 lanes over the row, then
 * `vec_reduce_all` folds lanes l+4, l+2, l+1. With `torchRowSumF32` this reproduces mteb's published
 * random-encoder STS scores to the last stored digit (a sequential order does not).
 */
export function torchSquaredNormF32(x: ArrayLike<number>, o: number, n: number): number {
  const f = Math.fround;
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s = f(s + f(x[o + i] * x[o + i]));
    return s;
  }
  // the 8 lanes as locals (same arithmetic as an 8-wide accumulator array, without allocating one per row)
  let c0 = f(x[o] * x[o]);
  let c1 = f(x[o + 1] * x[o + 1]);
  let c2 = f(x[o + 2] * x[o + 2]);
  let c3 = f(x[o + 3] * x[o + 3]);
  let c4 = f(x[o + 4] * x[o + 4]);
  let c5 = f(x[o + 5] * x[o + 5]);
  let c6 = f(x[o + 6] * x[o + 6]);
  let c7 = f(x[o + 7] * x[o + 7]);
  let d = 8;
  for (; d < n - (n % 8); d += 8) {
    const p = o + d;
    c0 = f(c0 + f(x[p] * x[p]));
    c1 = f(c1 + f(x[p + 1] * x[p + 1]));
    c2 = f(c2 + f(x[p + 2] * x[p + 2]));
    c3 = f(c3 + f(x[p + 3] * x[p + 3]));
    c4 = f(c4 + f(x[p + 4] * x[p + 4]));
    c5 = f(c5 + f(x[p + 5] * x[p + 5]));
    c6 = f(c6 + f(x[p + 6] * x[p + 6]));
    c7 = f(c7 + f(x[p + 7] * x[p + 7]));
  }
  const tail = n - d;
  const p = o + d;
  if (tail > 0) c0 = f(c0 + f(x[p] * x[p]));
  if (tail > 1) c1 = f(c1 + f(x[p + 1] * x[p + 1]));
  if (tail > 2) c2 = f(c2 + f(x[p + 2] * x[p + 2]));
  if (tail > 3) c3 = f(c3 + f(x[p + 3] * x[p + 3]));
  if (tail > 4) c4 = f(c4 + f(x[p + 4] * x[p + 4]));
  if (tail > 5) c5 = f(c5 + f(x[p + 5] * x[p + 5]));
  if (tail > 6) c6 = f(c6 + f(x[p + 6] * x[p + 6]));
  const a0 = f(c0 + c4);
  const a1 = f(c1 + c5);
  const a2 = f(c2 + c6);
  const a3 = f(c3 + c7);
  return f(f(a0 + a2) + f(a1 + a3));
}

/**
 * torch's float32 `sum(-1)` of a contiguous row on CPU (AVX2 build, SumKernel.cpp `vectorized_inner_sum`): 8-lane
 * vectors summed with 4 interleaved accumulators, folded ((p0+p1)+p2)+p3, the scalar tail first, then the lanes in order.
 */
export function torchRowSumF32(v: ArrayLike<number>): number {
  const f = Math.fround;
  const nvec = Math.floor(v.length / 8);
  const sizeIlp = Math.floor(nvec / 4);
  const part = [new Float32Array(8), new Float32Array(8), new Float32Array(8), new Float32Array(8)];
  for (let i = 0; i < sizeIlp; i++) {
    for (let k = 0; k < 4; k++) for (let l = 0; l < 8; l++) part[k][l] = part[k][l] + v[(i * 4 + k) * 8 + l];
  }
  for (let i = sizeIlp * 4; i < nvec; i++) for (let l = 0; l < 8; l++) part[0][l] = part[0][l] + v[i * 8 + l];
  for (let k = 1; k < 4; k++) for (let l = 0; l < 8; l++) part[0][l] = part[0][l] + part[k][l];
  let fin = 0;
  for (let k = nvec * 8; k < v.length; k++) fin = f(fin + v[k]);
  for (let l = 0; l < 8; l++) fin = f(fin + part[0][l]);
  return fin;
}

/** torch F.normalize(p=2, eps=1e-12): each row divided by max(‖row‖, eps), stored in `precision`. */
export function torchNormalize(m: Matrix, precision: Precision = "float32"): Matrix {
  const { rows, cols, data } = m;
  if (precision === "float32" && data instanceof Float32Array) return normalizeF32(data, rows, cols);
  const out = precision === "float32" ? new Float32Array(rows * cols) : new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let ss = 0;
    if (precision === "float32") ss = torchSquaredNormF32(data, o, cols);
    else for (let j = 0; j < cols; j++) ss += data[o + j] * data[o + j];
    let norm = Math.sqrt(ss);
    if (precision === "float32") norm = Math.fround(norm);
    const denom = Math.max(norm, TORCH_EPS);
    for (let j = 0; j < cols; j++) out[o + j] = data[o + j] / denom;
  }
  return { rows, cols, data: out };
}

/**
 * torchNormalize for float32 input: the WebAssembly SIMD kernel (kernels/wasm, the same arithmetic bit for bit) when
 * available, else this monomorphic JS loop.
 */
function normalizeF32(data: Float32Array, rows: number, cols: number): Matrix {
  const wasm = normalizeF32Wasm(data, rows, cols);
  if (wasm) return { rows, cols, data: wasm };
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    const denom = Math.max(Math.fround(Math.sqrt(torchSquaredNormF32(data, o, cols))), TORCH_EPS);
    for (let j = o; j < o + cols; j++) out[j] = data[j] / denom;
  }
  return { rows, cols, data: out };
}

/** a @ bᵀ with float64 accumulation in k order, stored in `precision` (rows of a × rows of b, row-major). */
function matmulT(a: Matrix, b: Matrix, precision: Precision): FloatArray {
  checkSameCols(a, b);
  const out = precision === "float32" ? new Float32Array(a.rows * b.rows) : new Float64Array(a.rows * b.rows);
  matmulTExact(a.data, a.rows, b.data, b.rows, a.cols, out);
  return out;
}

function cast(m: Matrix, precision: Precision): Matrix {
  if (precision === "float32" && m.data instanceof Float32Array) return m;
  if (precision === "float64" && m.data instanceof Float64Array) return m;
  const data = precision === "float32" ? Float32Array.from(m.data) : Float64Array.from(m.data);
  return { rows: m.rows, cols: m.cols, data };
}

/** mteb `cos_sim(a, b)`: numpy inputs become float32 tensors, rows normalised, then a matrix product. */
export function cosSim(a: Matrix, b: Matrix, precision: Precision = "float32"): FloatArray {
  return matmulT(torchNormalize(a, precision), torchNormalize(b, precision), precision);
}

/** mteb `dot_score(a, b)` = a @ bᵀ in `precision`. */
export function dotScore(a: Matrix, b: Matrix, precision: Precision = "float32"): FloatArray {
  return matmulT(cast(a, precision), cast(b, precision), precision);
}

/** mteb `pairwise_cos_sim`: (â * b̂).sum(-1) with float32 products. */
export function pairwiseCosSim(a: Matrix, b: Matrix): Float32Array {
  checkSameRows(a, b);
  return pairwiseDotF32(torchNormalize(a, "float32"), torchNormalize(b, "float32"));
}

/** mteb `pairwise_dot_score`: (a * b).sum(-1) in float32. */
export function pairwiseDotScore(a: Matrix, b: Matrix): Float32Array {
  checkSameRows(a, b);
  return pairwiseDotF32(cast(a, "float32"), cast(b, "float32"));
}

function pairwiseDotF32(a: Matrix, b: Matrix): Float32Array {
  const d = a.cols;
  const out = new Float32Array(a.rows);
  const prod = new Float32Array(d);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < d; k++) prod[k] = a.data[i * d + k] * b.data[i * d + k];
    out[i] = torchRowSumF32(prod);
  }
  return out;
}

/** The model's similarity matrix (mteb `model.similarity`), float32 as torch computes it. */
export function similarityMatrix(
  fn: SimilarityFn,
  a: Matrix,
  b: Matrix,
  precision: Precision = "float32",
): FloatArray {
  switch (fn) {
    case "cosine":
      return cosSim(a, b, precision);
    case "dot":
      return dotScore(a, b, precision);
    case "euclidean":
    case "manhattan":
      return distanceSim(fn, a, b, precision);
  }
}

/** The model's pairwise similarity (mteb `model.similarity_pairwise`). */
export function similarityPairwise(fn: SimilarityFn, a: Matrix, b: Matrix): Float32Array {
  switch (fn) {
    case "cosine":
      return pairwiseCosSim(a, b);
    case "dot":
      return pairwiseDotScore(a, b);
    case "euclidean":
    case "manhattan":
      return pairwiseDistanceSim(fn, a, b);
  }
}

export {
  einsumDotF32,
  pairedDot,
  pairedEuclidean,
  pairedManhattan,
  sklearnNormalize,
  sklearnPairedCosine,
} from "./paired-distances.js";
export {
  CDIST_MM_ROWS,
  cdistUsesMatmul,
  type DistanceFn,
  distanceRows,
  distanceSim,
  isDistanceFn,
  pairwiseDistanceSim,
  torchSquaredRowSums,
} from "./similarity-distance.js";
