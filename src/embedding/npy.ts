/**
 * Writes float32 matrices as NumPy .npy files byte-identical to numpy 2.x `np.save` of a C-order `<f4` array
 * (numpy/lib/format.py: format 1.0, header dict padded with spaces to a multiple of 64 bytes, ending in a newline).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { EmbevalError } from "../errors.js";

const ALIGN = 64;

/** The .npy header (magic, version 1.0, length, dict) of a rows × cols float32 array. */
export function npyHeader(rows: number, cols: number): Buffer {
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  const pre = 10; // magic (6) + version (2) + header length (2)
  const total = Math.ceil((pre + dict.length + 1) / ALIGN) * ALIGN;
  const header = `${dict}${" ".repeat(total - pre - dict.length - 1)}\n`;
  const buf = Buffer.alloc(pre + header.length);
  buf.write("\x93NUMPY", 0, "latin1");
  buf[6] = 1;
  buf[7] = 0;
  buf.writeUInt16LE(header.length, 8);
  buf.write(header, pre, "latin1");
  return buf;
}

/** The whole .npy file of a rows × cols float32 matrix (row-major `data`, little-endian platform). */
export function npyBytes(rows: number, cols: number, data: Float32Array): Buffer {
  if (data.length !== rows * cols) {
    throw new EmbevalError("E_SHAPE_MISMATCH", `${data.length} values do not make a ${rows} × ${cols} array`);
  }
  return Buffer.concat([npyHeader(rows, cols), Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
}

/** Write the .npy atomically (temp file in the same folder, then rename). */
export function writeNpy(path: string, rows: number, cols: number, data: Float32Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, npyBytes(rows, cols, data));
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof EmbevalError) throw e;
    throw new EmbevalError("E_IO", `cannot write ${path}: ${(e as Error).message}`, { cause: e });
  }
}
