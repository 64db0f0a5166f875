/**
 * Public retrieval entry point: reproduces mteb 2.20 RetrievalEvaluator.evaluate (ignore_identical_ids,
 * skip_first_result) + calculate_retrieval_scores (pytrec_eval measures, mteb MRR, nAUC, make_score_dict),
 * returning per-query values alongside the means.
 */
import { EmbevalError } from "../errors.js";
import { pyRound } from "../numeric.js";
import {
  MTEB_DOUBLE_RANKING,
  rankDocuments,
  rankIds,
  STABLE_SCORE_RANKING,
  TREC_EVAL_RANKING,
} from "../ranking.js";
import { mrrRanked } from "./mrr.js";
import { evaluateAbstention } from "./nauc.js";
import { type FamilyMeans, makeScoreDict, type PySumMode, pyMean } from "./score-dict.js";
import { checkKValues, trecEvalRanked } from "./trec-eval.js";
import type { Qrels, QueryMetrics, RetrievalScoreDict, Run } from "./types.js";

/** Options of `evaluateRetrieval`; the two flags are mteb task attributes (both false by default). */
export interface EvaluateRetrievalOptions {
  readonly kValues: readonly number[];
  /** Drop the result whose doc id equals the query id (ArguAna, Quora, ...), after the top-k cut. */
  readonly ignoreIdenticalIds?: boolean;
  /** Re-sort each query's results by score only (stable) and drop the first (i2i image/audio tasks). */
  readonly skipFirstResult?: boolean;
  /** Python `sum` used for the means: "naive" (CPython 3.11, default, the oracle) or "neumaier" (≥ 3.12). */
  readonly pythonSum?: PySumMode;
}

/** Everything mteb computes for one retrieval split, plus the per-query values. */
export interface RetrievalEvaluation {
  readonly kValues: readonly number[];
  /** Evaluated queries: run queries that have a non-empty qrels entry, in run order. */
  readonly queryIds: readonly string[];
  /** The run actually scored (after ignore_identical_ids / skip_first_result), evaluated queries only. */
  readonly run: Run;
  readonly perQuery: ReadonlyMap<string, QueryMetrics>;
  /** Means before mteb's 5-decimal rounding (MRR is never rounded). */
  readonly unrounded: FamilyMeans;
  /** Means as mteb stores them (trec_eval families rounded to 5 decimals). */
  readonly means: FamilyMeans;
  /** nAUC keyed `nauc_{ndcg,map,recall,precision,mrr}_at_{k}_{max,std,diff1}` (NaN if undefined). */
  readonly nauc: ReadonlyMap<string, number>;
  /** mteb's `make_score_dict` output. */
  readonly scores: RetrievalScoreDict;
}

/** mteb's run post-processing: ignore_identical_ids, then skip_first_result. Returns a new run. */
export function postprocessRun(
  run: Run,
  opts: Pick<EvaluateRetrievalOptions, "ignoreIdenticalIds" | "skipFirstResult">,
): Run {
  const out = new Map<string, ReadonlyMap<string, number>>();
  for (const [qid, docs] of run) {
    let cur: ReadonlyMap<string, number> = docs;
    if (opts.ignoreIdenticalIds && cur.has(qid)) {
      const m = new Map(cur);
      m.delete(qid);
      cur = m;
    }
    if (opts.skipFirstResult) {
      const ranked = rankDocuments(cur, STABLE_SCORE_RANKING).slice(1);
      cur = new Map(ranked.map((d) => [d.id, d.score]));
    }
    out.set(qid, cur);
  }
  return out;
}

/** Every score is a float32 value: then the float32 and the double rankings are the same order. */
function float32Exact(scores: ReadonlyMap<string, number>): boolean {
  for (const s of scores.values()) if (Math.fround(s) !== s) return false;
  return true;
}

/**
 * One query's trec_eval measures and mteb MRR@k (`kValues` already checked). Ranks once when the scores are
 * float32 values (embedding similarities always are): the two rankings then coincide; otherwise ranks twice.
 */
export function scoreQuery(
  docs: ReadonlyMap<string, number>,
  judgments: ReadonlyMap<string, number>,
  kValues: readonly number[],
): QueryMetrics {
  const ranked = rankIds(docs, TREC_EVAL_RANKING);
  const trec = trecEvalRanked(ranked, judgments, kValues);
  const mrrOrder = float32Exact(docs) ? ranked : rankIds(docs, MTEB_DOUBLE_RANKING);
  return { ...trec, mrr: mrrRanked(mrrOrder, judgments, kValues) };
}

const NAUC_FAMILIES = ["ndcg", "map", "recall", "precision"] as const;

/** mteb's `round(mean, 5)` for the trec_eval families. */
const round5 = (x: number): number => pyRound(x, 5);

/**
 * Score a run against qrels exactly as mteb does. Queries are those of the run that have a non-empty qrels
 * entry (pytrec_eval skips the others; mteb drops empty-qrels queries before search), in run order. A query
 * with an empty result map is evaluated and scores 0.
 */
export function evaluateRetrieval(
  qrels: Qrels,
  run: Run,
  opts: EvaluateRetrievalOptions,
): RetrievalEvaluation {
  const { kValues } = opts;
  const sum = opts.pythonSum ?? "naive";
  checkKValues(kValues);
  const processed = postprocessRun(run, opts);
  const scored = new Map<string, ReadonlyMap<string, number>>();
  const perQuery = new Map<string, QueryMetrics>();
  for (const [qid, docs] of processed) {
    const judgments = qrels.get(qid);
    if (judgments === undefined || judgments.size === 0) continue;
    scored.set(qid, docs);
    perQuery.set(qid, scoreQuery(docs, judgments, kValues));
  }
  if (perQuery.size === 0) {
    throw new EmbevalError("E_EMPTY_INPUT", "no run query has relevance judgments", {
      hint: "check that run and qrels use the same query ids",
    });
  }
  const rows = [...perQuery.values()];
  const column = (family: keyof Omit<QueryMetrics, "recipRank" | "numRet" | "numRel">, i: number) =>
    rows.map((r) => r[family][i]);
  const ks = kValues.map((_, i) => i);
  const unrounded: FamilyMeans = {
    ndcg: ks.map((i) => pyMean(column("ndcg", i), sum)),
    map: ks.map((i) => pyMean(column("map", i), sum)),
    recall: ks.map((i) => pyMean(column("recall", i), sum)),
    precision: ks.map((i) => pyMean(column("precision", i), sum)),
    mrr: ks.map((i) => pyMean(column("mrr", i), sum)),
    hitRate: ks.map((i) => pyMean(column("success", i), sum)),
  };
  const means: FamilyMeans = {
    ndcg: unrounded.ndcg.map(round5),
    map: unrounded.map.map(round5),
    recall: unrounded.recall.map(round5),
    precision: unrounded.precision.map(round5),
    mrr: unrounded.mrr,
    hitRate: unrounded.hitRate.map(round5),
  };

  const scoreLists = [...scored.values()].map((docs) => [...docs.values()]);
  const trecMetrics = new Map<string, readonly number[]>();
  for (const family of NAUC_FAMILIES) {
    kValues.forEach((k, i) => {
      trecMetrics.set(`nauc_${family}_at_${k}`, column(family, i));
    });
  }
  const mrrMetrics = new Map<string, readonly number[]>();
  kValues.forEach((k, i) => {
    mrrMetrics.set(`nauc_mrr_at_${k}`, column("mrr", i));
  });
  const naucs = evaluateAbstention(scoreLists, trecMetrics);
  const naucsMrr = evaluateAbstention(scoreLists, mrrMetrics);
  const nauc = new Map([...naucs, ...naucsMrr]);

  return {
    kValues: [...kValues],
    queryIds: [...perQuery.keys()],
    run: scored,
    perQuery,
    unrounded,
    means,
    nauc,
    scores: makeScoreDict({ kValues, means, naucs, naucsMrr }),
  };
}
