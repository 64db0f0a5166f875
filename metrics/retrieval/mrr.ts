/**
 * mteb's own MRR@k (not trec_eval's recip_rank): reproduces mteb 2.20 mteb/_evaluators/retrieval_metrics.py `mrr`
 * — documents sorted by (double score, doc id) descending (#5136), truncated to max(k), relevant = grade > 0,
 * RR@k = 1/(rank of the first relevant document within the top k), else 0.
 */
import { MTEB_DOUBLE_RANKING, rankIds } from "../ranking.js";
import { checkKValues } from "./trec-eval.js";

/** One query's MRR@k for each k in `kValues` order. */
export function mrrQuery(
  scores: ReadonlyMap<string, number>,
  judgments: ReadonlyMap<string, number>,
  kValues: readonly number[],
): number[] {
  checkKValues(kValues);
  return mrrRanked(rankIds(scores, MTEB_DOUBLE_RANKING), judgments, kValues);
}

/**
 * `mrrQuery` on documents already in rank order (`rankIds(scores, MTEB_DOUBLE_RANKING)`, or the float32 order
 * when every score is float32-representable, which is then the same order). `kValues` must be checked.
 */
export function mrrRanked(
  ranked: readonly string[],
  judgments: ReadonlyMap<string, number>,
  kValues: readonly number[],
): number[] {
  let kMax = 0;
  for (const k of kValues) if (k > kMax) kMax = k;
  const n = Math.min(ranked.length, kMax);
  let first = -1;
  for (let i = 0; i < n; i++) {
    const g = judgments.get(ranked[i]);
    if (g !== undefined && g > 0) {
      first = i;
      break;
    }
  }
  return kValues.map((k) => (first >= 0 && first < k ? 1.0 / (first + 1) : 0.0));
}
