/**
 * mteb's CompressionWrapper (mteb/models/compression_wrappers/compression_wrapper.py `_quantize_embeddings`): the
 * embeddings of ONE encode call are quantized and similarities are then computed on the quantized floats.
 * - binary (torch.bool): x > 0 → 1.0, else 0.0;
 * - int8 / int4 (torch.int8 / torch.int): per-dimension min and max over this call's embeddings,
 *   `floor((x − min) / ((max − min) / (2^bits − 1))) − 2^(bits−1)` in float32 (a constant dimension gives NaN,
 *   as in mteb);
 * - float8_e4m3fn / float8_e5m2: round to the float8 grid (round half to even; e4m3fn has no infinity, so values
 *   beyond ±448 become NaN like torch's cast; e5m2 overflows to ±inf), then to float16 (exact).
 */
import { EmbevalError } from "./errors.js";
import { type Matrix, matrix } from "./matrix.js";

/** The quantization levels mteb's CompressionWrapper supports. */
export type QuantizationKind = "binary" | "int8" | "int4" | "float8_e4m3fn" | "float8_e5m2";

/** Every supported kind (for CLI validation). */
export const QUANTIZATION_KINDS: readonly QuantizationKind[] = [
  "binary",
  "int8",
  "int4",
  "float8_e4m3fn",
  "float8_e5m2",
];

/** Round x to a floating-point grid with `mant` mantissa bits and minimum normal exponent `emin` (RNE). */
function roundToGrid(x: number, mant: number, emin: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const e = Math.max(Math.floor(Math.log2(Math.abs(x))), emin);
  const quantum = 2 ** (e - mant);
  const q = x / quantum;
  let r = Math.round(q);
  if (Math.abs(q - Math.trunc(q)) === 0.5) r = 2 * Math.round(q / 2); // ties to even
  return r * quantum;
}

function toFloat8(x: number, kind: "float8_e4m3fn" | "float8_e5m2"): number {
  if (kind === "float8_e4m3fn") {
    const r = roundToGrid(x, 3, -6);
    return Math.abs(r) > 448 || Number.isNaN(r) ? Number.NaN : r;
  }
  const r = roundToGrid(x, 2, -14);
  return Math.abs(r) > 57344 ? Math.sign(r) * Number.POSITIVE_INFINITY : r;
}

/** Quantize one encode call's embeddings (rows) as mteb's CompressionWrapper does; returns float32 values. */
export function quantizeEmbeddings(m: Matrix, kind: QuantizationKind): Matrix {
  const { rows, cols, data } = m;
  const out = new Float32Array(rows * cols);
  if (kind === "binary") {
    for (let i = 0; i < data.length; i++) out[i] = data[i] > 0 ? 1 : 0;
    return matrix(out, rows, cols);
  }
  if (kind === "float8_e4m3fn" || kind === "float8_e5m2") {
    for (let i = 0; i < data.length; i++) out[i] = toFloat8(Math.fround(data[i]), kind);
    return matrix(out, rows, cols);
  }
  if (kind !== "int8" && kind !== "int4")
    throw new EmbevalError("E_UNSUPPORTED", `unknown quantization "${kind}"`);
  if (rows === 0) return matrix(out, 0, cols);
  const bits = kind === "int8" ? 8 : 4;
  const f = Math.fround;
  const levels = 2 ** bits - 1;
  const offset = 2 ** (bits - 1);
  for (let j = 0; j < cols; j++) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < rows; i++) {
      const v = data[i * cols + j];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const step = f(f(max - min) / levels);
    for (let i = 0; i < rows; i++)
      out[i * cols + j] = Math.floor(f(f(data[i * cols + j] - min) / step)) - offset;
  }
  return matrix(out, rows, cols);
}
