/** Greedy k-means++ seeding and sklearn's float32-upcast squared distances; reproduces scikit-learn 1.9.1 sklearn/cluster/_kmeans.py _kmeans_plusplus (unit sample weights) and sklearn/metrics/pairwise.py _euclidean_distances. */

import { EmbevalError } from "../errors.js";
import { type FloatArray, isFloat32, type Matrix } from "../matrix.js";
import type { RandomState } from "../rng/random-state.js";
import { searchRight } from "../rng/random-state.js";
import { CandidateDistances } from "./kmeans-candidates.js";

import { type DotsRequest, runDotsSync } from "./kmeans-dots.js";

/** Row squared norms in float64 (sklearn `row_norms` of the float64-upcast chunk). */
export function rowNormsF64(x: Matrix): Float64Array {
  const { rows, cols, data } = x;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    const o = i * cols;
    for (let k = 0; k < cols; k++) s += data[o + k] * data[o + k];
    out[i] = s;
  }
  return out;
}

/** Sum of a float vector in its dtype (BLAS dot with unit weights; accumulated in float64, rounded once). */
function potential(v: FloatArray): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return v instanceof Float32Array ? Math.fround(s) : s;
}

/**
 * numpy `choice(n, p=...)` cdf for uniform weights `w/Σw` computed in the input dtype: `cumsum(p)` (float64,
 * sequential) divided by its last value. numpy accepts a float32 p within sqrt(float32 eps) of 1.
 */
export function uniformChoiceCdf(n: number, f32: boolean): Float64Array {
  const pw = f32 ? Math.fround(1 / n) : 1 / n;
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += pw;
    cdf[i] = acc;
  }
  const last = cdf[n - 1];
  for (let i = 0; i < n; i++) cdf[i] /= last;
  return cdf;
}

/** Result of k-means++ seeding: the centres (k × d, input dtype) and the chosen row indices. */
export interface KMeansPlusPlusResult {
  centers: Matrix;
  indices: Int32Array;
}

/**
 * `_kmeans_plusplus(X, k, x_squared_norms, sample_weight=ones, random_state)` (scikit-learn ≥ 1.3: the first
 * centre is `choice(n, p=w/Σw)`, one random_sample). `nLocalTrials` defaults to `2 + int(ln k)`.
 */
export function kmeansPlusPlus(
  x: Matrix,
  nClusters: number,
  rs: RandomState,
  nLocalTrials?: number,
): KMeansPlusPlusResult {
  return runDotsSync(kmeansPlusPlusSteps(x, nClusters, rs, nLocalTrials));
}

/** `kmeansPlusPlus` yielding its candidate·row products as dots requests (float32 input; float64 stays sequential). */
export function* kmeansPlusPlusSteps(
  x: Matrix,
  nClusters: number,
  rs: RandomState,
  nLocalTrials?: number,
): Generator<DotsRequest, KMeansPlusPlusResult, void> {
  const n = x.rows;
  const d = x.cols;
  if (n < nClusters) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `n_samples=${n} should be >= n_clusters=${nClusters}`, {
      hint: "use fewer clusters than samples",
    });
  }
  const f32 = isFloat32(x);
  const alloc = (len: number): FloatArray => (f32 ? new Float32Array(len) : new Float64Array(len));
  const trials = nLocalTrials ?? 2 + Math.trunc(Math.log(nClusters));
  const norms = rowNormsF64(x);
  const centers = alloc(nClusters * d);
  const indices = new Int32Array(nClusters).fill(-1);
  // choice(n, p=sample_weight / sample_weight.sum()): one random_sample
  const first = searchRight(uniformChoiceCdf(n, f32), rs.randomSample());
  centers.set(x.data.subarray(first * d, (first + 1) * d), 0);
  indices[0] = first;
  let closest = alloc(n);
  const dist = new CandidateDistances(x, norms, trials);
  yield* dist.compute(Int32Array.of(first), [closest]);
  let currentPot = potential(closest);
  const cum = new Float64Array(n);
  const candDist: FloatArray[] = [];
  for (let t = 0; t < trials; t++) candDist.push(alloc(n));
  const candIds = new Int32Array(trials);
  for (let c = 1; c < nClusters; c++) {
    const randVals = rs.uniform(0, 1, trials);
    // cumsum(sample_weight * closest_dist_sq) in the input dtype (sequential)
    let acc = 0;
    for (let i = 0; i < n; i++) {
      acc = f32 ? Math.fround(acc + closest[i]) : acc + closest[i];
      cum[i] = acc;
    }
    for (let t = 0; t < trials; t++) {
      const v = randVals[t] * currentPot;
      // searchsorted side="left": first index with cum[i] >= v
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cum[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      candIds[t] = Math.min(lo, n - 1);
    }
    let best = 0;
    let bestPot = Number.POSITIVE_INFINITY;
    yield* dist.compute(candIds, candDist);
    for (let t = 0; t < trials; t++) {
      const dt = candDist[t];
      for (let i = 0; i < n; i++) if (closest[i] < dt[i]) dt[i] = closest[i];
      const pot = potential(dt);
      if (pot < bestPot) {
        bestPot = pot;
        best = t;
      }
    }
    currentPot = bestPot;
    const chosen = candIds[best];
    const swap = closest;
    closest = candDist[best];
    candDist[best] = swap;
    centers.set(x.data.subarray(chosen * d, (chosen + 1) * d), c * d);
    indices[c] = chosen;
  }
  return { centers: { rows: nClusters, cols: d, data: centers }, indices };
}

export { searchRight };
