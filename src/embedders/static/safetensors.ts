/** Minimal safetensors reader (huggingface/safetensors format: u64 LE header length, JSON header, raw little-endian tensors). */
import { EmbevalError } from "../../errors.js";

/** One tensor converted to a JS typed array. */
export interface Tensor {
  dtype: string;
  shape: number[];
  /** Float tensors as Float32Array (F16/BF16/F64 converted), integer tensors as Float64Array of exact integers. */
  data: Float32Array | Float64Array;
}

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

function f16(bits: number): number {
  const s = bits & 0x8000 ? -1 : 1;
  const e = (bits >> 10) & 0x1f;
  const m = bits & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? Number.NaN : s * Number.POSITIVE_INFINITY;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/** Parse a safetensors buffer; `names` limits which tensors are decoded. E_PARSE on a malformed file. */
export function readSafetensors(buf: Buffer, where: string, names?: readonly string[]): Map<string, Tensor> {
  const bad = (msg: string) =>
    new EmbevalError("E_PARSE", `${where}: ${msg}`, { hint: "is it a safetensors file?" });
  if (buf.length < 8) throw bad("too short");
  const n = Number(buf.readBigUInt64LE(0));
  if (n <= 0 || 8 + n > buf.length) throw bad("bad header length");
  let header: Record<string, HeaderEntry | Record<string, string>>;
  try {
    header = JSON.parse(buf.subarray(8, 8 + n).toString("utf8"));
  } catch (cause) {
    throw new EmbevalError("E_PARSE", `${where}: header is not JSON`, { cause });
  }
  const base = 8 + n;
  const out = new Map<string, Tensor>();
  for (const [name, raw] of Object.entries(header)) {
    if (name === "__metadata__" || (names && !names.includes(name))) continue;
    const t = raw as HeaderEntry;
    const [s, e] = t.data_offsets;
    if (!(s >= 0 && e >= s && base + e <= buf.length)) throw bad(`tensor ${name} is out of range`);
    const count = t.shape.reduce((a, b) => a * b, 1);
    const bytes = buf.subarray(base + s, base + e);
    const width: Record<string, number> = {
      F32: 4,
      F64: 8,
      F16: 2,
      BF16: 2,
      I64: 8,
      I32: 4,
      I16: 2,
      I8: 1,
      U8: 1,
    };
    const w = width[t.dtype];
    if (!w) throw new EmbevalError("E_UNSUPPORTED", `${where}: tensor ${name} has dtype ${t.dtype}`);
    if (bytes.length !== count * w)
      throw bad(`tensor ${name} has ${bytes.length} bytes for ${count} × ${t.dtype}`);
    const isFloat = t.dtype.startsWith("F") || t.dtype === "BF16";
    const data = isFloat ? new Float32Array(count) : new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const o = i * w;
      switch (t.dtype) {
        case "F32":
          data[i] = bytes.readFloatLE(o);
          break;
        case "F64":
          data[i] = bytes.readDoubleLE(o);
          break;
        case "F16":
          data[i] = f16(bytes.readUInt16LE(o));
          break;
        case "BF16":
          data[i] = new Float32Array(new Uint32Array([bytes.readUInt16LE(o) << 16]).buffer)[0];
          break;
        case "I64":
          data[i] = Number(bytes.readBigInt64LE(o));
          break;
        case "I32":
          data[i] = bytes.readInt32LE(o);
          break;
        case "I16":
          data[i] = bytes.readInt16LE(o);
          break;
        case "I8":
          data[i] = bytes.readInt8(o);
          break;
        default:
          data[i] = bytes.readUInt8(o);
      }
    }
    out.set(name, { dtype: t.dtype, shape: t.shape, data });
  }
  return out;
}

/** Serialize float32 tensors to safetensors bytes (used by tests and tools to write small models). */
export function writeSafetensors(tensors: Record<string, { shape: number[]; data: Float32Array }>): Buffer {
  const header: Record<string, HeaderEntry> = {};
  let off = 0;
  for (const [name, t] of Object.entries(tensors)) {
    header[name] = { dtype: "F32", shape: t.shape, data_offsets: [off, off + t.data.byteLength] };
    off += t.data.byteLength;
  }
  let json = JSON.stringify(header);
  json += " ".repeat((8 - ((8 + Buffer.byteLength(json)) % 8)) % 8);
  const h = Buffer.from(json, "utf8");
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(h.length));
  const parts = Object.values(tensors).map((t) =>
    Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength),
  );
  return Buffer.concat([len, h, ...parts]);
}
