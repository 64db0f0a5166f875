/**
 * Exact full-corpus search as mteb's SearchEncoderWrapper does it (mteb/models/search_wrappers.py `search`): the
 * corpus in chunks of 50,000 documents; per chunk `similarity(Q, chunk)` in float32 and `torch.topk(min(top_k+1,
 * chunk))`; each (score, corpus_id) heappush-ed (below capacity) or heappushpop-ed into a per-query min-heap of
 * `top_k`, so at a tie on the cut the larger corpus id survives; results in heap array order. The corpus streams one
 * chunk at a time and queries go in blocks, so memory is O(queries × top_k + chunk × (dim + query block)).
 * Euclidean/Manhattan (negative distances, similarity-distance.ts): the final float32 scores are those torch.cdist
 * gives for (all queries × chunk) — its matmul-or-direct rule decided on those full row counts — and torch.topk's
 * order is judged on those final scores. Manhattan and the direct euclidean path run the exact JS kernel; euclidean on
 * the matmul path uses onnxruntime's Gemm over augmented rows (kernels/euclid-topk.ts) when the kernel choice allows.
 */
import { EmbevalError } from "../errors.js";
import {
  blockTopk,
  type ChunkOperand,
  type ExactRowsKernel,
  exactScoreRows,
  nanError,
  type Operand,
  type RowTopk,
  rowNorms,
  tiedRowsTopk,
} from "../kernels/block-topk.js";
import { allFinite, candidateCount, topkFromCandidates } from "../kernels/candidate-topk.js";
import { type EuclidOperands, euclidOperands, euclidTopk } from "../kernels/euclid-topk.js";
import { type GemmKernel, onnxGemm } from "../kernels/onnx-gemm.js";
import { type GemmTopkKernel, onnxGemmF64FromF32, onnxGemmTopk } from "../kernels/onnx-topk.js";
import { type Matrix, matrix } from "../matrix.js";
import {
  cdistUsesMatmul,
  distanceRows,
  isDistanceFn,
  type SimilarityFn,
  torchNormalize,
  torchSquaredRowSums,
} from "../similarity.js";
import { type HeapItem, heapLess, heappush, heappushpop } from "./heapq.js";
import type { Run } from "./types.js";

/** mteb's corpus_chunk_size. */
export const CORPUS_CHUNK_SIZE = 50_000;

/**
 * The product kernel; every choice returns the same run (ids, float32 scores, insertion order) as "js":
 * "js" = the exact float64-accumulating JS kernel (kernels/exact-f64.ts); "onnx" = onnxruntime's float32 Gemm with
 * each row's top candidates selected inside onnxruntime (kernels/onnx-topk.ts), then exact rescoring of the
 * candidates within its error bound of each cut, rows with exact ties (or too many near-cut items) redone exactly via
 * float64 Gemm; "onnx-gemm" = the same with whole score rows returned and selected in JavaScript; "onnx-f64" = float64 Gemm with certified rounding for every score (faster than "onnx" only for
 * large top_k, if at all); "auto" = "onnx" from `AUTO_ONNX_MACS` multiply-adds per chunk, else "js". Without
 * onnxruntime-node every choice runs "js"; manhattan (and euclidean on torch's direct cdist path) always does; for euclidean
 * on the matmul path every non-"js" choice means the augmented Gemm of kernels/euclid-topk.ts.
 */
export type SearchKernel = "auto" | "onnx" | "onnx-gemm" | "onnx-f64" | "js";

/** Work (queries × chunk docs × dim) from which "auto" uses onnxruntime. */
export const AUTO_ONNX_MACS = 2 ** 24;

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
  /** Default "auto". */
  readonly kernel?: SearchKernel;
  /** Queries per product block (default 512 on onnxruntime, 64 in JS): scores held at once = block × chunk. */
  readonly queryBlock?: number;
}

/**
 * Float32 operand of the product: torch cos_sim normalises rows in float32, dot_score (and cdist for the distance
 * similarities) casts to float32.
 */
function operand(m: Matrix, fn: SimilarityFn): Operand {
  if (fn === "cosine") return torchNormalize(m, "float32") as Operand;
  const data = m.data instanceof Float32Array ? m.data : Float32Array.from(m.data);
  return { rows: m.rows, cols: m.cols, data };
}

async function pickKernel(kind: SearchKernel, macs: number): Promise<GemmKernel | undefined> {
  if (kind === "js" || (kind === "auto" && macs < AUTO_ONNX_MACS)) return undefined;
  return onnxGemm();
}

/** The float64 product for tie rows: the chunk is widened inside onnxruntime, never copied to float64 here. */
async function widening(chunk: Operand): Promise<ExactRowsKernel | undefined> {
  const dgemm = await onnxGemmF64FromF32();
  if (!dgemm) return undefined;
  return { rows: (a, m) => dgemm.run(a, m, chunk.data, chunk.rows, chunk.cols) };
}

/** Search every query over the whole corpus; returns `{qid: {docid: score}}` in mteb's insertion order. */
export async function searchCorpus(input: SearchInput): Promise<Run> {
  const { queryIds, queryEmbeddings: Q, corpusIds, topK } = input;
  const chunkSize = input.chunkSize ?? CORPUS_CHUNK_SIZE;
  if (Q.rows !== queryIds.length)
    throw new EmbevalError("E_SHAPE_MISMATCH", `${Q.rows} query rows, ${queryIds.length} ids`);
  if (!Number.isInteger(topK) || topK <= 0)
    throw new EmbevalError("E_INVALID_ARGUMENT", `top_k=${topK} must be > 0`);
  if (!Number.isInteger(chunkSize) || chunkSize <= 0)
    throw new EmbevalError("E_INVALID_ARGUMENT", `chunk size ${chunkSize} must be a positive integer`);
  const onNaN = nanError(queryIds);
  const q = operand(Q, input.similarity);
  const fn = input.similarity;
  const distance = isDistanceFn(fn) ? fn : undefined;
  const qSq =
    distance === "euclidean"
      ? (torchSquaredRowSums(q.data, q.rows, q.cols, "float32") as Float32Array)
      : undefined;
  const heaps: HeapItem[][] = queryIds.map(() => []);
  let qNorms: Float64Array | undefined;
  let euclid: EuclidOperands | undefined;
  for (let start = 0; start < corpusIds.length; start += chunkSize) {
    const end = Math.min(start + chunkSize, corpusIds.length);
    const C =
      typeof input.corpusEmbeddings === "function"
        ? await input.corpusEmbeddings(start, end)
        : sliceRows(input.corpusEmbeddings, start, end);
    if (C.rows !== end - start)
      throw new EmbevalError("E_SHAPE_MISMATCH", `chunk ${start}..${end} has ${C.rows} rows`);
    if (C.cols !== Q.cols)
      throw new EmbevalError("E_EMBEDDING_DIM", `embedding dims differ: ${Q.cols} vs ${C.cols}`, {
        hint: "queries and corpus must come from the same model and truncation dim",
      });
    const n = C.rows;
    const k = Math.min(topK + 1, n);
    const requested = input.kernel ?? "auto";
    const kind = distance ? "js" : requested;
    const useF64 = kind === "onnx-f64";
    const gemm = await pickKernel(useF64 || kind === "onnx-gemm" ? "onnx" : kind, Q.rows * n * Q.cols);
    const cOp = operand(C, input.similarity);
    const matmulPath = cdistUsesMatmul(Q.rows, n);
    const dist = distance && distanceScores(distance, q, qSq, cOp, matmulPath);
    // euclidean on torch's matmul path: a dot-product search over augmented rows (kernels/euclid-topk.ts)
    const euclidGemm =
      qSq && matmulPath && requested !== "js"
        ? await pickKernel(requested === "auto" ? "auto" : "onnx", Q.rows * n * Q.cols)
        : undefined;
    let chunk: ChunkOperand = { ...cOp, maxNorm: 0 };
    let exactRows: ExactRowsKernel | undefined;
    if (gemm) {
      qNorms ??= rowNorms(q);
      chunk = { ...cOp, maxNorm: rowNorms(cOp).reduce((a, b) => (a >= b || Number.isNaN(a) ? a : b), 0) };
      exactRows = await widening(cOp);
    }
    const block = input.queryBlock ?? (gemm ? 512 : 64);
    const tied: number[] = [];
    const topk = gemm && !useF64 && kind !== "onnx-gemm" ? await onnxGemmTopk() : undefined;
    // NaN/Inf anywhere in a row makes its norm non-finite: such inputs take the full-row path, which reports them
    if (euclidGemm && qSq) {
      const cSq = torchSquaredRowSums(cOp.data, n, cOp.cols, "float32") as Float32Array;
      euclid = euclidOperands(q, qSq, cOp, cSq, euclid);
      const eBlock = input.queryBlock ?? 512;
      for (let qs = 0; qs < Q.rows; qs += eBlock) {
        const count = Math.min(eBlock, Q.rows - qs);
        const tops = await euclidTopk(euclidGemm, euclid, qs, count, k, onNaN);
        tops.forEach((top, r) => {
          pushAll(heaps[qs + r], top.positions, top.scores, corpusIds, start, topK);
        });
      }
    } else if (topk && allFinite(qNorms ?? []) && Number.isFinite(chunk.maxNorm)) {
      const blocks = { q, chunk, k, block, qNorms: qNorms ?? new Float64Array(0) };
      await candidateBlocks(topk, blocks, heaps, topK, (qi, top) => {
        if (top) pushAll(heaps[qi], top.positions, top.scores, corpusIds, start, topK);
        else tied.push(qi);
      });
    } else {
      for (let qs = 0; qs < Q.rows; qs += block) {
        const count = Math.min(block, Q.rows - qs);
        const norms = qNorms ?? new Float64Array(0);
        const f64 =
          useF64 && exactRows
            ? (s0: number, c0: number) =>
                exactScoreRows(
                  q,
                  Array.from({ length: c0 }, (_, i) => s0 + i),
                  chunk,
                  norms,
                  exactRows,
                )
            : undefined;
        const heapMins = new Float64Array(count);
        for (let r = 0; r < count; r++) {
          const h = heaps[qs + r];
          heapMins[r] = h.length >= topK ? h[0][0] : Number.NaN;
        }
        const tops = await blockTopk(q, qs, count, chunk, k, f64 ? undefined : gemm, norms, onNaN, {
          exactScores: dist ?? f64,
          heapMins,
        });
        for (let r = 0; r < count; r++) {
          const top = tops[r];
          if (top) pushAll(heaps[qs + r], top.positions, top.scores, corpusIds, start, topK);
          else tied.push(qs + r);
        }
      }
    }
    // rows left for the exact path (ties); each query's heap is separate, so deferring them within the chunk is safe
    if (tied.length > 0) {
      const tops = await tiedRowsTopk(q, tied, chunk, k, qNorms ?? new Float64Array(0), onNaN, exactRows);
      tied.forEach((qi, t) => {
        pushAll(heaps[qi], tops[t].positions, tops[t].scores, corpusIds, start, topK);
      });
    }
  }
  const run = new Map<string, ReadonlyMap<string, number>>();
  queryIds.forEach((qid, i) => {
    run.set(qid, new Map(heaps[i].map(([s, d]) => [d, s])));
  });
  return run;
}

/** Exact score rows of the distance similarities for query blocks against one chunk (norms computed once). */
function distanceScores(
  fn: "euclidean" | "manhattan",
  q: Operand,
  qSq: Float32Array | undefined,
  c: Operand,
  matmul: boolean,
): (qStart: number, qCount: number) => Promise<Float32Array> {
  const bSq = qSq && (torchSquaredRowSums(c.data, c.rows, c.cols, "float32") as Float32Array);
  const opts = { matmul, aSq: qSq, bSq };
  return (qStart, qCount) => Promise.resolve(distanceRows(fn, q, qStart, qCount, c, opts) as Float32Array);
}

/** mteb's loop over one chunk's topk: heappush below capacity, else heappushpop (skipping items it would reject). */
function pushAll(
  heap: HeapItem[],
  positions: readonly number[],
  scores: readonly number[],
  corpusIds: readonly string[],
  start: number,
  topK: number,
): void {
  for (let c = 0; c < positions.length; c++) {
    const s = scores[c];
    if (heap.length >= topK && s < heap[0][0]) continue; // heappushpop would return the item unchanged
    const item: HeapItem = [s, corpusIds[start + positions[c]]];
    if (heap.length < topK) heappush(heap, item);
    else if (heapLess(heap[0], item)) heappushpop(heap, item);
  }
}

/**
 * One chunk's query blocks on the Gemm + TopK kernel. (onnxruntime-node runs a session synchronously on the main
 * thread, so launching the next block early would not overlap it with this block's ranking.)
 */
async function candidateBlocks(
  kernel: GemmTopkKernel,
  b: { q: Operand; chunk: ChunkOperand; k: number; block: number; qNorms: Float64Array },
  heaps: readonly HeapItem[][],
  topK: number,
  take: (qi: number, top: RowTopk | undefined) => void,
): Promise<void> {
  const { q, chunk, k, block } = b;
  const d = q.cols;
  const kk = candidateCount(k, chunk.rows);
  for (let qs = 0; qs < q.rows; qs += block) {
    const count = Math.min(block, q.rows - qs);
    const cand = await kernel.run(
      q.data.subarray(qs * d, (qs + count) * d),
      count,
      chunk.data,
      chunk.rows,
      d,
      kk,
    );
    const heapMins = new Float64Array(count);
    for (let r = 0; r < count; r++) {
      const h = heaps[qs + r];
      heapMins[r] = h.length >= topK ? h[0][0] : Number.NaN;
    }
    const tops = topkFromCandidates(cand, kk, q, qs, count, chunk, k, b.qNorms, heapMins);
    for (let r = 0; r < count; r++) take(qs + r, tops[r]);
  }
}

function sliceRows(m: Matrix, start: number, end: number): Matrix {
  return matrix(m.data.subarray(start * m.cols, end * m.cols), end - start, m.cols);
}
