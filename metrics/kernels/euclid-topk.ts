/**
 * Fast exact top-k for the euclidean similarity on torch.cdist's matmul path (similarity-distance.ts): with
 * q'' = [2q, −‖q‖², −1] and d' = [d, 1, ‖d‖²] the squared-distance product is y = q''·d' = −s (s = the clamped
 * value's input), so a float32 Gemm of the augmented rows approximates y within `gemmErrorBound`; the final score
 * z = −sqrt(max(s, 1e-30)) is a non-decreasing map of y. Candidates are rescored exactly (distanceRows' arithmetic)
 * and uniqueness is judged on z: the collection reaches down to the smallest y mapping to the k-th z, so every item
 * tied with the cut in z is seen; rows whose order hinges on exact ties in z are redone on the exact full row.
 */
import type { Matrix } from "../matrix.js";
import { distanceRows } from "../similarity-distance.js";
import { type Operand, type RowTopk, rowNorms } from "./block-topk.js";
import { dotF64 } from "./exact-f64.js";
import { type GemmKernel, gemmErrorBound } from "./onnx-gemm.js";
import { collectAtLeast, kthLargest, TopkScratch, uniqueTopk } from "./topk-select.js";
import { torchTopkIndicesFast } from "./torch-topk-fast.js";

const CLAMP_F32 = Math.fround(1e-30);

/** The exact float32 score of distanceRows' matmul path from the float64 dot and the two squared norms. */
function finalScore(dot: number, n1: number, n2: number): { s: number; z: number } {
  const s = Math.fround(-2 * dot + n1 + n2);
  return { s, z: -Math.fround(Math.sqrt(Math.max(s, CLAMP_F32))) };
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The next float32 above a finite non-negative float32 `x`. */
function nextUpNonNeg(x: number): number {
  f32[0] = x;
  u32[0] = x === 0 ? 1 : u32[0] + 1;
  return f32[0];
}

/** The largest float32 s whose clamped float32 sqrt is `dist` (≥ sqrt(1e-30)): the top of z's preimage in s. */
export function largestSquareFor(dist: number): number {
  const root = (s: number) => Math.fround(Math.sqrt(Math.max(s, CLAMP_F32)));
  let s = Math.fround(dist * dist);
  while (s > 0 && root(s) > dist) s = Math.fround(s - s * 2 ** -23);
  for (let up = nextUpNonNeg(s); root(up) <= dist; up = nextUpNonNeg(s)) s = up;
  return s;
}

/** Augmented float32 rows: [scale·x, a, b] with a, b per row (exact float32 values). */
export function augment(
  m: Operand,
  scale: number,
  a: (i: number) => number,
  b: (i: number) => number,
): Operand {
  const d = m.cols;
  const out = new Float32Array(m.rows * (d + 2));
  for (let i = 0; i < m.rows; i++) {
    const o = i * (d + 2);
    for (let k = 0; k < d; k++) out[o + k] = scale * m.data[i * d + k];
    out[o + d] = a(i);
    out[o + d + 1] = b(i);
  }
  return { rows: m.rows, cols: d + 2, data: out };
}

/** What `euclidTopk` needs about the operands: raw float32 rows, their squared norms and the augmented rows. */
export interface EuclidOperands {
  readonly q: Operand;
  readonly qSq: Float32Array;
  readonly qAug: Operand;
  readonly qAugNorms: Float64Array;
  readonly c: Operand;
  readonly cSq: Float32Array;
  readonly cAug: Operand;
  readonly cAugMaxNorm: number;
}

/** Build the operands for one chunk (the query side can be reused across chunks via `prev`). */
export function euclidOperands(
  q: Operand,
  qSq: Float32Array,
  c: Operand,
  cSq: Float32Array,
  prev?: EuclidOperands,
): EuclidOperands {
  const qAug =
    prev?.qAug ??
    augment(
      q,
      2,
      (i) => -qSq[i],
      () => -1,
    );
  const qAugNorms = prev?.qAugNorms ?? rowNorms(qAug);
  const cAug = augment(
    c,
    1,
    () => 1,
    (j) => cSq[j],
  );
  const cAugMaxNorm = rowNorms(cAug).reduce((x, y) => (x >= y || Number.isNaN(x) ? x : y), 0);
  return { q, qSq, qAug, qAugNorms, c, cSq, cAug, cAugMaxNorm };
}

/**
 * torch.topk(k) of −cdist (matmul path) for queries qStart.. against the chunk: positions in torch's order and their
 * float32 scores, equal to torchTopkIndicesFast over distanceRows' exact row. `onNaN` is called for a NaN row.
 */
export async function euclidTopk(
  gemm: GemmKernel,
  ops: EuclidOperands,
  qStart: number,
  qCount: number,
  k: number,
  onNaN: (qi: number) => never,
): Promise<RowTopk[]> {
  const { c, qAug, cAug } = ops;
  const n = c.rows;
  const da = qAug.cols;
  const approx = await gemm.run(
    qAug.data.subarray(qStart * da, (qStart + qCount) * da),
    qCount,
    cAug.data,
    n,
    da,
  );
  const scratch = new TopkScratch();
  const out: RowTopk[] = [];
  for (let r = 0; r < qCount; r++) {
    const qi = qStart + r;
    const off = r * n;
    const bound = gemmErrorBound(da, ops.qAugNorms[qi], ops.cAugMaxNorm);
    const t = kthLargest(approx, off, n, k, scratch);
    const top =
      Number.isFinite(t) && Number.isFinite(bound)
        ? rowFromCandidates(ops, qi, approx, off, k, t, bound, scratch)
        : undefined;
    out.push(top ?? exactRow(ops, qi, k, onNaN));
  }
  return out;
}

function rowFromCandidates(
  ops: EuclidOperands,
  qi: number,
  approx: Float32Array,
  off: number,
  k: number,
  t: number,
  bound: number,
  scratch: TopkScratch,
): RowTopk | undefined {
  const { q, c } = ops;
  const d = q.cols;
  const n = c.rows;
  const n1 = ops.qSq[qi];
  // every item of the exact top k in y has approximate y ≥ t − 2·bound
  let count = collectAtLeast(approx, off, n, t - 2 * bound, scratch);
  if (count < k) return undefined;
  const ys = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    const j = scratch.idx[e];
    ys[e] = -finalScore(dotF64(q.data, qi * d, c.data, j * d, d), n1, ops.cSq[j]).s;
  }
  const yk = kthOf(ys, k);
  const dist = Math.fround(Math.sqrt(Math.max(-yk, CLAMP_F32)));
  const yLo = -largestSquareFor(dist); // every item with the k-th z has exact y ≥ yLo
  if (!Number.isFinite(yLo)) return undefined;
  if (yLo - bound < t - 2 * bound) count = collectAtLeast(approx, off, n, yLo - bound, scratch);
  const z = scratch.exact;
  for (let e = 0; e < count; e++) {
    const j = scratch.idx[e];
    z[e] = finalScore(dotF64(q.data, qi * d, c.data, j * d, d), n1, ops.cSq[j]).z;
  }
  return uniqueTopk(scratch.idx, count, k, z);
}

/** The k-th largest of `v` (k ≤ v.length). */
function kthOf(v: Float64Array, k: number): number {
  return Float64Array.from(v).sort()[v.length - k];
}

/** The reference for one row: distanceRows' exact scores (matmul path) and torch's topk with its tie order. */
function exactRow(ops: EuclidOperands, qi: number, k: number, onNaN: (qi: number) => never): RowTopk {
  const qm: Matrix = ops.q;
  const row = distanceRows("euclidean", qm, qi, 1, ops.c, { matmul: true, aSq: ops.qSq, bSq: ops.cSq });
  for (let j = 0; j < row.length; j++) if (Number.isNaN(row[j])) onNaN(qi);
  const positions = torchTopkIndicesFast(row as Float32Array, k);
  return { positions, scores: positions.map((j) => row[j]) };
}
