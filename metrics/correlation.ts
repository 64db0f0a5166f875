/** Pearson / Spearman correlation: reproduces scipy 1.17 scipy/stats/_stats_py.py pearsonr, spearmanr and rankdata. */
import { EmbevalError } from "./errors.js";
import { npSum } from "./numeric.js";

/** Check two equally long inputs. */
function checkPair(x: ArrayLike<number>, y: ArrayLike<number>, what: string): void {
  if (x.length !== y.length) {
    throw new EmbevalError("E_SHAPE_MISMATCH", `${what}: x has ${x.length} values but y has ${y.length}`, {
      hint: "pass two arrays of the same length",
    });
  }
}

/** True if every value equals the first (scipy's constant-input test; NaN is never equal). */
function isConstant(v: ArrayLike<number>): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return v.length > 0 && !Number.isNaN(v[0]);
}

/**
 * `scipy.stats.pearsonr(x, y).statistic` in float64: centre on the (pairwise) mean, scale each vector by its max-abs
 * and L2 norm, dot product clipped to [−1, 1]. NaN if either input is constant or holds a NaN; exactly ±1/NaN for
 * n = 2. Throws for n < 2 like scipy. The final dot product (`np.vecdot`, i.e. BLAS ddot) follows `blasDdot`.
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkPair(x, y, "pearson");
  const n = x.length;
  if (n < 2) {
    throw new EmbevalError("E_INVALID_ARGUMENT", "pearson needs at least 2 values", {
      hint: "x and y must have length at least 2",
    });
  }
  if (isConstant(x) || isConstant(y)) return Number.NaN;
  let r = blasDdot(scaled(x), scaled(y));
  if (r > 1) r = 1;
  else if (r < -1) r = -1;
  if (n === 2 && !Number.isNaN(r)) r = Math.round(r);
  return r;
}

/**
 * OpenBLAS x86-64 ddot order as measured on the oracle: blocks of 16 products accumulated in 16 lanes
 * (4 registers × 4, multiply then add), lanes reduced as ((r0+r1)+(r2+r3)) per lane then (l0+l2)+(l1+l3),
 * then the tail added left to right. Reproduces all 47 oracle Pearson values bit for bit (n = 6…250); other
 * BLAS builds may differ in the last bit.
 */
export function blasDdot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const n1 = n - (n % 16);
  const acc = new Float64Array(16);
  for (let i = 0; i < n1; i += 16) {
    for (let j = 0; j < 16; j++) acc[j] += a[i + j] * b[i + j];
  }
  const lane = (l: number) => acc[l] + acc[4 + l] + (acc[8 + l] + acc[12 + l]);
  let dot = lane(0) + lane(2) + (lane(1) + lane(3));
  for (let i = n1; i < n; i++) dot += a[i] * b[i];
  return dot;
}

/** (v − mean) / (max|v − mean| · ‖(v − mean)/max‖), as scipy computes `xm / normxm`. */
function scaled(v: ArrayLike<number>): Float64Array {
  const n = v.length;
  const mean = npSum(v) / n;
  const centred = new Float64Array(n);
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const d = v[i] - mean;
    centred[i] = d;
    const a = Math.abs(d);
    if (a > maxAbs || Number.isNaN(a)) maxAbs = a;
  }
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = centred[i] / maxAbs;
    sq[i] = s * s;
  }
  const norm = maxAbs * Math.sqrt(npSum(sq));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = centred[i] / norm;
  return out;
}

/**
 * `scipy.stats.rankdata(x, method="average")`: 1-based ranks, tied values share the mean of their ranks.
 * Any NaN makes every rank NaN (scipy's default nan_policy="propagate").
 */
export function rankdata(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(x[i])) return out.fill(Number.NaN);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && x[order[end]] === x[order[start]]) end++;
    // ranks start+1 … end share 0.5 * (end + start + 1), exactly scipy's 0.5 * (count[dense] + count[dense-1] + 1).
    const rank = 0.5 * (end + start + 1);
    for (let k = start; k < end; k++) out[order[k]] = rank;
    start = end;
  }
  return out;
}

/**
 * `scipy.stats.spearmanr(x, y).statistic`: average ranks, then `np.corrcoef` on the ranks, i.e.
 * `((c01/(n−1)) / s1) / s0` with `s_i = sqrt(c_ii/(n−1))`, clipped to [−1, 1]. The rank cross-products are exact
 * (multiples of 1/4), so this is bit-identical to scipy for any BLAS while n stays below ~10^5.
 * NaN for constant input, a NaN value, or n ≤ 1.
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkPair(x, y, "spearman");
  const n = x.length;
  if (n <= 1) return Number.NaN;
  const rx = rankdata(x);
  const ry = rankdata(y);
  if (Number.isNaN(rx[0]) || Number.isNaN(ry[0])) return Number.NaN;
  const mean = (n + 1) / 2; // the rank sum is n(n+1)/2 exactly
  let c00 = 0;
  let c11 = 0;
  let c01 = 0;
  for (let i = 0; i < n; i++) {
    const a = rx[i] - mean;
    const b = ry[i] - mean;
    c00 += a * a;
    c11 += b * b;
    c01 += a * b;
  }
  const inv = 1 / (n - 1);
  const s0 = Math.sqrt(c00 * inv);
  const s1 = Math.sqrt(c11 * inv);
  let r = (c01 * inv) / s1 / s0;
  if (r > 1) r = 1;
  else if (r < -1) r = -1;
  return r;
}
