/** Minimal WebAssembly binary writer (core spec §5 + SIMD proposal opcodes) for the search's hand-written kernels. */

/** Value types of the binary format. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(v: number): number[] {
  const out: number[] = [];
  let x = v >>> 0;
  do {
    let byte = x & 0x7f;
    x >>>= 7;
    if (x !== 0) byte |= 0x80;
    out.push(byte);
  } while (x !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(v: number): number[] {
  const out: number[] = [];
  let x = v | 0;
  for (;;) {
    const byte = x & 0x7f;
    x >>= 7;
    const done = (x === 0 && (byte & 0x40) === 0) || (x === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

function name(s: string): number[] {
  const b = [...new TextEncoder().encode(s)];
  return [...uleb(b.length), ...b];
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

/** Instruction encoders (each returns its bytes; bodies are concatenations). */
export const op = {
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  tee: (i: number) => [0x22, ...uleb(i)],
  i32: (v: number) => [0x41, ...sleb(v)],
  /** `local[into] = (local[d] rounded down to a multiple of m) × elemBytes` (m a power of two; m = 1: no rounding). */
  byteSpan: (d: number, m: number, elemBytes: number, into: number) => [
    0x20,
    ...uleb(d),
    ...(m > 1 ? [0x41, ...sleb(-m), 0x71] : []),
    0x41,
    ...sleb(Math.log2(elemBytes)),
    0x74,
    0x21,
    ...uleb(into),
  ],
  /** `local[i] += n` for an i32 local. */
  inc: (i: number, n: number) => [0x20, ...uleb(i), 0x41, ...sleb(n), 0x6a, 0x21, ...uleb(i)],
  f32: (v: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    return [0x43, ...b];
  },
  f64: (v: number) => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    return [0x44, ...b];
  },
  /** Linear-memory access with alignment 0 (valid for any address) and a static byte offset. */
  mem: (code: number, offset = 0) => [code, 0, ...uleb(offset)],
  simd: (code: number) => [0xfd, ...uleb(code)],
  simdMem: (code: number, offset = 0) => [0xfd, ...uleb(code), 0, ...uleb(offset)],
  lane: (code: number, lane: number) => [0xfd, ...uleb(code), lane],
  v128zero: () => [0xfd, ...uleb(12), ...new Array<number>(16).fill(0)],
  /** `block { loop { if (!cond) break; body; continue } }`: cond and body are instruction bytes. */
  whileLoop: (cond: number[], body: number[]) => [
    0x02,
    0x40,
    0x03,
    0x40,
    ...cond,
    0x45,
    0x0d,
    1,
    ...body,
    0x0c,
    0,
    0x0b,
    0x0b,
  ],
  ifElse: (cond: number[], then: number[], otherwise: number[]) => [
    ...cond,
    0x04,
    0x40,
    ...then,
    ...(otherwise.length ? [0x05, ...otherwise] : []),
    0x0b,
  ],
} as const;

/** Opcodes used by the kernels (core and SIMD; SIMD ones go through `op.simd`). */
export const code = {
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Shl: 0x74,
  i32LtU: 0x49,
  i32Load: 0x28,
  f32Load: 0x2a,
  f64Load: 0x2b,
  f32Store: 0x38,
  f64Store: 0x39,
  f64Lt: 0x63,
  f32Sqrt: 0x91,
  f32Add: 0x92,
  f32Sub: 0x93,
  f32Mul: 0x94,
  f32Div: 0x95,
  f64Add: 0xa0,
  f64Mul: 0xa2,
  f64Div: 0xa3,
  f32DemoteF64: 0xb6,
  f64PromoteF32: 0xbb,
  v128Load: 0,
  v128Store: 11,
  v128Load64Zero: 93,
  f32x4Splat: 19,
  f32x4ExtractLane: 31,
  f64x2ExtractLane: 33,
  f64x2PromoteLowF32x4: 95,
  f32x4Add: 228,
  f32x4Sub: 229,
  f32x4Mul: 230,
  f32x4Div: 231,
  f64x2Add: 240,
  f64x2Mul: 242,
} as const;

/** One function: parameter and result types, extra locals (type per local), body bytes (without the final end). */
export interface WasmFunc {
  readonly name: string;
  readonly params: readonly number[];
  readonly results: readonly number[];
  readonly locals: readonly number[];
  readonly body: readonly number[];
}

/** Module bytes: memory imported as env.mem, every function exported under its name. */
export function moduleBytes(funcs: readonly WasmFunc[]): Uint8Array {
  const types = section(
    1,
    vec(funcs.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec(f.results.map((t) => [t]))])),
  );
  const imports = section(2, vec([[...name("env"), ...name("mem"), 0x02, 0x00, 0x01]]));
  const fnSec = section(3, vec(funcs.map((_, i) => uleb(i))));
  const exports = section(7, vec(funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)])));
  const bodies = funcs.map((f) => {
    const locals = vec(f.locals.map((t) => [1, t]));
    const body = [...locals, ...f.body, 0x0b];
    return [...uleb(body.length), ...body];
  });
  const codeSec = section(10, vec(bodies));
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0,
    0,
    0,
    ...types,
    ...imports,
    ...fnSec,
    ...exports,
    ...codeSec,
  ]);
}
