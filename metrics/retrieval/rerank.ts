/**
 * Candidate-list search from embeddings: reproduces mteb 2.20 mteb/models/search_wrappers.py
 * SearchEncoderWrapper._rerank_documents + _rerank_sort_results — per query, model similarity over its
 * top_ranked candidates, torch.topk(min(top_k, n)), every kept (score, id) heappush-ed into an uncapped heap,
 * and the result dict filled in the heap's array order.
 */
import { EmbevalError } from "../errors.js";
import { isFloat32, type Matrix, takeRows } from "../matrix.js";
import { type SimilarityFn, similarityMatrix } from "../similarity.js";
import { type HeapItem, heappush } from "./heapq.js";
import { torchTopkIndices } from "./torch-topk.js";
import type { Qrels, Run } from "./types.js";

/** Inputs of `rerankFromEmbeddings`. Embedding rows align with the id lists. */
export interface RerankInput {
  readonly queryIds: readonly string[];
  readonly queryEmbeddings: Matrix;
  readonly corpusIds: readonly string[];
  readonly corpusEmbeddings: Matrix;
  /** `{query id → candidate corpus ids}` (the task's top_ranked config). */
  readonly topRanked: ReadonlyMap<string, readonly string[]>;
  /** mteb's top_k = max(k_values); candidates beyond it are dropped. Default 1000. */
  readonly topK?: number;
  /** The model's similarity; default cosine (torch cos_sim). */
  readonly similarity?: SimilarityFn;
  /**
   * If given, only queries with a non-empty qrels entry are searched, as mteb reduces the queries at load time
   * and drops those without judgments (`queriesToSearch`). Otherwise every query is searched.
   */
  readonly qrels?: Qrels;
}

/** The run plus the queries that had no top_ranked entry (mteb logs a warning and leaves them empty). */
export interface RerankResult {
  readonly run: Run;
  readonly missingFromTopRanked: readonly string[];
}

/**
 * Queries mteb searches: those with a non-empty qrels entry, in query (dataset) order — the load-time
 * reduction to qrels ids plus `_filter_queries_without_positives`.
 */
export function queriesToSearch(queryIds: readonly string[], qrels: Qrels): string[] {
  return queryIds.filter((q) => (qrels.get(q)?.size ?? 0) > 0);
}

/**
 * Rerank each query's candidates by model similarity, as mteb builds the results for reranking tasks.
 * Similarity runs in float32 (torch) unless both embedding matrices are float64 (torch keeps float64 tensors).
 * torch.topk's order among exactly tied scores (which decides the heap array order, hence the result dict's
 * insertion order and, beyond top_k candidates, which tie survives) follows torch's CPU kernel on libstdc++
 * (`torchTopkIndices`). Scores equal torch's up to float32 rounding of the cosine (≤ ~1 ulp).
 */
export function rerankFromEmbeddings(input: RerankInput): RerankResult {
  const { queryIds, queryEmbeddings: Q, corpusIds, corpusEmbeddings: C, topRanked } = input;
  const topK = input.topK ?? 1000;
  const fn = input.similarity ?? "cosine";
  if (Q.rows !== queryIds.length || C.rows !== corpusIds.length) {
    throw new EmbevalError("E_SHAPE_MISMATCH", "embedding rows do not match the id lists", {
      hint: `queries ${Q.rows} rows vs ${queryIds.length} ids, corpus ${C.rows} rows vs ${corpusIds.length} ids`,
    });
  }
  if (!Number.isInteger(topK) || topK <= 0)
    throw new EmbevalError("E_INVALID_ARGUMENT", `top_k=${topK} must be > 0`);
  const precision = !isFloat32(Q) && !isFloat32(C) ? "float64" : "float32";
  const docIndex = new Map<string, number>();
  corpusIds.forEach((id, i) => {
    docIndex.set(id, i);
  });
  const run = new Map<string, ReadonlyMap<string, number>>();
  const missing: string[] = [];
  const qrels = input.qrels;
  queryIds.forEach((qid, qi) => {
    if (qrels !== undefined && (qrels.get(qid)?.size ?? 0) === 0) return;
    const ranked = topRanked.get(qid);
    if (ranked === undefined) {
      missing.push(qid);
      run.set(qid, new Map());
      return;
    }
    if (ranked.length === 0) {
      throw new EmbevalError("E_EMPTY_INPUT", `query "${qid}" has an empty candidate list`, {
        hint: "mteb fails on empty top_ranked lists; drop the entry or add candidates",
      });
    }
    const idx = ranked.map((d) => {
      const i = docIndex.get(d);
      if (i === undefined)
        throw new EmbevalError("E_INVALID_ARGUMENT", `candidate "${d}" of "${qid}" is not in the corpus`);
      return i;
    });
    const scores = similarityMatrix(fn, takeRows(Q, [qi]), takeRows(C, idx), precision);
    for (let i = 0; i < scores.length; i++) {
      if (Number.isNaN(scores[i])) {
        throw new EmbevalError("E_NOT_FINITE", `NaN similarity for query "${qid}"`, {
          hint: "check the embeddings",
        });
      }
    }
    const heap: HeapItem[] = [];
    for (const i of torchTopkIndices(scores, Math.min(topK, idx.length)))
      heappush(heap, [scores[i], ranked[i]]);
    const docs = new Map<string, number>();
    for (const [score, id] of heap) docs.set(id, score);
    run.set(qid, docs);
  });
  return { run, missingFromTopRanked: missing };
}
