/**
 * Similarity functions as mteb computes them: torch `cos_sim`/`dot_score`/`pairwise_cos_sim`
 * (mteb/similarity_functions.py, float32) and scikit-learn's paired cosine/Manhattan/Euclidean distances
 * (sklearn/metrics/pairwise.py, computed in the embeddings' dtype). Float32 results are emulated by rounding
 * each stored intermediate with Math.fround; reductions accumulate in float64 and round once, so BLAS-order
 * differences stay within ~1 ulp of float32 (mteb's own runs differ by that much across machines).
 */
import { EmbevalError } from "./errors.js";
import type { FloatArray, Matrix } from "./matrix.js";
import { npSumF32 } from "./numeric.js";

/** The similarity a model declares (ModelMeta.similarity_fn_name). */
export type SimilarityFn = "cosine" | "dot";

/** Arithmetic precision of a similarity computation. */
export type Precision = "float32" | "float64";

const TORCH_EPS = 1e-12;

function checkSameCols(a: Matrix, b: Matrix): void {
  if (a.cols !== b.cols) {
    throw new EmbevalError("E_EMBEDDING_DIM", `embedding dims differ: ${a.cols} vs ${b.cols}`, {
      hint: "both sides must come from the same model and truncation dim",
    });
  }
}

function checkSameRows(a: Matrix, b: Matrix): void {
  checkSameCols(a, b);
  if (a.rows !== b.rows)
    throw new EmbevalError("E_SHAPE_MISMATCH", `paired inputs have ${a.rows} and ${b.rows} rows`);
}

/** torch F.normalize(p=2, eps=1e-12): each row divided by max(‖row‖, eps), stored in `precision`. */
export function torchNormalize(m: Matrix, precision: Precision = "float32"): Matrix {
  const { rows, cols, data } = m;
  const out = precision === "float32" ? new Float32Array(rows * cols) : new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let ss = 0;
    for (let j = 0; j < cols; j++) {
      const v = precision === "float32" ? Math.fround(data[o + j]) : data[o + j];
      ss += v * v;
    }
    let norm = Math.sqrt(ss);
    if (precision === "float32") norm = Math.fround(norm);
    const denom = Math.max(norm, TORCH_EPS);
    for (let j = 0; j < cols; j++) out[o + j] = data[o + j] / denom;
  }
  return { rows, cols, data: out };
}

/** a @ bᵀ with float64 accumulation, stored in `precision` (rows of a × rows of b, row-major). */
function matmulT(a: Matrix, b: Matrix, precision: Precision): FloatArray {
  checkSameCols(a, b);
  const d = a.cols;
  const out = precision === "float32" ? new Float32Array(a.rows * b.rows) : new Float64Array(a.rows * b.rows);
  const ad = a.data;
  const bd = b.data;
  for (let i = 0; i < a.rows; i++) {
    const ao = i * d;
    for (let j = 0; j < b.rows; j++) {
      const bo = j * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += ad[ao + k] * bd[bo + k];
      out[i * b.rows + j] = s;
    }
  }
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
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += Math.fround(a.data[i * d + k] * b.data[i * d + k]);
    out[i] = s;
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
  return fn === "cosine" ? cosSim(a, b, precision) : dotScore(a, b, precision);
}

/** The model's pairwise similarity (mteb `model.similarity_pairwise`). */
export function similarityPairwise(fn: SimilarityFn, a: Matrix, b: Matrix): Float32Array {
  return fn === "cosine" ? pairwiseCosSim(a, b) : pairwiseDotScore(a, b);
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
    for (let j = 0; j < cols; j++)
      ss += f32 ? Math.fround(data[o + j] * data[o + j]) : data[o + j] * data[o + j];
    let norm = Math.sqrt(f32 ? Math.fround(ss) : ss);
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
  for (let i = 0; i < a.rows; i++) {
    let ss = 0;
    for (let k = 0; k < d; k++) {
      const diff = f32
        ? Math.fround(an.data[i * d + k] - bn.data[i * d + k])
        : an.data[i * d + k] - bn.data[i * d + k];
      ss += f32 ? Math.fround(diff * diff) : diff * diff;
    }
    const half = f32 ? Math.fround(0.5 * Math.fround(ss)) : 0.5 * ss;
    out[i] = 1 - half;
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
  for (let i = 0; i < a.rows; i++) {
    let ss = 0;
    for (let k = 0; k < d; k++) {
      const diff = f32
        ? Math.fround(a.data[i * d + k] - b.data[i * d + k])
        : a.data[i * d + k] - b.data[i * d + k];
      ss += f32 ? Math.fround(diff * diff) : diff * diff;
    }
    out[i] = Math.sqrt(f32 ? Math.fround(ss) : ss);
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
