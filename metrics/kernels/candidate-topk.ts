/**
 * blockTopk's result from per-row candidates instead of whole score rows: onnxruntime computes A·Bᵀ and keeps each
 * row's `kk` largest approximate scores (onnx-topk.ts); a row is decided from its candidates when they provably hold
 * every item within the Gemm error bound of the cut (the kk-th candidate lies strictly below the threshold), the
 * candidates are rescored exactly and ranked as block-topk.ts does. Rows it cannot decide (candidates incomplete, or
 * torch's order hinging on exact ties) come back undefined for the exact path (`tiedRowsTopk`).
 */
import {
  type ChunkOperand,
  liveOfCollected,
  type Operand,
  type RowTopk,
  rescoreCollected,
} from "./block-topk.js";
import { gemmErrorBound } from "./onnx-gemm.js";
import type { RowCandidates } from "./onnx-topk.js";
import { TopkScratch, uniqueTopk } from "./topk-select.js";

/** Candidates kept per row for a top-k of `k` over `n` rows: k plus a margin for items near the cut. */
export function candidateCount(k: number, n: number): number {
  return Math.min(n, k + 16 + Math.ceil(k / 8));
}

/** True when every value is finite (the candidate path assumes NaN-free scores; callers pass row norms). */
export function allFinite(data: ArrayLike<number>): boolean {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return false;
  return true;
}

/** Items with value ≥ `threshold` among a row's descending candidates, or -1 when items outside may qualify too. */
function completePrefix(values: Float32Array, off: number, kk: number, n: number, threshold: number): number {
  if (kk < n && !(values[off + kk - 1] < threshold)) return -1;
  let c = 0;
  while (c < kk && values[off + c] >= threshold) c++;
  return c;
}

/**
 * Per row of the block (queries qStart..qStart+qCount−1), the top-k in torch's order with exact scores, or only the
 * items that can enter the query's full heap when `heapMins[r]` is a number (as blockTopk's `heapMins`); undefined
 * where the exact path must decide.
 */
export function topkFromCandidates(
  cand: RowCandidates,
  kk: number,
  q: Operand,
  qStart: number,
  qCount: number,
  c: ChunkOperand,
  k: number,
  qNorms: Float64Array,
  heapMins?: Float64Array,
): (RowTopk | undefined)[] {
  const n = c.rows;
  const scratch = new TopkScratch();
  scratch.ensure(k, kk);
  const out: (RowTopk | undefined)[] = new Array(qCount).fill(undefined);
  for (let r = 0; r < qCount; r++) {
    const qi = qStart + r;
    const off = r * kk;
    const eps = gemmErrorBound(q.cols, qNorms[qi], c.maxNorm);
    const hm = heapMins ? heapMins[r] : Number.NaN;
    if (!Number.isNaN(hm)) {
      const count = completePrefix(cand.values, off, kk, n, hm - 3 * eps);
      if (count >= 0 && count <= k) {
        for (let e = 0; e < count; e++) scratch.idx[e] = cand.indices[off + e];
        const live = liveOfCollected(q, qi, c, count, hm, scratch);
        if (live) {
          out[r] = live;
          continue;
        }
      }
    }
    const count = completePrefix(cand.values, off, kk, n, cand.values[off + k - 1] - 2 * eps);
    if (count < 0) continue; // more items near the cut than candidates: exact path
    for (let e = 0; e < count; e++) scratch.idx[e] = cand.indices[off + e];
    rescoreCollected(q, qi, c, count, scratch);
    out[r] = uniqueTopk(scratch.idx, count, k, scratch.exact);
  }
  return out;
}
