/** Mean pooling of static vectors as numpy computes `emb[ids].mean(axis=0)` on float32: sequential float32 sums, one float32 division. */
import { npSumF32 } from "../../../metrics/numeric.js";

/** A vocabulary matrix: `count × dim` float32 rows, row-major. */
export interface VectorTable {
  dim: number;
  count: number;
  data: Float32Array;
}

/**
 * Write the mean of rows `ids` (repeats count) into `out` at `offset`; an empty id list writes zeros. Matches numpy
 * float32 `emb[ids].mean(axis=0)` bit for bit: the axis-0 reduction adds rows one after another in float32, then
 * divides once by the count.
 */
export function meanRows(
  table: VectorTable,
  ids: readonly number[],
  out: Float32Array,
  offset: number,
): void {
  const { dim, data } = table;
  const acc = out.subarray(offset, offset + dim);
  acc.fill(0);
  if (ids.length === 0) return;
  for (const id of ids) {
    const base = id * dim;
    // acc is a Float32Array: each += rounds to float32
    for (let j = 0; j < dim; j++) acc[j] = acc[j] + data[base + j];
  }
  const n = ids.length;
  for (let j = 0; j < dim; j++) acc[j] = acc[j] / n;
}

/**
 * model2vec's normalization `x / (np.linalg.norm(x) + 1e-32)` in float32: the norm is `sqrt` of numpy's pairwise
 * float32 sum of squares (`npSumF32`).
 */
export function normalizeRowF32(out: Float32Array, offset: number, dim: number): void {
  const sq = new Float32Array(dim);
  for (let j = 0; j < dim; j++) sq[j] = out[offset + j] * out[offset + j];
  const norm = Math.fround(Math.sqrt(npSumF32(sq)));
  const denom = Math.fround(norm + Math.fround(1e-32));
  for (let j = 0; j < dim; j++) out[offset + j] = out[offset + j] / denom;
}
