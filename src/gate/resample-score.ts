/**
 * Fast scores of a bootstrap resample given as item counts: the mean, and scipy 1.17 `spearmanr` of the resampled
 * pairs in O(n) per resample (average ranks from a presorted order and the draw counts), bit-identical to
 * `spearman(gold[idx], pred[idx])` of metrics/correlation.ts, whose rank cross-products are exact.
 */
import { pearson } from "../../metrics/correlation.js";
import type { ItemRecord } from "../results/items.js";

/** Scores a resample: `idx` the drawn item indices, `counts[j]` how often item j was drawn. */
export type ResampleScorer = (idx: Int32Array, counts: Int32Array) => number;

/** Average ranks of a column under resampling: the items sorted once, tie groups kept. */
class ResampleRanker {
  private readonly order: Int32Array;
  /** groupEnd[k]: one past the last sorted position of the tie group holding sorted position k. */
  private readonly groupEnd: Int32Array;
  readonly ranks: Float64Array;

  constructor(x: Float64Array) {
    const n = x.length;
    this.order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
    this.groupEnd = new Int32Array(n);
    let start = 0;
    while (start < n) {
      let end = start + 1;
      while (end < n && x[this.order[end]] === x[this.order[start]]) end++;
      this.groupEnd.fill(end, start, end);
      start = end;
    }
    this.ranks = new Float64Array(n);
  }

  /** Fills `ranks[j]` with the average rank item j's copies get in the resample (scipy rankdata "average"). */
  rank(counts: Int32Array): Float64Array {
    const n = this.order.length;
    let pos = 0; // resampled items placed so far
    let k = 0;
    while (k < n) {
      const end = this.groupEnd[k];
      let g = 0;
      for (let m = k; m < end; m++) g += counts[this.order[m]];
      const rank = 0.5 * (2 * pos + g + 1); // positions pos+1 … pos+g share their mean
      for (let m = k; m < end; m++) this.ranks[this.order[m]] = rank;
      pos += g;
      k = end;
    }
    return this.ranks;
  }
}

/** True when the record's scorer reads `counts` (Spearman); the others only read `idx`. */
export function usesCounts(r: ItemRecord): boolean {
  return r.kind === "correlation" && r.statistic !== "pearson";
}

function column(r: ItemRecord & { kind: "correlation" }, c: 0 | 1): Float64Array {
  return Float64Array.from(r.values, (p) => p[c]);
}

/**
 * The scorer of a record. Throws nothing; a resample whose correlation is undefined (a constant column) scores NaN,
 * as scipy does. A column holding NaN is rejected when the sidecar is read, so ranks never see one.
 */
export function resampleScorer(r: ItemRecord): ResampleScorer {
  if (r.kind !== "correlation") {
    const v = Float64Array.from(r.values);
    return (idx) => {
      let s = 0;
      for (let k = 0; k < idx.length; k++) s += v[idx[k]];
      return s / idx.length;
    };
  }
  const gold = column(r, 0);
  const pred = column(r, 1);
  if (r.statistic === "pearson") {
    return (idx) =>
      idx.length < 2
        ? Number.NaN
        : pearson(
            Float64Array.from(idx, (i) => gold[i]),
            Float64Array.from(idx, (i) => pred[i]),
          );
  }
  const rg = new ResampleRanker(gold);
  const rp = new ResampleRanker(pred);
  return (idx, counts) => {
    const n = idx.length;
    if (n <= 1) return Number.NaN;
    const a = rg.rank(counts);
    const b = rp.rank(counts);
    const mean = (n + 1) / 2;
    let c00 = 0;
    let c11 = 0;
    let c01 = 0;
    for (let j = 0; j < counts.length; j++) {
      const c = counts[j];
      if (c === 0) continue;
      const x = a[j] - mean;
      const y = b[j] - mean;
      c00 += c * x * x;
      c11 += c * y * y;
      c01 += c * x * y;
    }
    const inv = 1 / (n - 1);
    let rho = (c01 * inv) / Math.sqrt(c11 * inv) / Math.sqrt(c00 * inv);
    if (rho > 1) rho = 1;
    else if (rho < -1) rho = -1;
    return rho;
  };
}
