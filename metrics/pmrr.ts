/**
 * FollowIR p-MRR and the instruction-reranking score dict: reproduces mteb 2.20
 * mteb/_evaluators/retrieval_metrics.py `get_rank_from_dict` ((score, doc id) descending, #5241),
 * `rank_score`, `calculate_pmrr` (pandas groupby("qid").mean — Kahan-compensated per group, keys sorted — then
 * Series.mean = numpy pairwise sum / n) and `evaluate_p_mrr_change` (nested "og" / "changed" score dicts).
 */
import { EmbevalError } from "./errors.js";
import { npSum } from "./numeric.js";
import { compareCodePoints, MTEB_DOUBLE_RANKING, rankDocuments } from "./ranking.js";
import { evaluateRetrieval } from "./retrieval/evaluate.js";
import type { Qrels, RetrievalScoreDict, Run } from "./retrieval/types.js";

/** `{base query id → doc ids whose relevance changed}` (the qrel_diff config; ids without suffix). */
export type ChangedQrels = ReadonlyMap<string, readonly string[]>;

/** One changed document's ranks and score, as in mteb's changes DataFrame. */
export interface PmrrDoc {
  readonly qid: string;
  readonly docId: string;
  readonly ogRank: number;
  readonly newRank: number;
  /** The doc's score in the -og run (0 if absent). */
  readonly ogScore: number;
  readonly newScore: number;
  /** ogRank − newRank. */
  readonly change: number;
  readonly pMrr: number;
}

/** p-MRR with its per-document and per-query details. */
export interface PmrrResult {
  readonly pMrr: number;
  readonly perDoc: readonly PmrrDoc[];
  /** Per-query mean (pandas Kahan group mean), keys in sorted (code point) order. */
  readonly perQuery: ReadonlyMap<string, number>;
  /** qrel_diff queries without both an `-og` and a `-changed` run (mteb logs a warning). */
  readonly skippedQids: readonly string[];
}

/** mteb `get_rank_from_dict`: 1-based rank by (double score, doc id) descending; absent → (len + 1, 0). */
export function rankInRun(docs: ReadonlyMap<string, number>, docId: string): { rank: number; score: number } {
  const ranked = rankDocuments(docs, MTEB_DOUBLE_RANKING);
  const i = ranked.findIndex((d) => d.id === docId);
  return i >= 0 ? { rank: i + 1, score: ranked[i].score } : { rank: ranked.length + 1, score: 0 };
}

/** mteb `rank_score`: new/og − 1 (≤ 0) if the doc moved up or stayed, else 1 − og/new, in mteb's float order. */
export function rankScore(ogRank: number, newRank: number): number {
  if (ogRank >= newRank) return 1 / ogRank / (1 / newRank) - 1;
  return 1 - 1 / newRank / (1 / ogRank);
}

/** pandas group_mean for one group: Kahan-compensated sum in row order, divided by the count. */
function kahanMean(values: readonly number[]): number {
  let sum = 0;
  let comp = 0;
  for (const v of values) {
    const y = v - comp;
    const t = sum + y;
    comp = t - sum - y;
    if (Number.isNaN(comp)) comp = 0;
    sum = t;
  }
  return sum / values.length;
}

/**
 * mteb `calculate_pmrr` on a combined run: `-og` queries form the original run, all others the new run.
 * Throws E_EMPTY_INPUT when no changed document can be scored (mteb's pandas code fails there).
 */
export function pMrr(run: Run, changed: ChangedQrels): PmrrResult {
  const perDoc: PmrrDoc[] = [];
  const skipped: string[] = [];
  for (const [qid, docIds] of changed) {
    const og = run.get(`${qid}-og`);
    const neu = run.get(`${qid}-changed`);
    if (og === undefined || neu === undefined) {
      skipped.push(qid);
      continue;
    }
    for (const docId of docIds) {
      const o = rankInRun(og, docId);
      const n = rankInRun(neu, docId);
      perDoc.push({
        qid,
        docId,
        ogRank: o.rank,
        newRank: n.rank,
        ogScore: o.score,
        newScore: n.score,
        change: o.rank - n.rank,
        pMrr: rankScore(o.rank, n.rank),
      });
    }
  }
  if (perDoc.length === 0) {
    throw new EmbevalError("E_EMPTY_INPUT", "p-MRR: no changed document has both an -og and a -changed run", {
      hint: "qrel_diff ids must match run ids without their -og / -changed suffix",
    });
  }
  const groups = new Map<string, number[]>();
  for (const d of perDoc) {
    const g = groups.get(d.qid);
    if (g) g.push(d.pMrr);
    else groups.set(d.qid, [d.pMrr]);
  }
  const keys = [...groups.keys()].sort(compareCodePoints);
  const perQuery = new Map(keys.map((k) => [k, kahanMean(groups.get(k)!)] as const));
  const means = Float64Array.from(perQuery.values());
  return { pMrr: npSum(means) / means.length, perDoc, perQuery, skippedQids: skipped };
}

/** The instruction-reranking score dict: the usual retrieval dict plus "p-MRR", "og" and "changed". */
export interface InstructionScores {
  readonly scores: RetrievalScoreDict & {
    readonly "p-MRR": number;
    readonly og: RetrievalScoreDict;
    readonly changed: RetrievalScoreDict;
  };
  readonly pmrr: PmrrResult;
}

function splitByOg<T>(m: ReadonlyMap<string, T>, og: boolean): Map<string, T> {
  return new Map([...m].filter(([k]) => k.endsWith("-og") === og));
}

/**
 * mteb `evaluate_p_mrr_change` merged into the task's score dict: retrieval metrics over all queries,
 * then "p-MRR", then the full score dicts of the `-og` half and of the rest (each against its half of qrels).
 */
export function instructionRerankingScores(
  qrels: Qrels,
  run: Run,
  changed: ChangedQrels,
  kValues: readonly number[],
): InstructionScores {
  const all = evaluateRetrieval(qrels, run, { kValues });
  const pmrr = pMrr(run, changed);
  const og = evaluateRetrieval(splitByOg(qrels, true), splitByOg(run, true), { kValues }).scores;
  const ch = evaluateRetrieval(splitByOg(qrels, false), splitByOg(run, false), { kValues }).scores;
  return { scores: { ...all.scores, "p-MRR": pmrr.pMrr, og, changed: ch }, pmrr };
}
