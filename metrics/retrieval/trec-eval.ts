/**
 * Per-query trec_eval measures as pytrec_eval computes them for mteb: ndcg_cut, map_cut, recall, P, success and
 * recip_rank. Reproduces trec_eval 9.0.8 form_res_rels.c, m_ndcg_cut.c, m_map_cut.c, m_recall.c, m_P.c,
 * m_success.c, m_recip_rank.c (relevance_level 1, judged_docs_only 0, no per-topic doc cap).
 */
import { EmbevalError } from "../errors.js";
import { type RankOptions, rankIds, TREC_EVAL_RANKING } from "../ranking.js";

/** trec_eval values of one query, one entry per k in the given `kValues` order. */
export interface TrecQueryResult {
  readonly ndcg: number[];
  readonly map: number[];
  readonly recall: number[];
  readonly precision: number[];
  readonly success: number[];
  readonly recipRank: number;
  readonly numRet: number;
  readonly numRel: number;
}

/** Check mteb-style cut-offs: a non-empty list of positive integers. */
export function checkKValues(kValues: readonly number[]): void {
  if (kValues.length === 0)
    throw new EmbevalError("E_EMPTY_INPUT", "k_values is empty", { hint: "pass e.g. [1, 10]" });
  for (const k of kValues) {
    if (!Number.isInteger(k) || k <= 0) {
      throw new EmbevalError("E_INVALID_ARGUMENT", `cut-off k=${k} is not a positive integer`, {
        hint: "trec_eval cut-offs must be positive integers",
      });
    }
  }
}

/**
 * trec_eval's measures for one query. `scores` is the query's run (doc → score, any order), `judgments` its
 * qrels (doc → grade). Documents are ranked by float32 score, ties by doc id descending (code points).
 * Grades ≥ 1 are relevant; a negative grade or a missing judgment counts as non-relevant; `num_rel` counts every
 * grade ≥ 1, retrieved or not. `log2` is JS Math.log2, identical to glibc's for all arguments ≤ 1374 (checked),
 * which covers every rank ≤ 1000. `ranking` exists to show trec_eval 10's double-score order; mteb (pytrec_eval
 * = trec_eval 9.0.8 core) always uses the default float32 order.
 */
export function trecEvalQuery(
  scores: ReadonlyMap<string, number>,
  judgments: ReadonlyMap<string, number>,
  kValues: readonly number[],
  ranking: RankOptions = TREC_EVAL_RANKING,
): TrecQueryResult {
  checkKValues(kValues);
  return trecEvalRanked(rankIds(scores, ranking), judgments, kValues);
}

/**
 * `trecEvalQuery` on documents already in rank order (`rankIds(scores, TREC_EVAL_RANKING)`), so a caller that
 * needs the same order for another measure ranks once. `kValues` must have passed `checkKValues`.
 */
export function trecEvalRanked(
  ranked: readonly string[],
  judgments: ReadonlyMap<string, number>,
  kValues: readonly number[],
): TrecQueryResult {
  let maxK = 0;
  for (const k of kValues) if (k > maxK) maxK = k;
  const numRet = ranked.length;

  const positives: number[] = [];
  for (const g of judgments.values()) if (g >= 1) positives.push(g);
  positives.sort((a, b) => b - a);
  const numRel = positives.length;

  // Prefix sums over the first L ranks; the value at cut-off k is the prefix at rank min(k, L), recorded when
  // the loop reaches that rank (cut-offs visited in ascending order; no per-rank arrays are allocated).
  const L = Math.min(numRet, maxK);
  const nk = kValues.length;
  const at: number[] = new Array(nk);
  for (let j = 0; j < nk; j++) at[j] = Math.min(kValues[j], L);
  const byAt = at.map((_, j) => j).sort((a, b) => at[a] - at[b]);
  const dcg: number[] = new Array(nk).fill(0);
  const hits: number[] = new Array(nk).fill(0);
  const apSum: number[] = new Array(nk).fill(0);
  let next = 0;
  while (next < nk && at[byAt[next]] === 0) next++;
  let sum = 0;
  let relSoFar = 0;
  let ap = 0;
  let recipRank = 0;
  for (let i = 0; i < numRet; i++) {
    const g = judgments.get(ranked[i]);
    const rel = g === undefined ? -1 : g;
    if (rel >= 1 && recipRank === 0) recipRank = 1 / (i + 1);
    if (i >= L) {
      if (recipRank !== 0) break;
      continue;
    }
    if (rel > 0) sum += rel / Math.log2(i + 2);
    if (rel >= 1) {
      relSoFar++;
      ap += relSoFar / (i + 1);
    }
    while (next < nk && at[byAt[next]] === i + 1) {
      const j = byAt[next++];
      dcg[j] = sum;
      hits[j] = relSoFar;
      apSum[j] = ap;
    }
  }

  const I = Math.min(positives.length, maxK);
  const idcg: number[] = new Array(I + 1).fill(0);
  let ideal = 0;
  for (let i = 0; i < I; i++) {
    ideal += positives[i] / Math.log2(i + 2);
    idcg[i + 1] = ideal;
  }

  const out: TrecQueryResult = {
    ndcg: [],
    map: [],
    recall: [],
    precision: [],
    success: [],
    recipRank,
    numRet,
    numRel,
  };
  for (let j = 0; j < nk; j++) {
    const k = kValues[j];
    const idealAt = idcg[Math.min(k, I)];
    out.ndcg.push(idealAt > 0 ? dcg[j] / idealAt : dcg[j]);
    out.map.push(numRel === 0 ? 0 : apSum[j] / numRel);
    out.recall.push(numRel === 0 ? 0 : hits[j] / numRel);
    out.precision.push(hits[j] / k);
    out.success.push(hits[j] > 0 ? 1 : 0);
  }
  return out;
}
