/**
 * Fast top-k for score rows that reproduces torch.topk(largest=True, sorted=True) (aten TopKImpl.h, as
 * `retrieval/torch-topk.ts`) whenever its output is unique: the k largest values all distinct and strictly above
 * every other value. Where exact ties make torch's order depend on its libstdc++ algorithms the caller falls back to
 * `torchTopkIndices` over the whole row.
 */

/** Reusable scratch buffers for one selection (grown on demand; not shared between concurrent callers). */
export class TopkScratch {
  heap = new Float64Array(0);
  idx = new Int32Array(0);
  exact = new Float64Array(0);
  ensure(k: number, n: number): void {
    if (this.heap.length < k) this.heap = new Float64Array(k);
    if (this.idx.length < n) this.idx = new Int32Array(Math.max(n, this.idx.length * 2));
    if (this.exact.length < n) this.exact = new Float64Array(Math.max(n, this.exact.length * 2));
  }
}

/**
 * The k-th largest value of `v[off .. off+n-1]` (k ≤ n) by a size-k min-heap; NaN if a value is NaN.
 */
export function kthLargest(v: Float32Array, off: number, n: number, k: number, s: TopkScratch): number {
  s.ensure(k, 0);
  const h = s.heap;
  let size = 0;
  for (let j = 0; j < n; j++) {
    const x = v[off + j];
    if (Number.isNaN(x)) return Number.NaN;
    if (size < k) {
      let p = size++;
      while (p > 0) {
        const parent = (p - 1) >> 1;
        if (h[parent] <= x) break;
        h[p] = h[parent];
        p = parent;
      }
      h[p] = x;
    } else if (x > h[0]) {
      let p = 0;
      for (;;) {
        let c = 2 * p + 1;
        if (c >= k) break;
        if (c + 1 < k && h[c + 1] < h[c]) c++;
        if (h[c] >= x) break;
        h[p] = h[c];
        p = c;
      }
      h[p] = x;
    }
  }
  return h[0];
}

/**
 * Positions j (0-based within the row) with `v[off+j] ≥ threshold`, written to `s.idx`; returns their count, or
 * -1 if the row holds a NaN.
 */
export function collectAtLeast(
  v: Float32Array,
  off: number,
  n: number,
  threshold: number,
  s: TopkScratch,
): number {
  s.ensure(0, n);
  const idx = s.idx;
  let c = 0;
  for (let j = 0; j < n; j++) {
    const x = v[off + j];
    if (x >= threshold) idx[c++] = j;
    else if (Number.isNaN(x)) return -1;
  }
  return c;
}

/**
 * Given candidate positions `cand` (a superset of the true top k) and their exact scores `exact[c]` (aligned with
 * `cand`), the top-k positions and scores in torch's order if that order is unique (k largest distinct, the k-th
 * strictly above the rest of the candidates), else undefined.
 */
export function uniqueTopk(
  cand: ArrayLike<number>,
  count: number,
  k: number,
  exact: ArrayLike<number>,
): { positions: number[]; scores: number[] } | undefined {
  const order = new Array<number>(count);
  for (let c = 0; c < count; c++) order[c] = c;
  order.sort((x, y) => exact[y] - exact[x]);
  for (let c = 1; c < Math.min(k + 1, count); c++)
    if (!(exact[order[c - 1]] > exact[order[c]])) return undefined;
  const positions = new Array<number>(k);
  const scores = new Array<number>(k);
  for (let c = 0; c < k; c++) {
    positions[c] = cand[order[c]];
    scores[c] = exact[order[c]];
  }
  return { positions, scores };
}
