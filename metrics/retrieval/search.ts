/**
 * Exact full-corpus search as mteb's SearchEncoderWrapper does it (mteb/models/search_wrappers.py `search`): the
 * corpus in chunks of 50,000 documents; per chunk `similarity(Q, chunk)` in float32 and `torch.topk(min(top_k+1,
 * chunk))`; each (score, corpus_id) heappush-ed (below capacity) or heappushpop-ed into a per-query min-heap of
 * `top_k`, so at a tie on the cut the larger corpus id survives; results in heap array order.
 */
import { EmbevalError } from "../errors.js";
import { type Matrix, matrix } from "../matrix.js";
import { type SimilarityFn, similarityMatrix } from "../similarity.js";
import { type HeapItem, heappush, heappushpop } from "./heapq.js";
import { torchTopkIndices } from "./torch-topk.js";
import type { Run } from "./types.js";

/** mteb's corpus_chunk_size. */
export const CORPUS_CHUNK_SIZE = 50_000;

/** Inputs of `searchCorpus`; rows align with the id lists. */
export interface SearchInput {
  readonly queryIds: readonly string[];
  readonly queryEmbeddings: Matrix;
  readonly corpusIds: readonly string[];
  /** The corpus embeddings, or a function giving one chunk's embeddings (documents `start..end-1`). */
  readonly corpusEmbeddings: Matrix | ((start: number, end: number) => Promise<Matrix> | Matrix);
  readonly topK: number;
  readonly similarity: SimilarityFn;
  readonly chunkSize?: number;
}

/** Search every query over the whole corpus; returns `{qid: {docid: score}}` in mteb's insertion order. */
export async function searchCorpus(input: SearchInput): Promise<Run> {
  const { queryIds, queryEmbeddings: Q, corpusIds, topK } = input;
  const chunkSize = input.chunkSize ?? CORPUS_CHUNK_SIZE;
  if (Q.rows !== queryIds.length)
    throw new EmbevalError("E_SHAPE_MISMATCH", `${Q.rows} query rows, ${queryIds.length} ids`);
  if (!Number.isInteger(topK) || topK <= 0)
    throw new EmbevalError("E_INVALID_ARGUMENT", `top_k=${topK} must be > 0`);
  const heaps: HeapItem[][] = queryIds.map(() => []);
  for (let start = 0; start < corpusIds.length; start += chunkSize) {
    const end = Math.min(start + chunkSize, corpusIds.length);
    const C =
      typeof input.corpusEmbeddings === "function"
        ? await input.corpusEmbeddings(start, end)
        : sliceRows(input.corpusEmbeddings, start, end);
    if (C.rows !== end - start)
      throw new EmbevalError("E_SHAPE_MISMATCH", `chunk ${start}..${end} has ${C.rows} rows`);
    const n = C.rows;
    const k = Math.min(topK + 1, n);
    for (let qi = 0; qi < Q.rows; qi++) {
      const scores = similarityMatrix(input.similarity, sliceRows(Q, qi, qi + 1), C);
      for (let j = 0; j < n; j++) {
        if (Number.isNaN(scores[j]))
          throw new EmbevalError("E_NOT_FINITE", `NaN similarity for query "${queryIds[qi]}"`);
      }
      const heap = heaps[qi];
      for (const j of torchTopkIndices(scores, k)) {
        const item: HeapItem = [scores[j], corpusIds[start + j]];
        if (heap.length < topK) heappush(heap, item);
        else heappushpop(heap, item);
      }
    }
  }
  const run = new Map<string, ReadonlyMap<string, number>>();
  queryIds.forEach((q, i) => {
    run.set(q, new Map(heaps[i].map(([s, d]) => [d, s])));
  });
  return run;
}

function sliceRows(m: Matrix, start: number, end: number): Matrix {
  return matrix(m.data.subarray(start * m.cols, end * m.cols), end - start, m.cols);
}
