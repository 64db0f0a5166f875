/** Test helper: turn an oracle .npy embedding file into a Matrix, keeping its dtype. */
import { EmbevalError } from "../../metrics/errors.js";
import { type Matrix, matrix } from "../../metrics/matrix.js";
import type { OracleCase } from "../helpers/oracle.js";

/** Load a 2-D float .npy input of a case as a Matrix (float32 stays float32). */
export function npyMatrix(c: OracleCase, file: string): Matrix {
  const a = c.npy(file);
  if ((a.dtype !== "float32" && a.dtype !== "float64") || a.shape.length !== 2) {
    throw new EmbevalError("E_UNSUPPORTED", `${c.name}/${file}: expected a 2-D float array`);
  }
  return matrix(a.data, a.shape[0], a.shape[1]);
}

/** Max |a − b| over the keys of `expected`, failing on a missing key. */
export function maxAbsDiff(actual: Record<string, number>, expected: Record<string, number>): number {
  let worst = 0;
  for (const [k, v] of Object.entries(expected)) {
    if (!(k in actual)) throw new Error(`missing key ${k}`);
    const d = Math.abs(actual[k] - v);
    worst = Math.max(worst, Number.isNaN(d) ? Number.POSITIVE_INFINITY : d);
  }
  return worst;
}
