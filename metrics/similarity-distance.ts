/**
 * Negative-distance similarities as sentence-transformers computes them (sentence_transformers/util/similarity.py,
 * torch CPU): `euclidean_sim = -torch.cdist(a, b, p=2)`, `manhattan_sim = -torch.cdist(a, b, p=1)`,
 * `pairwise_euclidean_sim = -sqrt(sum((a-b)**2, -1))`, `pairwise_manhattan_sim = -sum(|a-b|, -1)`.
 *
 * torch.cdist (aten/src/ATen/native/Distance.cpp, default compute_mode) takes two paths for p=2:
 * - more than `CDIST_MM_ROWS` (25) rows on either side: `_euclidean_dist`, the matrix-product formulation
 *   x1_ = [−2·x1, ‖x1‖², 1], x2_ = [x2, 1, ‖x2‖²], `sqrt(clamp_min(x1_ @ x2_ᵀ, 1e-30))`, with ‖x‖² = `x.pow(2).sum(-1)`
 *   (a sum reduction: `torchRowSumF32` of the float32 squares). The product follows embeval's convention
 *   (kernels/exact-f64.ts: float64 sequential sum over k, rounded once to float32): Σₖ(−2·x1ₖ)·x2ₖ + ‖x1‖² + ‖x2‖²
 *   in that order — scaling by −2 is exact, so this is −2·(the float64 dot) + ‖x1‖² + ‖x2‖² — then the float32
 *   clamp (NaN passes through, as torch's clamp_min) and the correctly rounded float32 sqrt.
 * - otherwise (and always for p=1): the direct kernel (cpu/DistanceOpsKernel.cpp `run_parallel_cdist`), a scalar
 *   loop `agg = agg + map(|a_k − b_k|)` over k = 0..d−1 in float32 (sequential: the compiler may not reorder a float
 *   reduction), map = x² for p=2 (then sqrt) and x for p=1.
 * Float64 inputs follow the same formulas without the float32 roundings (float64 norms summed sequentially).
 */
import { matmulTExact } from "./kernels/exact-f64.js";
import { checkSameCols, checkSameRows, type FloatArray, type Matrix } from "./matrix.js";
import { type Precision, torchRowSumF32 } from "./similarity.js";

/** The similarities computed from a distance. */
export type DistanceFn = "euclidean" | "manhattan";

/** torch.cdist's default compute_mode uses the matrix product for p=2 when either side has more rows than this. */
export const CDIST_MM_ROWS = 25;

/** float32(1e-30): `_euclidean_dist`'s clamp_min on the squared distance. */
const CLAMP_F32 = Math.fround(1e-30);

/** True for the similarities that are negative distances. */
export function isDistanceFn(fn: string): fn is DistanceFn {
  return fn === "euclidean" || fn === "manhattan";
}

/** Whether torch.cdist(p=2) takes the matrix-product path for inputs of `r1` and `r2` rows. */
export function cdistUsesMatmul(r1: number, r2: number): boolean {
  return r1 > CDIST_MM_ROWS || r2 > CDIST_MM_ROWS;
}

/** torch's `x.pow(2).sum(-1)` per row: float32 squares summed in torch's reduction order (float64: sequential). */
export function torchSquaredRowSums(
  data: FloatArray,
  rows: number,
  cols: number,
  precision: Precision,
): FloatArray {
  const out = precision === "float32" ? new Float32Array(rows) : new Float64Array(rows);
  const sq = precision === "float32" ? new Float32Array(cols) : new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    if (precision === "float32") {
      for (let k = 0; k < cols; k++) sq[k] = data[o + k] * data[o + k];
      out[i] = torchRowSumF32(sq);
    } else {
      let s = 0;
      for (let k = 0; k < cols; k++) s += data[o + k] * data[o + k];
      out[i] = s;
    }
  }
  return out;
}

/**
 * Negative distance scores of rows `aStart .. aStart+aCount-1` of `a` against every row of `b` (row-major,
 * aCount × b.rows). `matmul` chooses `_euclidean_dist` (callers decide it from the FULL operands' row counts with
 * `cdistUsesMatmul`, as torch sees them); `aSq`/`bSq` are the rows' `torchSquaredRowSums` (computed when omitted).
 */
export function distanceRows(
  fn: DistanceFn,
  a: Matrix,
  aStart: number,
  aCount: number,
  b: Matrix,
  opts: { precision?: Precision; matmul?: boolean; aSq?: FloatArray; bSq?: FloatArray } = {},
): FloatArray {
  checkSameCols(a, b);
  const precision = opts.precision ?? "float32";
  const d = a.cols;
  const n = b.rows;
  const f32 = precision === "float32";
  const aData = a.data.subarray(aStart * d, (aStart + aCount) * d);
  const out = f32 ? new Float32Array(aCount * n) : new Float64Array(aCount * n);
  if (fn === "euclidean" && (opts.matmul ?? cdistUsesMatmul(a.rows, b.rows))) {
    const aSq = opts.aSq ?? torchSquaredRowSums(a.data, a.rows, d, precision);
    const bSq = opts.bSq ?? torchSquaredRowSums(b.data, b.rows, d, precision);
    const dots = new Float64Array(aCount * n);
    matmulTExact(aData, aCount, b.data, n, d, dots);
    for (let i = 0; i < aCount; i++) {
      const ni = aSq[aStart + i];
      for (let j = 0; j < n; j++) {
        const e = i * n + j;
        const s2 = -2 * dots[e] + ni + bSq[j];
        if (f32) {
          const s = Math.fround(s2);
          out[e] = -Math.fround(Math.sqrt(Math.max(s, CLAMP_F32))); // NaN stays NaN, as torch's clamp_min
        } else out[e] = -Math.sqrt(Math.max(s2, 1e-30));
      }
    }
    return out;
  }
  const bData = b.data;
  for (let i = 0; i < aCount; i++) {
    const ao = i * d;
    for (let j = 0; j < n; j++) {
      const bo = j * d;
      out[i * n + j] = f32 ? directF32(fn, aData, ao, bData, bo, d) : directF64(fn, aData, ao, bData, bo, d);
    }
  }
  return out;
}

/** torch's scalar cdist loop in float32: sequential sum of |a−b| (p=1) or (a−b)² then sqrt (p=2). */
function directF32(fn: DistanceFn, a: FloatArray, ao: number, b: FloatArray, bo: number, d: number): number {
  const f = Math.fround;
  let agg = 0;
  if (fn === "manhattan") {
    for (let k = 0; k < d; k++) agg = f(agg + Math.abs(f(a[ao + k] - b[bo + k])));
    return -agg;
  }
  for (let k = 0; k < d; k++) {
    const x = f(a[ao + k] - b[bo + k]);
    agg = f(agg + f(x * x));
  }
  return -f(Math.sqrt(agg));
}

function directF64(fn: DistanceFn, a: FloatArray, ao: number, b: FloatArray, bo: number, d: number): number {
  let agg = 0;
  if (fn === "manhattan") {
    for (let k = 0; k < d; k++) agg += Math.abs(a[ao + k] - b[bo + k]);
    return -agg;
  }
  for (let k = 0; k < d; k++) {
    const x = a[ao + k] - b[bo + k];
    agg += x * x;
  }
  return -Math.sqrt(agg);
}

/** ST `euclidean_sim` / `manhattan_sim`: the full (a.rows × b.rows) negative distance matrix, torch's path rule. */
export function distanceSim(
  fn: DistanceFn,
  a: Matrix,
  b: Matrix,
  precision: Precision = "float32",
): FloatArray {
  return distanceRows(fn, a, 0, a.rows, b, { precision });
}

/**
 * ST `pairwise_euclidean_sim` / `pairwise_manhattan_sim` in float32: elementwise a−b (squared for euclidean), the
 * `sum(-1)` in torch's reduction order (`torchRowSumF32`), then the float32 sqrt for euclidean, negated.
 */
export function pairwiseDistanceSim(fn: DistanceFn, a: Matrix, b: Matrix): Float32Array {
  checkSameRows(a, b);
  const d = a.cols;
  const out = new Float32Array(a.rows);
  const v = new Float32Array(d);
  for (let i = 0; i < a.rows; i++) {
    const o = i * d;
    for (let k = 0; k < d; k++) {
      const x = Math.fround(a.data[o + k] - b.data[o + k]);
      v[k] = fn === "euclidean" ? x * x : Math.abs(x);
    }
    const s = torchRowSumF32(v);
    out[i] = fn === "euclidean" ? -Math.fround(Math.sqrt(s)) : -s;
  }
  return out;
}
