/**
 * BM25 search reproducing mteb's `baseline-bm25s` (mteb/models/bm25.py BM25Search on bm25s 0.1–0.3, numpy
 * backend): query tokens (duplicates kept, unknown stems dropped) add their float32 postings in query order
 * (`np.add.at`), then the top k (mteb: 1000) documents are returned, best first.
 */
import type { Run } from "../../metrics/retrieval/types.js";
import { EmbevalError } from "../errors.js";
import type { Bm25Index } from "./bm25-index.js";
import { selectTopK, type TopK } from "./top-k.js";

/** A reusable scorer over one index (it keeps one float32 buffer of nDocs scores). */
export interface Bm25Searcher {
  /** Term ids of a query's tokens that are in the corpus vocabulary (bm25s `get_tokens_ids`). */
  termIds(queryText: string): number[];
  /** Dense float32 scores of every document (bm25s `get_scores`); a fresh array. */
  scores(queryText: string): Float32Array;
  /** The k best documents (k capped at nDocs), best first. */
  topK(queryText: string, k: number): TopK;
}

/** Create a searcher for an index. */
export function createBm25Searcher(index: Bm25Index): Bm25Searcher {
  const acc = new Float32Array(index.nDocs);
  const touched = new Int32Array(index.nDocs);
  const termIds = (queryText: string): number[] => {
    const ids: number[] = [];
    for (const tok of index.tokenizer.tokenize(queryText)) {
      const id = index.vocab.get(tok);
      if (id !== undefined) ids.push(id);
    }
    return ids;
  };
  /** Accumulate into `acc`; returns how many documents were touched (listed in `touched`). */
  const accumulate = (ids: readonly number[]): number => {
    let nTouched = 0;
    const { indptr, docs, weights } = index;
    for (const t of ids) {
      for (let i = indptr[t]; i < indptr[t + 1]; i++) {
        const d = docs[i];
        if (acc[d] === 0) touched[nTouched++] = d;
        acc[d] += weights[i];
      }
    }
    return nTouched;
  };
  const reset = (nTouched: number): void => {
    for (let i = 0; i < nTouched; i++) acc[touched[i]] = 0;
  };
  return {
    termIds,
    scores(queryText) {
      const nTouched = accumulate(termIds(queryText));
      const out = acc.slice();
      reset(nTouched);
      return out;
    },
    topK(queryText, k) {
      if (!Number.isInteger(k) || k < 1) {
        throw new EmbevalError("E_INVALID_ARGUMENT", `top-k must be a positive integer, got ${k}`);
      }
      const nTouched = accumulate(termIds(queryText));
      const top = selectTopK(acc, touched, nTouched, k);
      reset(nTouched);
      return top;
    },
  };
}

/** A query as mteb passes it to BM25 (its text as is). */
export interface Bm25Query {
  readonly id: string;
  readonly text: string;
}

/**
 * Search every query; returns mteb's run `{query id → {doc id → score}}` with the top `topK` documents
 * (default 1000, mteb's largest k) inserted best first. `docIds[i]` names the index's document i.
 */
export function bm25Search(
  index: Bm25Index,
  docIds: readonly string[],
  queries: readonly Bm25Query[],
  topK = 1000,
): Run {
  if (docIds.length !== index.nDocs) {
    throw new EmbevalError(
      "E_SHAPE_MISMATCH",
      `${docIds.length} doc ids for an index of ${index.nDocs} documents`,
    );
  }
  const searcher = createBm25Searcher(index);
  const run = new Map<string, Map<string, number>>();
  for (const q of queries) {
    const { docs, scores } = searcher.topK(q.text, topK);
    const ranked = new Map<string, number>();
    for (let r = 0; r < docs.length; r++) ranked.set(docIds[docs[r]], scores[r]);
    run.set(q.id, ranked);
  }
  return run;
}
