/** Retrieval data and measure-name types (mteb RelevantDocumentsType / RetrievalOutputType, pytrec_eval names). */

/** Relevance judgments `{query id → {doc id → grade}}`. Maps keep insertion order (JS objects reorder "10"). */
export type Qrels = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** A run `{query id → {doc id → score}}`. Insertion order matters (nAUC std, skip_first_result ties). */
export type Run = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** A pytrec_eval per-query measure name as mteb requests them. */
export type TrecMeasureName =
  | `ndcg_cut_${number}`
  | `map_cut_${number}`
  | `recall_${number}`
  | `P_${number}`
  | `success_${number}`;

/** The metric families of mteb's score dict that come from trec_eval. */
export type TrecFamily = "ndcg" | "map" | "recall" | "precision" | "hit_rate";

/** mteb score-dict keys (make_score_dict). */
export type RetrievalScoreKey =
  | `ndcg_at_${number}`
  | `map_at_${number}`
  | `recall_at_${number}`
  | `precision_at_${number}`
  | `mrr_at_${number}`
  | `hit_rate_at_${number}`
  | `nauc_${"ndcg" | "map" | "recall" | "precision" | "mrr"}_at_${number}_${"max" | "std" | "diff1"}`
  | "accuracy";

/** A score dict: mteb key → value (NaN for an undefined nAUC). Insertion order follows make_score_dict. */
export type RetrievalScoreDict = Readonly<Partial<Record<RetrievalScoreKey, number>>>;

/** One query's metric values, one entry per k in `kValues` order. */
export interface QueryMetrics {
  /** trec_eval ndcg_cut@k. */
  readonly ndcg: readonly number[];
  /** trec_eval map_cut@k (AP truncated at k, divided by num_rel). */
  readonly map: readonly number[];
  /** trec_eval recall@k. */
  readonly recall: readonly number[];
  /** trec_eval P@k (hits / k). */
  readonly precision: readonly number[];
  /** trec_eval success@k (mteb hit_rate_at_k). */
  readonly success: readonly number[];
  /** mteb's own MRR@k (double scores). */
  readonly mrr: readonly number[];
  /** trec_eval recip_rank (no cut-off, float32 order); not part of mteb's dict. */
  readonly recipRank: number;
  /** Number of retrieved documents. */
  readonly numRet: number;
  /** Number of qrels entries with grade ≥ 1 (retrieved or not). */
  readonly numRel: number;
}
