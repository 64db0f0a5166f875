/**
 * Pooling of token states into sentence vectors, reproducing sentence-transformers 5.x
 * sentence_transformers/sentence_transformer/models/Pooling.py `forward` (right padding) and Normalize (F.normalize).
 */
import type { PoolingMode } from "./types.js";

/** Token states of one batch: `batch × seqLen × hidden` float32, row-major, with the attention mask `batch × seqLen`. */
export interface TokenStates {
  data: Float32Array;
  batch: number;
  seqLen: number;
  hidden: number;
  /** 1 for real tokens, 0 for padding (right padded). */
  mask: Uint8Array;
}

const f = Math.fround;

function poolOne(
  s: TokenStates,
  b: number,
  mode: PoolingMode,
  kept: readonly number[],
  out: Float32Array,
  offset: number,
): void {
  const { data, seqLen: L, hidden: H } = s;
  const row = (t: number) => (b * L + t) * H;
  if (mode === "cls" || mode === "lasttoken") {
    if (mode === "lasttoken" && kept.length === 0) return; // stays zero, as ST's masked gather gives
    const base = row(mode === "cls" ? 0 : kept[kept.length - 1]);
    out.set(data.subarray(base, base + H), offset);
    return;
  }
  if (mode === "max") {
    out.fill(f(-1e9), offset, offset + H);
    kept.forEach((t, k) => {
      const base = row(t);
      for (let h = 0; h < H; h++) {
        const v = data[base + h];
        const m = out[offset + h];
        if (k === 0 || v > m || Number.isNaN(v)) out[offset + h] = Number.isNaN(m) ? m : v;
      }
    });
    return;
  }
  const weighted = mode === "weightedmean";
  const acc = new Float64Array(H);
  let weightSum = 0;
  for (const t of kept) {
    const w = weighted ? t + 1 : 1;
    weightSum += w;
    const base = row(t);
    for (let h = 0; h < H; h++) acc[h] += data[base + h] * w;
  }
  const denom = f(Math.max(weightSum, 1e-9));
  const divisor = mode === "mean_sqrt_len_tokens" ? f(Math.sqrt(denom)) : denom;
  for (let h = 0; h < H; h++) out[offset + h] = f(f(acc[h]) / divisor);
}

/**
 * Pool a batch: the modes' vectors concatenated per text (`batch × hidden·modes`). `promptLength` > 0 masks the first
 * tokens out of pooling as ST does for `include_prompt=False`. Masked tokens are skipped, never multiplied, so a NaN in
 * padding cannot leak into a vector.
 */
export function poolTokens(s: TokenStates, modes: readonly PoolingMode[], promptLength = 0): Float32Array {
  const dim = s.hidden * modes.length;
  const out = new Float32Array(s.batch * dim);
  for (let b = 0; b < s.batch; b++) {
    const kept: number[] = [];
    for (let t = promptLength; t < s.seqLen; t++) if (s.mask[b * s.seqLen + t]) kept.push(t);
    modes.forEach((mode, k) => {
      poolOne(s, b, mode, kept, out, b * dim + k * s.hidden);
    });
  }
  return out;
}

/** ST's order of concatenated modes (Pooling.forward): cls, max, mean, mean_sqrt_len_tokens, weightedmean, lasttoken. */
export function orderPoolingModes(modes: readonly PoolingMode[]): PoolingMode[] {
  const order: PoolingMode[] = ["cls", "max", "mean", "mean_sqrt_len_tokens", "weightedmean", "lasttoken"];
  return order.filter((m) => modes.includes(m));
}

/** torch F.normalize(p=2, dim=1, eps=1e-12) on each row of a `rows × dim` float32 matrix, in place on a copy. */
export function l2NormalizeRows(v: Float32Array, dim: number): Float32Array {
  const out = new Float32Array(v.length);
  for (let r = 0; r * dim < v.length; r++) {
    let ss = 0;
    for (let j = 0; j < dim; j++) ss += v[r * dim + j] * v[r * dim + j];
    const norm = f(Math.max(f(Math.sqrt(ss)), 1e-12));
    for (let j = 0; j < dim; j++) out[r * dim + j] = f(v[r * dim + j] / norm);
  }
  return out;
}
