/**
 * Paired bootstrap over items for the `embeval compare` gate (Koehn 2004 / Efron & Tibshirani percentile bootstrap):
 * resamples item indices with numpy `RandomState(seed).randint(0, n, n)`, stratified by (split, subset), and
 * recomputes the task-score delta (mean over records of each record's score) on every resample.
 */

import { pearson, spearman } from "../../metrics/correlation.js";
import { EmbevalError } from "../../metrics/errors.js";
import { RandomState } from "../../metrics/rng/index.js";
import type { ItemRecord } from "../results/items.js";
import { resampleScorer, usesCounts } from "./resample-score.js";

/** Baseline and candidate records of one (split, subset), their items in the same order. */
export interface AlignedRecords {
  readonly split: string;
  readonly subset: string;
  readonly base: ItemRecord;
  readonly cand: ItemRecord;
}

/** Why two records cannot be paired (null when they can). */
export function pairingProblem(base: ItemRecord, cand: ItemRecord): string | null {
  if (base.kind !== cand.kind) return `kind differs (${base.kind} vs ${cand.kind})`;
  if (base.metric !== cand.metric) return `metric differs (${base.metric} vs ${cand.metric})`;
  if (base.kind === "correlation" && cand.kind === "correlation") {
    if ((base.statistic ?? "spearman") !== (cand.statistic ?? "spearman"))
      return "correlation statistic differs";
  }
  if (base.ids.length !== cand.ids.length)
    return `item count differs (${base.ids.length} vs ${cand.ids.length})`;
  const ids = new Set(cand.ids);
  if (!base.ids.every((id) => ids.has(id))) return "item ids differ";
  return null;
}

/** The candidate record with its items reordered to the baseline's id order (the pair must pass pairingProblem). */
export function alignRecords(base: ItemRecord, cand: ItemRecord): AlignedRecords {
  const problem = pairingProblem(base, cand);
  if (problem !== null) {
    throw new EmbevalError("E_SHAPE_MISMATCH", `cannot pair ${base.split}/${base.subset}: ${problem}`);
  }
  const pos = new Map(cand.ids.map((id, i) => [id, i]));
  const order = base.ids.map((id) => pos.get(id) as number);
  const values = order.map((i) => cand.values[i]);
  const aligned = { ...cand, ids: base.ids, values } as ItemRecord;
  return { split: base.split, subset: base.subset, base, cand: aligned };
}

/** A record's score on the items `idx` (all items when omitted): the mean, or the correlation of the pairs. */
export function recordScore(r: ItemRecord, idx?: ArrayLike<number>): number {
  const n = idx ? idx.length : r.values.length;
  const at = (k: number) => (idx ? idx[k] : k);
  if (r.kind === "correlation") {
    const gold = new Float64Array(n);
    const pred = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const p = r.values[at(k)];
      gold[k] = p[0];
      pred[k] = p[1];
    }
    if (r.statistic === "pearson") return n < 2 ? Number.NaN : pearson(gold, pred);
    return spearman(gold, pred);
  }
  let s = 0;
  for (let k = 0; k < n; k++) s += r.values[at(k)];
  return s / n;
}

/** Options of `pairedBootstrap`. */
export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  readonly resamples?: number;
  /** Seed of numpy's legacy RandomState (default 42). */
  readonly seed?: number;
}

/** What the bootstrap says about candidate − baseline (fractions, like the main score). */
export interface BootstrapResult {
  /** The observed delta of the item-derived task score (mean over records). */
  readonly delta: number;
  /** One-sided p-value of "the candidate is not worse": (1 + #{resampled delta ≥ 0}) / (1 + valid resamples). */
  readonly pValue: number;
  /** 95% percentile interval of the resampled delta (numpy "linear" quantiles). */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Resamples with a defined delta (a correlation of a constant resample is undefined and dropped). */
  readonly resamples: number;
  readonly items: number;
}

/** numpy.quantile(sorted, q) with the default linear method. */
function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Stratified paired bootstrap of a task: for each record (in the given order) draw `resamples` index vectors
 * `randint(0, n, n)` from one RandomState(seed), score both sides on the same indices; the task delta of resample b is
 * the mean over records of (candidate − baseline). Throws E_EMPTY_INPUT without records, E_INVALID_ARGUMENT for a
 * bad resample count or seed.
 */
export function pairedBootstrap(
  records: readonly AlignedRecords[],
  opts: BootstrapOptions = {},
): BootstrapResult {
  const B = opts.resamples ?? 1000;
  const seed = opts.seed ?? 42;
  if (!Number.isInteger(B) || B < 1) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `resamples must be a positive integer, got ${B}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `seed must be an integer in [0, 2^32), got ${seed}`);
  }
  if (records.length === 0)
    throw new EmbevalError("E_EMPTY_INPUT", "paired bootstrap needs at least one record");
  const rs = new RandomState(seed);
  const sums = new Float64Array(B);
  let delta = 0;
  let items = 0;
  for (const r of records) {
    const n = r.base.values.length;
    if (r.cand.values.length !== n) {
      throw new EmbevalError("E_SHAPE_MISMATCH", `${r.split}/${r.subset}: records are not aligned`);
    }
    items += n;
    delta += recordScore(r.cand) - recordScore(r.base);
    const scoreBase = resampleScorer(r.base);
    const scoreCand = resampleScorer(r.cand);
    const counts = new Int32Array(n);
    const ranked = usesCounts(r.base) || usesCounts(r.cand);
    for (let b = 0; b < B; b++) {
      const idx = rs.randintArray(0, n, n);
      if (ranked) {
        counts.fill(0);
        for (let k = 0; k < n; k++) counts[idx[k]]++;
      }
      sums[b] += scoreCand(idx, counts) - scoreBase(idx, counts);
    }
  }
  const k = records.length;
  const valid = Array.from(sums, (s) => s / k).filter((d) => !Number.isNaN(d));
  const notWorse = valid.filter((d) => d >= 0).length;
  const sorted = Float64Array.from(valid).sort();
  return {
    delta: delta / k,
    pValue: (1 + notWorse) / (1 + valid.length),
    ciLow: quantile(sorted, 0.025),
    ciHigh: quantile(sorted, 0.975),
    resamples: valid.length,
    items,
  };
}
