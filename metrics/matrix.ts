/** Dense row-major matrices over Float32Array/Float64Array: the embedding container of every metric. */
import { EmbevalError } from "./errors.js";

/** Float storage; the dtype decides the precision mteb would compute in (float32 stays float32). */
export type FloatArray = Float32Array | Float64Array;

/** A dense row-major matrix. `data.length === rows * cols`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: FloatArray;
}

/** Wrap a flat array as a matrix, checking the size. */
export function matrix(data: FloatArray, rows: number, cols: number): Matrix {
  if (data.length !== rows * cols) {
    throw new EmbevalError(
      "E_SHAPE_MISMATCH",
      `matrix data has ${data.length} values, expected ${rows}x${cols}`,
    );
  }
  return { rows, cols, data };
}

/** Build a matrix from row arrays (float32 unless `dtype` says otherwise). */
export function fromRows(rows: ArrayLike<number>[], dtype: "float32" | "float64" = "float32"): Matrix {
  const n = rows.length;
  const d = n === 0 ? 0 : rows[0].length;
  const data = dtype === "float32" ? new Float32Array(n * d) : new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    if (rows[i].length !== d)
      throw new EmbevalError("E_SHAPE_MISMATCH", `row ${i} has ${rows[i].length} values, expected ${d}`);
    for (let j = 0; j < d; j++) data[i * d + j] = rows[i][j];
  }
  return { rows: n, cols: d, data };
}

/** A view of row i (no copy). */
export function row(m: Matrix, i: number): FloatArray {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/** A new matrix holding the given rows, in the given order (duplicates allowed). */
export function takeRows(m: Matrix, indices: ArrayLike<number>): Matrix {
  const d = m.cols;
  const out =
    m.data instanceof Float32Array
      ? new Float32Array(indices.length * d)
      : new Float64Array(indices.length * d);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (i < 0 || i >= m.rows)
      throw new EmbevalError("E_INVALID_ARGUMENT", `row index ${i} out of range 0..${m.rows - 1}`);
    out.set(m.data.subarray(i * d, (i + 1) * d), k * d);
  }
  return { rows: indices.length, cols: d, data: out };
}

/** True if the matrix is stored in float32. */
export function isFloat32(m: Matrix): boolean {
  return m.data instanceof Float32Array;
}

/** Both matrices have the same number of columns (E_EMBEDDING_DIM otherwise). */
export function checkSameCols(a: Matrix, b: Matrix): void {
  if (a.cols !== b.cols) {
    throw new EmbevalError("E_EMBEDDING_DIM", `embedding dims differ: ${a.cols} vs ${b.cols}`, {
      hint: "both sides must come from the same model and truncation dim",
    });
  }
}

/** Same columns and rows, as paired scores need (E_SHAPE_MISMATCH otherwise). */
export function checkSameRows(a: Matrix, b: Matrix): void {
  checkSameCols(a, b);
  if (a.rows !== b.rows)
    throw new EmbevalError("E_SHAPE_MISMATCH", `paired inputs have ${a.rows} and ${b.rows} rows`);
}
