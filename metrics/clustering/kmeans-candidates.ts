/** k-means++ candidate distances from batched dot products, each rounded to float32 only where provably equal to the sequential `sqDistancesToRow` (else recomputed sequentially). */
import type { FloatArray, Matrix } from "../matrix.js";
import type { DotsRequest } from "./kmeans-dots.js";

const U = 2 ** -53;

/** Distances of a few candidate rows to every row of `x`, through one dots request per call (float32 input). */
export class CandidateDistances {
  private readonly f32: boolean;
  private readonly xF64: Float64Array | undefined;
  private readonly gamma: number;
  private buf: Float32Array;
  private dots: Float64Array;

  constructor(
    private readonly x: Matrix,
    private readonly norms: Float64Array,
    maxCandidates: number,
  ) {
    this.f32 = x.data instanceof Float32Array;
    this.buf = new Float32Array(this.f32 ? maxCandidates * x.cols : 0);
    this.dots = new Float64Array(this.f32 ? maxCandidates * x.rows : 0);
    this.xF64 = this.f32 && x.rows * x.cols >= 4096 ? Float64Array.from(x.data) : undefined;
    const m = (x.cols + 2) * U;
    this.gamma = m / (1 - m);
  }

  /**
   * `outs[t][i]` = `sqDistancesToRow(x, ids[t])[i]`, bit for bit. Any float64 order of the dot is within
   * γ_d·‖x‖‖c‖ of the exact one, so the sequential value lies within `bound` of ours; where the whole interval
   * rounds to one float32 that is the answer, elsewhere (and for float64 input) the row is recomputed.
   */
  *compute(ids: Int32Array, outs: FloatArray[]): Generator<DotsRequest, void, void> {
    const { rows: n, cols: d, data } = this.x;
    const m = ids.length;
    if (!this.f32) {
      for (let t = 0; t < m; t++) sqDistancesToRow(this.x, ids[t], this.norms, outs[t]);
      return;
    }
    for (let t = 0; t < m; t++) this.buf.set(data.subarray(ids[t] * d, (ids[t] + 1) * d), t * d);
    yield { x: this.buf, row0: 0, rows: m, d, centers: data, k: n, out: this.dots, centersF64: this.xF64 };
    const norms = this.norms;
    const g4 = 4 * this.gamma * (1 + 1e-6);
    for (let t = 0; t < m; t++) {
      const out = outs[t];
      const ci = ids[t];
      const cn = norms[ci];
      const cl = Math.sqrt(cn);
      const o = t * n;
      for (let i = 0; i < n; i++) {
        const a = -2 * this.dots[o + i] + cn;
        const v = a + norms[i];
        const bound = g4 * cl * Math.sqrt(norms[i]) + 4 * U * (Math.abs(a) + Math.abs(v)) + 1e-300;
        const lo = Math.fround(v - bound);
        // the sequential value is never −0 (it ends in + norms[i] ≥ +0), so zeros are written as +0
        if (lo === Math.fround(v + bound)) out[i] = Math.max(lo, 0);
        else out[i] = sqDistance(data, d, ci, i, cn, norms[i]);
      }
    }
  }
}

/** One entry of `sqDistancesToRow(x, ci, …)`: float64 `(-2·dot + ‖c‖²) + ‖xᵢ‖²` (sequential dot), before the cast. */
function sqDistance(data: FloatArray, d: number, ci: number, i: number, cn: number, ni: number): number {
  const o = i * d;
  const co = ci * d;
  let dot = 0;
  for (let k = 0; k < d; k++) dot += data[o + k] * data[co + k];
  return -2 * dot + cn + ni;
}

/**
 * Squared distances of row `ci` of `x` to every row of `x`, as `_euclidean_distances(.., squared=True)`:
 * float64 `(-2·dot + ‖c‖²) + ‖x‖²`, cast to the input dtype, clipped at 0. Written into `out`.
 */
export function sqDistancesToRow(x: Matrix, ci: number, norms: Float64Array, out: FloatArray): void {
  const { rows, cols, data } = x;
  const cn = norms[ci];
  for (let i = 0; i < rows; i++) {
    out[i] = sqDistance(data, cols, ci, i, cn, norms[i]);
    if (out[i] < 0) out[i] = 0;
  }
}
