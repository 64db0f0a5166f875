/**
 * Nearest corpus row per query by the model similarity on the fast kernels: the same answer as mteb 2.20
 * bitext_mining.py's argmax over `model.similarity` as metrics/bitext.ts `nearestNeighbours` computes it (float32
 * scores of kernels/exact-f64.ts, exact ties to the lowest corpus index), with onnxruntime's Gemm doing the product
 * and every candidate within its error bound of the row maximum rescored exactly. The distance similarities
 * (euclidean, manhattan) take bitext.ts's exact path itself: torch.cdist's matmul-or-direct rule depends on the rows of
 * mteb's 100-query chunks, and ties are judged on the final (sqrt-ed) scores.
 */
import { nearestNeighbours } from "../bitext.js";
import { EmbevalError } from "../errors.js";
import type { Matrix } from "../matrix.js";
import { isDistanceFn, type SimilarityFn, torchNormalize } from "../similarity.js";
import { type Operand, rowNorms } from "./block-topk.js";
import { dotF64, matmulTExact } from "./exact-f64.js";
import { gemmErrorBound, onnxGemm } from "./onnx-gemm.js";

function operand(m: Matrix, fn: SimilarityFn): Operand {
  if (fn === "cosine") return torchNormalize(m, "float32") as Operand;
  const data = m.data instanceof Float32Array ? m.data : Float32Array.from(m.data);
  return { rows: m.rows, cols: m.cols, data };
}

/** Index of the best corpus row for every query row; `kernel: "js"` forces the exact JS kernel. */
export async function nearestNeighboursFast(
  queries: Matrix,
  corpus: Matrix,
  fn: SimilarityFn,
  opts: { kernel?: "auto" | "js"; queryBlock?: number } = {},
): Promise<Int32Array> {
  if (corpus.rows === 0) throw new EmbevalError("E_EMPTY_INPUT", "bitext mining needs a non-empty corpus");
  if (queries.cols !== corpus.cols)
    throw new EmbevalError("E_EMBEDDING_DIM", `embedding dims differ: ${queries.cols} vs ${corpus.cols}`);
  if (isDistanceFn(fn)) return nearestNeighbours(queries, corpus, fn);
  const q = operand(queries, fn);
  const c = operand(corpus, fn);
  const d = q.cols;
  const n = c.rows;
  const gemm = opts.kernel === "js" ? undefined : await onnxGemm();
  const qNorms = gemm ? rowNorms(q) : new Float64Array(0);
  const maxNorm = gemm ? rowNorms(c).reduce((a, b) => Math.max(a, b), 0) : 0;
  const block = opts.queryBlock ?? 256;
  const out = new Int32Array(q.rows);
  for (let qs = 0; qs < q.rows; qs += block) {
    const count = Math.min(block, q.rows - qs);
    const qd = q.data.subarray(qs * d, (qs + count) * d);
    let scores: Float32Array;
    if (gemm) scores = await gemm.run(qd, count, c.data, n, d);
    else {
      scores = new Float32Array(count * n);
      matmulTExact(qd, count, c.data, n, d, scores);
    }
    for (let r = 0; r < count; r++) {
      const off = r * n;
      if (!gemm) {
        out[qs + r] = firstMax(scores, off, n);
        continue;
      }
      let max = Number.NEGATIVE_INFINITY;
      let nan = false;
      for (let j = 0; j < n; j++) {
        const x = scores[off + j];
        if (x > max) max = x;
        else if (Number.isNaN(x)) nan = true;
      }
      if (nan) {
        // NaN order effects (a NaN at index 0 wins the scan): decide on the exact row itself
        const row = new Float32Array(n);
        matmulTExact(q.data.subarray((qs + r) * d, (qs + r + 1) * d), 1, c.data, n, d, row);
        out[qs + r] = firstMax(row, 0, n);
        continue;
      }
      const lo = max - 2 * gemmErrorBound(d, qNorms[qs + r], maxNorm);
      let best = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < n; j++) {
        if (!(scores[off + j] >= lo)) continue;
        const e = Math.fround(dotF64(q.data, (qs + r) * d, c.data, j * d, d));
        if (best < 0 || e > bestScore) {
          best = j;
          bestScore = e;
        }
      }
      out[qs + r] = best;
    }
  }
  return out;
}

/** bitext.ts's scan: the first index whose score beats every earlier one (strict >), starting at 0. */
function firstMax(s: Float32Array, off: number, n: number): number {
  let best = 0;
  for (let j = 1; j < n; j++) if (s[off + j] > s[off + best]) best = j;
  return best;
}
