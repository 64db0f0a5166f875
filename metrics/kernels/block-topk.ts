/**
 * Per (query block × corpus chunk) scores and torch.topk with exact float32 scores: reproduces mteb 2.20
 * search_wrappers.py `similarity(q, chunk)` + `torch.topk(min(top_k+1, chunk))` (scores as `exact-f64.ts`, order as
 * retrieval/torch-topk.ts). The product runs on onnxruntime's float32 Gemm when available; every candidate within
 * the Gemm error bound of the cut (or, once a query's heap is full, of its minimum) is rescored exactly, so the ids,
 * their order and their scores equal the exact kernel's; rows whose order hinges on exact ties are redone exactly.
 */
import { EmbevalError } from "../errors.js";
import { dotF64, dotsF64, matmulTExact } from "./exact-f64.js";
import { certifiedFround, type GemmKernel, gemmErrorBound } from "./onnx-gemm.js";
import { collectAtLeast, kthLargest, TopkScratch, uniqueTopk } from "./topk-select.js";
import { torchTopkIndicesFast } from "./torch-topk-fast.js";
import { dotsF64Wasm, isWasmNormalized, normalizedNormBound } from "./wasm/kernels.js";

/** Float32 operands ready for the product: cosine rows already normalised (torchNormalize), dot rows cast. */
export interface Operand {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;
}

/** One query's top-k of one chunk: chunk-relative positions in torch's order and their float32 scores. */
export interface RowTopk {
  readonly positions: readonly number[];
  readonly scores: readonly number[];
}

/** Euclidean norm of every row (float64 sums of squares, four interleaved partial sums: an upper-bound input). */
export function rowNorms(m: Operand): Float64Array {
  const out = new Float64Array(m.rows);
  const { cols, data } = m;
  for (let i = 0; i < m.rows; i++) {
    const o = i * cols;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let k = 0;
    for (; k + 4 <= cols; k += 4) {
      s0 += data[o + k] * data[o + k];
      s1 += data[o + k + 1] * data[o + k + 1];
      s2 += data[o + k + 2] * data[o + k + 2];
      s3 += data[o + k + 3] * data[o + k + 3];
    }
    for (; k < cols; k++) s0 += data[o + k] * data[o + k];
    // float64 rounding of these sums is ~1e-16 relative, far inside the bounds' 2× safety factors
    out[i] = Math.sqrt(s0 + s1 + s2 + s3);
  }
  return out;
}

/** The chunk and what the approximate path needs about it. */
export interface ChunkOperand extends Operand {
  readonly maxNorm: number;
}

/** The float64 product used to recompute whole rows exactly when torch's order hinges on ties: rows·chunkᵀ. */
export interface ExactRowsKernel {
  /** Float64 products (any summation order; certified by the caller) of m float64 query rows with the whole chunk. */
  rows(a: Float64Array, m: number): Promise<Float64Array>;
}

/** Optional inputs of `blockTopk`. */
export interface BlockExtras {
  /** Exact float32 score rows for queries qStart.. (used when no `gemm` is given). */
  readonly exactScores?: (qStart: number, qCount: number) => Promise<Float32Array>;
  /**
   * Per row of the block (index r for query qStart + r), the smallest score in that query's already full result
   * heap (NaN while not full). With `gemm`, a row then
   * returns only the top-k items that can enter the heap (score ≥ that minimum), in torch's order, and rescores only
   * those — items below the heap minimum are rejected by heappushpop whatever their order.
   */
  readonly heapMins?: Float64Array;
}

/**
 * Top-k (k ≤ chunk rows) of queries `qStart .. qStart+qCount-1` against the chunk, through `gemm` if given
 * (else `exactScores`, else the exact JS kernel). `qNorms` are the query rows' norms (used with `gemm` only). With `gemm`, rows whose
 * order depends on exact ties come back undefined: the caller batches them through `tiedRowsTopk`.
 */
export async function blockTopk(
  q: Operand,
  qStart: number,
  qCount: number,
  c: ChunkOperand,
  k: number,
  gemm: GemmKernel | undefined,
  qNorms: Float64Array,
  onNaN: (queryIndex: number) => never,
  extras: BlockExtras = {},
): Promise<(RowTopk | undefined)[]> {
  const { exactScores, heapMins } = extras;
  const d = q.cols;
  const n = c.rows;
  const qd = q.data.subarray(qStart * d, (qStart + qCount) * d);
  let scores: Float32Array;
  if (gemm) scores = await gemm.run(qd, qCount, c.data, n, d);
  else if (exactScores) scores = await exactScores(qStart, qCount);
  else {
    scores = new Float32Array(qCount * n);
    matmulTExact(qd, qCount, c.data, n, d, scores);
  }
  const scratch = new TopkScratch();
  const out: (RowTopk | undefined)[] = new Array(qCount);
  for (let r = 0; r < qCount; r++) {
    const qi = qStart + r;
    const off = r * n;
    if (gemm && heapMins && !Number.isNaN(heapMins[r])) {
      const live = liveTopk(
        q,
        qi,
        c,
        scores,
        off,
        k,
        heapMins[r],
        gemmErrorBound(d, qNorms[qi], c.maxNorm),
        scratch,
      );
      if (live === "nan") onNaN(qi);
      if (live !== undefined) {
        out[r] = live;
        continue;
      }
    }
    const t = kthLargest(scores, off, n, k, scratch);
    if (Number.isNaN(t)) onNaN(qi);
    const slack = gemm ? 2 * gemmErrorBound(d, qNorms[qi], c.maxNorm) : 0;
    const count = collectAtLeast(scores, off, n, t - slack, scratch);
    const exact = scratch.exact;
    if (gemm) rescoreCollected(q, qi, c, count, scratch);
    else for (let e = 0; e < count; e++) exact[e] = scores[off + scratch.idx[e]];
    const top = uniqueTopk(scratch.idx, count, k, exact);
    if (top) out[r] = top;
    else out[r] = gemm ? undefined : rowTopk(scores.subarray(off, off + n), qi, k, onNaN);
  }
  return out;
}

/**
 * The items of torch.topk(k) that can enter a full heap whose minimum score is `hm`, in torch's order, from
 * approximate scores within `eps` of the exact ones: every item with exact score ≥ hm has approximate score
 * ≥ hm − eps; if at most k items have approximate score ≥ hm − 3·eps, each of them (and anything tied with them) is
 * among the exact top k, so the live items are those with exact score ≥ hm, in descending order when distinct.
 * Returns undefined when that argument does not apply (ties among the live ones) or would rescore more than k items.
 */
function liveTopk(
  q: Operand,
  qi: number,
  c: ChunkOperand,
  scores: Float32Array,
  off: number,
  k: number,
  hm: number,
  eps: number,
  scratch: TopkScratch,
): RowTopk | "nan" | undefined {
  const count = collectAtLeast(scores, off, c.rows, hm - 3 * eps, scratch);
  if (count < 0) return "nan";
  if (count > k) return undefined;
  return liveOfCollected(q, qi, c, count, hm, scratch);
}

/** Exact float32 scores (`Math.fround` of the float64 sums) of the chunk rows `scratch.idx[0..count)` into `scratch.exact`. */
export function rescoreCollected(
  q: Operand,
  qi: number,
  c: Operand,
  count: number,
  scratch: TopkScratch,
): void {
  const exact = scratch.exact;
  const d = q.cols;
  const qo = qi * d;
  // rows' norm bound for the certification: proven for the wasm-normalised chunk, else the chunk's own maxNorm
  const maxNorm = isWasmNormalized(c.data)
    ? normalizedNormBound(d)
    : "maxNorm" in c
      ? (c as ChunkOperand).maxNorm
      : 0;
  if (
    maxNorm > 0 &&
    Number.isFinite(maxNorm) &&
    dotsF64Wasm(q.data, qo, c.data, scratch.idx, count, d, exact)
  ) {
    // lane-order float64 sums: certified to round like the sequential sum, else recomputed sequentially
    let ss = 0;
    for (let k = qo; k < qo + d; k++) ss += q.data[k] * q.data[k];
    const qNorm = Math.sqrt(ss);
    for (let e = 0; e < count; e++) {
      const v = certifiedFround(exact[e], d, qNorm, maxNorm);
      // + 0: certifiedFround(0) is −0, a sequential sum from +0 never is
      exact[e] = v !== undefined ? v + 0 : Math.fround(dotF64(q.data, qo, c.data, scratch.idx[e] * d, d));
    }
    return;
  }
  dotsF64(q.data, qo, c.data, scratch.idx, count, d, exact);
  for (let e = 0; e < count; e++) exact[e] = Math.fround(exact[e]);
}

/**
 * `liveTopk` after the collection: the collected rows (every row with approximate score ≥ hm − 3·eps, at most k of
 * them) rescored; those with exact score ≥ hm in descending order, or undefined when two of them tie.
 */
export function liveOfCollected(
  q: Operand,
  qi: number,
  c: Operand,
  count: number,
  hm: number,
  scratch: TopkScratch,
): RowTopk | undefined {
  rescoreCollected(q, qi, c, count, scratch);
  const exact = scratch.exact;
  const keep: number[] = [];
  for (let e = 0; e < count; e++) if (exact[e] >= hm) keep.push(e);
  keep.sort((x, y) => exact[y] - exact[x]);
  for (let e = 1; e < keep.length; e++) if (!(exact[keep[e - 1]] > exact[keep[e]])) return undefined;
  return { positions: keep.map((e) => scratch.idx[e]), scores: keep.map((e) => exact[e]) };
}

/** Queries per batch when recomputing tie rows exactly (bounds the float64 score buffer). */
const TIE_BATCH = 128;

/**
 * The reference path for rows whose order hinges on exact ties: exact scores over the whole chunk (dgemm with
 * certified rounding when `exactRows` is given, else the JS kernel), then torch's topk with its tie order.
 */
export async function tiedRowsTopk(
  q: Operand,
  queries: readonly number[],
  c: ChunkOperand,
  k: number,
  qNorms: Float64Array,
  onNaN: (queryIndex: number) => never,
  exactRows?: ExactRowsKernel,
): Promise<RowTopk[]> {
  const n = c.rows;
  const out: RowTopk[] = [];
  for (let b = 0; b < queries.length; b += TIE_BATCH) {
    const batch = queries.slice(b, b + TIE_BATCH);
    const rows = await exactScoreRows(q, batch, c, qNorms, exactRows);
    batch.forEach((qi, t) => {
      out.push(rowTopk(rows.subarray(t * n, (t + 1) * n), qi, k, onNaN));
    });
  }
  return out;
}

/** torch.topk with its tie order over one exact score row. */
function rowTopk(row: Float32Array, qi: number, k: number, onNaN: (queryIndex: number) => never): RowTopk {
  for (let j = 0; j < row.length; j++) if (Number.isNaN(row[j])) onNaN(qi);
  const positions = torchTopkIndicesFast(row, k);
  return { positions, scores: positions.map((j) => row[j]) };
}

/**
 * Exact float32 score rows (equal to `matmulTExact`'s) of the given queries against the chunk: dgemm with certified
 * rounding (the rare uncertified value recomputed with `dotF64`) when `kernel` is given, else the JS kernel.
 */
export async function exactScoreRows(
  q: Operand,
  queries: readonly number[],
  c: ChunkOperand,
  qNorms: Float64Array,
  kernel: ExactRowsKernel | undefined,
): Promise<Float32Array> {
  const d = q.cols;
  const n = c.rows;
  const out = new Float32Array(queries.length * n);
  if (!kernel) {
    queries.forEach((qi, t) => {
      matmulTExact(q.data.subarray(qi * d, (qi + 1) * d), 1, c.data, n, d, out, n, t * n);
    });
    return out;
  }
  const a = new Float64Array(queries.length * d);
  queries.forEach((qi, t) => {
    a.set(q.data.subarray(qi * d, (qi + 1) * d), t * d);
  });
  const y = await kernel.rows(a, queries.length);
  queries.forEach((qi, t) => {
    for (let j = 0; j < n; j++) {
      const v = certifiedFround(y[t * n + j], d, qNorms[qi], c.maxNorm);
      out[t * n + j] = v ?? dotF64(q.data, qi * d, c.data, j * d, d);
    }
  });
  return out;
}

/** An E_NOT_FINITE thrower naming the query. */
export function nanError(queryIds: readonly string[]): (qi: number) => never {
  return (qi) => {
    throw new EmbevalError("E_NOT_FINITE", `NaN similarity for query "${queryIds[qi]}"`, {
      hint: "check the embeddings for NaN/Inf values",
    });
  };
}
