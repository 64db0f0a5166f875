/** Top-k selection over a dense float32 score vector: score descending, ties by lower document index. */

/** The k best documents of one query, best first. */
export interface TopK {
  readonly docs: Int32Array;
  readonly scores: Float32Array;
}

/** True if (sa, ia) ranks below (sb, ib): lower score, or the same score and a higher index. */
const worse = (sa: number, ia: number, sb: number, ib: number): boolean => sa < sb || (sa === sb && ia > ib);

/**
 * The top `k` of `candidates` (document indices into `scores`) by a size-k min-heap, then, if fewer than k
 * candidates, the other documents in index order with score 0 (bm25s always returns k documents; which of
 * the tied zero-score ones numpy's argpartition picks is unspecified, this picks the lowest indices).
 * Every candidate must have a score > 0 and every non-candidate a score of 0.
 */
export function selectTopK(
  scores: Float32Array,
  candidates: Int32Array,
  nCandidates: number,
  k: number,
): TopK {
  const n = scores.length;
  const size = Math.min(k, n);
  const heapIdx = new Int32Array(size);
  const heapScore = new Float32Array(size);
  let h = 0;
  const siftDown = (from: number): void => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h) return;
      const r = l + 1;
      let m = l;
      if (r < h && worse(heapScore[r], heapIdx[r], heapScore[l], heapIdx[l])) m = r;
      if (!worse(heapScore[m], heapIdx[m], heapScore[i], heapIdx[i])) return;
      [heapScore[m], heapScore[i]] = [heapScore[i], heapScore[m]];
      [heapIdx[m], heapIdx[i]] = [heapIdx[i], heapIdx[m]];
      i = m;
    }
  };
  for (let c = 0; c < nCandidates && size > 0; c++) {
    const d = candidates[c];
    const s = scores[d];
    if (h < size) {
      let i = h++;
      heapIdx[i] = d;
      heapScore[i] = s;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(heapScore[i], heapIdx[i], heapScore[p], heapIdx[p])) break;
        [heapScore[p], heapScore[i]] = [heapScore[i], heapScore[p]];
        [heapIdx[p], heapIdx[i]] = [heapIdx[i], heapIdx[p]];
        i = p;
      }
    } else if (worse(heapScore[0], heapIdx[0], s, d)) {
      heapIdx[0] = d;
      heapScore[0] = s;
      siftDown(0);
    }
  }
  const order = Array.from({ length: h }, (_, i) => i).sort((a, b) =>
    worse(heapScore[a], heapIdx[a], heapScore[b], heapIdx[b]) ? 1 : -1,
  );
  const docs = new Int32Array(size);
  const out = new Float32Array(size);
  order.forEach((j, r) => {
    docs[r] = heapIdx[j];
    out[r] = heapScore[j];
  });
  let r = h;
  for (let d = 0; d < n && r < size; d++) {
    if (scores[d] === 0) docs[r++] = d;
  }
  return { docs, scores: out };
}
