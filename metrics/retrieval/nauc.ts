/**
 * Abstention nAUC as mteb reports it: reproduces mteb 2.20 mteb/_evaluators/retrieval_metrics.py
 * `confidence_scores`, `nauc` (numpy ≥ 2: stable argsort) and `evaluate_abstention`, with
 * sklearn.metrics.auc = np.trapezoid, numpy pairwise sums for every mean, and Python's banker's `round`.
 */
import { EmbevalError } from "../errors.js";
import { npMean, npStd, npSum } from "../numeric.js";

/** `np.linspace(0, 1, 11)[:-1]` as doubles (i · 0.1). */
export const ABSTENTION_RATES: readonly number[] = [
  0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9,
];

/** The three per-query confidence functions, in mteb's order. */
export const CONFIDENCE_FUNCTIONS = ["max", "std", "diff1"] as const;
/** A confidence function name. */
export type ConfidenceFn = (typeof CONFIDENCE_FUNCTIONS)[number];

/** A query's confidences from its scores in run insertion order: max, np.std (ddof 0), top1 − top2. */
export function confidenceScores(scores: readonly number[]): Record<ConfidenceFn, number> {
  if (scores.length === 0) return { max: 0, std: 0, diff1: 0 };
  // sorted(scores)[::-1][0] and [1], found in one pass (duplicates count, as in the sorted list).
  let first = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  for (const s of scores) {
    if (s > first) {
      second = first;
      first = s;
    } else if (s > second) second = s;
  }
  return {
    max: first,
    std: npStd(scores),
    diff1: scores.length > 1 ? first - second : 0,
  };
}

/** Python 3 `round(x)` for a float: nearest integer, ties to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Indices that sort `values` ascending, equal values keeping their order (np.argsort(stable=True)). */
function stableArgsort(values: ArrayLike<number>): number[] {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  return idx.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0));
}

/** mteb `abstention_curve`: mean metric of the instances kept after abstaining on the least confident. */
export function abstentionCurve(conf: ArrayLike<number>, metric: ArrayLike<number>): number[] {
  return curveFromOrder(stableArgsort(conf), metric);
}

function curveFromOrder(order: readonly number[], metric: ArrayLike<number>): number[] {
  const n = order.length;
  return ABSTENTION_RATES.map((rate) => {
    const nAbst = Math.min(roundHalfEven(rate * n), n - 1);
    const kept = new Float64Array(n - nAbst);
    for (let i = nAbst; i < n; i++) kept[i - nAbst] = metric[order[i]];
    return npMean(kept);
  });
}

/** sklearn `auc(x, y)` for increasing x: np.trapezoid = add.reduce(diff(x) · (y[1:] + y[:-1]) / 2). */
function trapezoid(x: readonly number[], y: readonly number[]): number {
  const terms = new Float64Array(x.length - 1);
  for (let i = 0; i < terms.length; i++) terms[i] = ((x[i + 1] - x[i]) * (y[i + 1] + y[i])) / 2.0;
  return npSum(terms);
}

/** mteb `nauc(conf, metric)`: (AUC_raw − flat) / (AUC_oracle − flat); NaN when AUC_oracle equals flat. */
export function nauc(conf: ArrayLike<number>, metric: ArrayLike<number>): number {
  if (conf.length !== metric.length) {
    throw new EmbevalError(
      "E_SHAPE_MISMATCH",
      `nAUC: ${conf.length} confidences vs ${metric.length} metric values`,
    );
  }
  return naucFromOrder(stableArgsort(conf), metric);
}

function naucFromOrder(confOrder: readonly number[], metric: ArrayLike<number>): number {
  if (metric.length === 0) throw new EmbevalError("E_EMPTY_INPUT", "nAUC needs at least one query");
  const rates = ABSTENTION_RATES;
  const raw = curveFromOrder(confOrder, metric);
  const oracle = curveFromOrder(stableArgsort(metric), metric);
  const rawAuc = trapezoid(rates, raw);
  const oracleAuc = trapezoid(rates, oracle);
  const flat = oracle[0] * (rates[rates.length - 1] - rates[0]);
  if (oracleAuc === flat) return Number.NaN;
  return (rawAuc - flat) / (oracleAuc - flat);
}

/**
 * mteb `evaluate_abstention`: for each metric list (one value per query) and each confidence function, the
 * nAUC. `scoreLists` holds each query's run scores in insertion order, aligned with the metric lists.
 * Returned keys are `${metricName}_${fn}` in metric then function order.
 */
export function evaluateAbstention(
  scoreLists: readonly (readonly number[])[],
  metrics: ReadonlyMap<string, readonly number[]>,
): Map<string, number> {
  const confs = scoreLists.map(confidenceScores);
  const orders = new Map<ConfidenceFn, number[]>();
  for (const fn of CONFIDENCE_FUNCTIONS)
    orders.set(fn, stableArgsort(Float64Array.from(confs, (c) => c[fn])));
  const out = new Map<string, number>();
  for (const [name, values] of metrics) {
    if (values.length !== confs.length) {
      throw new EmbevalError(
        "E_SHAPE_MISMATCH",
        `${name}: ${values.length} values for ${confs.length} queries`,
      );
    }
    for (const fn of CONFIDENCE_FUNCTIONS) out.set(`${name}_${fn}`, naucFromOrder(orders.get(fn)!, values));
  }
  return out;
}
