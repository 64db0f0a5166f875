/**
 * The straightforward search (embeval's earlier searchCorpus: a full score row per query, torch topk). The scores of
 * a chunk are `similarity(all queries, chunk)` as mteb computes them — for cosine/dot the same per row; for euclidean
 * torch.cdist's matmul-or-direct choice depends on those full row counts.
 */
import { type Matrix, matrix } from "../../../metrics/matrix.js";
import { type HeapItem, heappush, heappushpop } from "../../../metrics/retrieval/heapq.js";
import { torchTopkIndices } from "../../../metrics/retrieval/torch-topk.js";
import type { Run } from "../../../metrics/retrieval/types.js";
import { type SimilarityFn, similarityMatrix } from "../../../metrics/similarity.js";

function sliceRows(m: Matrix, start: number, end: number): Matrix {
  return matrix(m.data.subarray(start * m.cols, end * m.cols), end - start, m.cols);
}

/** mteb's chunked heap search computed the plain way (no blocking, no onnxruntime). */
export function referenceSearch(
  queryIds: readonly string[],
  Q: Matrix,
  corpusIds: readonly string[],
  C: Matrix,
  topK: number,
  fn: SimilarityFn,
  chunkSize: number,
): Run {
  const heaps: HeapItem[][] = queryIds.map(() => []);
  for (let start = 0; start < corpusIds.length; start += chunkSize) {
    const end = Math.min(start + chunkSize, corpusIds.length);
    const chunk = sliceRows(C, start, end);
    const k = Math.min(topK + 1, end - start);
    const all = similarityMatrix(fn, Q, chunk);
    for (let qi = 0; qi < Q.rows; qi++) {
      const scores = all.subarray(qi * chunk.rows, (qi + 1) * chunk.rows);
      for (const j of torchTopkIndices(scores, k)) {
        const item: HeapItem = [scores[j], corpusIds[start + j]];
        if (heaps[qi].length < topK) heappush(heaps[qi], item);
        else heappushpop(heaps[qi], item);
      }
    }
  }
  return new Map(queryIds.map((q, i) => [q, new Map(heaps[i].map(([s, d]) => [d, s]))]));
}
