/** Reader for NumPy .npy files (format 1.0–3.0), used to load oracle embeddings with their dtype kept. */
import { readFileSync } from "node:fs";
import { EmbevalError } from "../../metrics/errors.js";

/** A dense row-major array read from a .npy file. */
export type NpyArray =
  | { dtype: "float32"; shape: number[]; data: Float32Array }
  | { dtype: "float64"; shape: number[]; data: Float64Array }
  | { dtype: "int64"; shape: number[]; data: BigInt64Array }
  | { dtype: "int32"; shape: number[]; data: Int32Array };

const MAGIC = "\x93NUMPY";

/** Parse .npy bytes. Only little-endian, C-order numeric arrays are accepted. */
export function parseNpy(buf: Buffer): NpyArray {
  if (buf.toString("latin1", 0, 6) !== MAGIC)
    throw new EmbevalError("E_PARSE", "not a .npy file (bad magic)");
  const major = buf[6];
  const headerLen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const headerStart = major === 1 ? 10 : 12;
  const header = buf.toString("latin1", headerStart, headerStart + headerLen);
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || !fortran || shapeText === undefined)
    throw new EmbevalError("E_PARSE", `bad .npy header: ${header}`);
  if (fortran === "True")
    throw new EmbevalError("E_UNSUPPORTED", "Fortran-order .npy arrays are not supported");
  const shape = shapeText
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const offset = headerStart + headerLen;
  const bytes = buf.buffer.slice(buf.byteOffset + offset, buf.byteOffset + buf.length);
  switch (descr) {
    case "<f4":
      return { dtype: "float32", shape, data: new Float32Array(bytes, 0, count) };
    case "<f8":
      return { dtype: "float64", shape, data: new Float64Array(bytes, 0, count) };
    case "<i8":
      return { dtype: "int64", shape, data: new BigInt64Array(bytes, 0, count) };
    case "<i4":
      return { dtype: "int32", shape, data: new Int32Array(bytes, 0, count) };
    default:
      throw new EmbevalError("E_UNSUPPORTED", `unsupported .npy dtype ${descr}`);
  }
}

/** Read a .npy file from disk. */
export function readNpy(path: string): NpyArray {
  return parseNpy(readFileSync(path));
}

/** Rows of a 2-D float array as views (float32 stays float32). */
export function rowsOf(a: NpyArray): (Float32Array | Float64Array)[] {
  if (a.dtype !== "float32" && a.dtype !== "float64")
    throw new EmbevalError("E_UNSUPPORTED", "rows need floats");
  if (a.shape.length !== 2) throw new EmbevalError("E_SHAPE_MISMATCH", `expected 2-D, got ${a.shape}`);
  const [n, d] = a.shape;
  const out: (Float32Array | Float64Array)[] = [];
  for (let i = 0; i < n; i++) out.push(a.data.subarray(i * d, (i + 1) * d));
  return out;
}
