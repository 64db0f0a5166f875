/**
 * mteb's retrieval score dict: reproduces mteb 2.20 mteb/_evaluators/retrieval_metrics.py
 * `parse_metrics_from_scores` (round(sum(values) / n, 5) with Python 3.11's naive builtin sum, in query order)
 * and `make_score_dict` (key names and order; MRR and nAUC unrounded).
 */
import { EmbevalError } from "../errors.js";
import { pyRound, pySum } from "../numeric.js";
import type { RetrievalScoreDict, RetrievalScoreKey } from "./types.js";

/** Python builtin `sum` flavour: "naive" = CPython ≤ 3.11 (the oracle), "neumaier" = CPython ≥ 3.12. */
export type PySumMode = "naive" | "neumaier";

/** Python `sum(values) / len(values)`, unrounded. */
export function pyMean(values: readonly number[], mode: PySumMode = "naive"): number {
  if (values.length === 0)
    throw new EmbevalError("E_EMPTY_INPUT", "mean over zero queries", { hint: "no query was evaluated" });
  return pySum(values, mode) / values.length;
}

/** mteb's trec_eval family aggregate: `round(sum(values) / len(values), 5)`. */
export function roundedMean(values: readonly number[], mode: PySumMode = "naive"): number {
  return pyRound(pyMean(values, mode), 5);
}

/** Per-k family means (already rounded or not, as the caller decides), aligned with `kValues`. */
export interface FamilyMeans {
  readonly ndcg: readonly number[];
  readonly map: readonly number[];
  readonly recall: readonly number[];
  readonly precision: readonly number[];
  readonly mrr: readonly number[];
  readonly hitRate: readonly number[];
}

/** Inputs of `makeScoreDict`. */
export interface ScoreDictInput {
  readonly kValues: readonly number[];
  /** Means as mteb stores them: trec_eval families rounded to 5 decimals, MRR unrounded. */
  readonly means: FamilyMeans;
  /** nAUC values keyed `nauc_{ndcg,map,recall,precision}_at_{k}_{max,std,diff1}`, in mteb order. */
  readonly naucs: ReadonlyMap<string, number>;
  /** nAUC values keyed `nauc_mrr_at_{k}_{fn}`. */
  readonly naucsMrr: ReadonlyMap<string, number>;
}

/**
 * `make_score_dict`: ndcg_at_k, map_at_k, recall_at_k, accuracy (= recall_at_1; omitted when 1 ∉ k_values,
 * where mteb would raise KeyError), precision_at_k, mrr_at_k, nauc_*, nauc_mrr_*, hit_rate_at_k.
 */
export function makeScoreDict(input: ScoreDictInput): RetrievalScoreDict {
  const { kValues, means } = input;
  const out: Partial<Record<RetrievalScoreKey, number>> = {};
  kValues.forEach((k, i) => {
    out[`ndcg_at_${k}`] = means.ndcg[i];
  });
  kValues.forEach((k, i) => {
    out[`map_at_${k}`] = means.map[i];
  });
  kValues.forEach((k, i) => {
    out[`recall_at_${k}`] = means.recall[i];
  });
  const one = kValues.indexOf(1);
  if (one >= 0) out.accuracy = means.recall[one];
  kValues.forEach((k, i) => {
    out[`precision_at_${k}`] = means.precision[i];
  });
  kValues.forEach((k, i) => {
    out[`mrr_at_${k}`] = means.mrr[i];
  });
  for (const [key, v] of input.naucs) out[key as RetrievalScoreKey] = v;
  for (const [key, v] of input.naucsMrr) out[key as RetrievalScoreKey] = v;
  kValues.forEach((k, i) => {
    out[`hit_rate_at_${k}`] = means.hitRate[i];
  });
  return out;
}
