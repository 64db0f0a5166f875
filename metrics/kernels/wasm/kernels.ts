/**
 * WebAssembly SIMD kernels for JavaScript hot spots (module bytes from normalize-func.ts, dots-func.ts, inertia-func.ts and
 * minibatch-func.ts, built at load, no binary committed): torch's float32 row normalisation, the float64 candidate dot
 * products, and scikit-learn's float32 k-means inertia and mini-batch centre update (bit-identical). One
 * WebAssembly.Memory, grown as needed: [scratch | resident matrix | per-call work area]. The last normalised matrix
 * stays resident, so rescoring that matrix's rows (the search's chunk) reads them there without another copy.
 */

import { dotsFunc } from "./dots-func.js";
import { moduleBytes } from "./emit.js";
import { inertiaFunc } from "./inertia-func.js";
import { minibatchUpdateFunc } from "./minibatch-func.js";
import { normalizeFunc } from "./normalize-func.js";

const PAGE = 65536;
/** Byte address of the resident matrix (the first page holds the kernels' scratch). */
const RES = PAGE;
/** Largest memory this module asks for (wasm32 addresses; keeps growth well below engine limits). */
const MAX_BYTES = 2 ** 31;
const SCRATCH = 16;

/** The slice of the WebAssembly JS API used here (the project's TypeScript libs do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Memory: new (d: { initial: number; maximum: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (m: object, imports: object) => { exports: object };
  validate(bytes: Uint8Array): boolean;
}
const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

interface Exports {
  normalize(ptr: number, rows: number, cols: number, scratch: number): void;
  dots(qptr: number, bptr: number, idx: number, count: number, d: number, out: number): void;
  inertia(xp: number, cp: number, lp: number, n: number, d: number): number;
  update(
    xp: number,
    lp: number,
    nb: number,
    d: number,
    oldp: number,
    newp: number,
    cntp: number,
    k: number,
  ): void;
}

/** The instantiated module and its memory bookkeeping. */
class WasmKernels {
  private resident: Float32Array | undefined;
  private residentBytes = 0;
  constructor(
    private readonly memory: WasmMemory,
    private readonly fns: Exports,
  ) {}

  /** Grows the memory to at least `bytes`; false when that is impossible here. */
  private ensure(bytes: number): boolean {
    if (bytes > MAX_BYTES) return false;
    const have = this.memory.buffer.byteLength;
    if (bytes <= have) return true;
    try {
      this.memory.grow(Math.ceil((bytes - have) / PAGE));
      return true;
    } catch {
      return false;
    }
  }

  /** True when `b` is the matrix the last `normalize` returned (its rows are read from wasm memory). */
  isResident(b: Float32Array): boolean {
    return b === this.resident;
  }

  /** torch F.normalize (float32) of a row-major matrix, or undefined when it does not fit in wasm memory. */
  normalize(data: Float32Array, rows: number, cols: number): Float32Array | undefined {
    const n = rows * cols;
    if (!this.ensure(RES + n * 4)) return undefined;
    this.resident = undefined;
    new Float32Array(this.memory.buffer, RES, n).set(data.subarray(0, n));
    this.fns.normalize(RES, rows, cols, SCRATCH);
    const out = new Float32Array(n);
    out.set(new Float32Array(this.memory.buffer, RES, n));
    this.resident = out;
    this.residentBytes = n * 4;
    return out;
  }

  /**
   * `out[e] = Σₖ a[ao+k]·b[pos[e]·d+k]` for e < count in float64, summed in lanes (even/odd k), so each value may
   * differ from the sequential sum by a few float64 ulps (callers certify). False when memory cannot hold the call.
   */
  dots(
    a: Float32Array,
    ao: number,
    b: Float32Array,
    pos: ArrayLike<number>,
    count: number,
    d: number,
    out: Float64Array,
  ): boolean {
    const count4 = (count + 3) & ~3;
    const inResident = b === this.resident;
    const work = align16(RES + this.residentBytes);
    const qPtr = work;
    const idxPtr = align16(qPtr + d * 8);
    const outPtr = align16(idxPtr + count4 * 4);
    const gatherPtr = align16(outPtr + count4 * 8);
    if (!this.ensure(gatherPtr + (inResident ? 0 : count4 * d * 4))) return false;
    const buf = this.memory.buffer;
    const q64 = new Float64Array(buf, qPtr, d);
    for (let k = 0; k < d; k++) q64[k] = a[ao + k];
    const idx = new Int32Array(buf, idxPtr, count4);
    let base = RES;
    if (inResident) {
      for (let e = 0; e < count; e++) idx[e] = pos[e];
    } else {
      const g = new Float32Array(buf, gatherPtr, count4 * d);
      for (let e = 0; e < count; e++) {
        g.set(b.subarray(pos[e] * d, pos[e] * d + d), e * d);
        idx[e] = e;
      }
      base = gatherPtr;
    }
    for (let e = count; e < count4; e++) idx[e] = count > 0 ? idx[count - 1] : 0;
    if (count > 0) this.fns.dots(qPtr, base, idxPtr, count4, d, outPtr);
    out.set(new Float64Array(buf, outPtr, count));
    return true;
  }

  /** scikit-learn's float32 `_inertia_dense` (see inertia-func.ts); undefined when memory cannot hold the call. */
  inertia(x: Float32Array, n: number, d: number, c: Float32Array, labels: Int32Array): number | undefined {
    const xPtr = align16(RES + this.residentBytes);
    const cPtr = align16(xPtr + n * d * 4);
    const lPtr = align16(cPtr + c.length * 4);
    if (!this.ensure(lPtr + n * 4)) return undefined;
    const buf = this.memory.buffer;
    new Float32Array(buf, xPtr, n * d).set(x.subarray(0, n * d));
    new Float32Array(buf, cPtr, c.length).set(c);
    new Int32Array(buf, lPtr, n).set(labels.subarray(0, n));
    return this.fns.inertia(xPtr, cPtr, lPtr, n, d);
  }

  /** scikit-learn's float32 `_minibatch_update_dense` (see minibatch-func.ts); false when memory cannot hold the call. */
  minibatchUpdate(
    x: Float32Array,
    nb: number,
    d: number,
    labels: Int32Array,
    oldC: Float32Array,
    newC: Float32Array,
    counts: Float32Array,
    k: number,
  ): boolean {
    const xPtr = align16(RES + this.residentBytes);
    const lPtr = align16(xPtr + nb * d * 4);
    const oPtr = align16(lPtr + nb * 4);
    const nPtr = align16(oPtr + k * d * 4);
    const cPtr = align16(nPtr + k * d * 4);
    if (!this.ensure(cPtr + k * 4)) return false;
    const buf = this.memory.buffer;
    new Float32Array(buf, xPtr, nb * d).set(x.subarray(0, nb * d));
    new Int32Array(buf, lPtr, nb).set(labels.subarray(0, nb));
    new Float32Array(buf, oPtr, k * d).set(oldC.subarray(0, k * d));
    new Float32Array(buf, cPtr, k).set(counts.subarray(0, k));
    this.fns.update(xPtr, lPtr, nb, d, oPtr, nPtr, cPtr, k);
    newC.set(new Float32Array(buf, nPtr, k * d));
    counts.set(new Float32Array(buf, cPtr, k));
    return true;
  }
}

function align16(x: number): number {
  return (x + 15) & ~15;
}

let loaded: WasmKernels | null | undefined;

/** The module's bytes. */
export function kernelModuleBytes(): Uint8Array {
  return moduleBytes([normalizeFunc, dotsFunc, inertiaFunc, minibatchUpdateFunc]);
}

/** True when this engine accepts the module (WebAssembly with SIMD). */
export function wasmAvailable(): boolean {
  return wasmApi?.validate(kernelModuleBytes()) ?? false;
}

/** The instantiated kernels, or undefined where WebAssembly SIMD is unavailable (callers keep their JS path). */
export function wasmKernels(): WasmKernels | undefined {
  if (loaded === undefined) {
    try {
      if (!wasmApi) throw new Error("no WebAssembly");
      const memory = new wasmApi.Memory({ initial: 2, maximum: MAX_BYTES / PAGE });
      const module = new wasmApi.Module(kernelModuleBytes());
      const instance = new wasmApi.Instance(module, { env: { mem: memory } });
      loaded = new WasmKernels(memory, instance.exports as unknown as Exports);
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}

/** torch F.normalize(p=2, eps=1e-12) of a float32 matrix on the wasm kernel, or undefined (use the JS path). */
export function normalizeF32Wasm(data: Float32Array, rows: number, cols: number): Float32Array | undefined {
  if (rows * cols === 0) return undefined;
  return wasmKernels()?.normalize(data, rows, cols);
}

/** Float64 dot products of one row of `a` with rows `pos` of `b` (lane order, uncertified); false: use the JS path. */
export function dotsF64Wasm(
  a: Float32Array,
  ao: number,
  b: Float32Array,
  pos: ArrayLike<number>,
  count: number,
  d: number,
  out: Float64Array,
): boolean {
  if (d === 0) return false;
  return wasmKernels()?.dots(a, ao, b, pos, count, d, out) ?? false;
}

/** True when `b` is the wasm kernel's last normalised matrix (rows of norm ≤ `normalizedNormBound`, read in place). */
export function isWasmNormalized(b: Float32Array): boolean {
  return loaded ? loaded.isResident(b) : false;
}

/**
 * An upper bound on the norm of any row torch F.normalize returns in float32 over d dims: the float32 ‖x‖² is
 * within γ_d of the exact one and each quotient within u, so ‖x̂‖ ≤ 1 + (d+2)u; ×4 margin (rows divided by the
 * 1e-12 floor have norm < 1; NaN rows are never certified).
 */
export function normalizedNormBound(d: number): number {
  return 1 + 4 * (d + 2) * 2 ** -24;
}

/**
 * scikit-learn's float32 `_inertia_dense` of rows `[0, n)` on the wasm kernel, bit-identical to the Math.fround
 * emulation (same float32 operations in the same order); undefined (use the JS path) without WebAssembly SIMD, when
 * memory cannot hold the call, or when a label does not name a whole row of `c`.
 */
export function inertiaF32Wasm(
  x: Float32Array,
  n: number,
  d: number,
  c: Float32Array,
  labels: Int32Array,
): number | undefined {
  if (n === 0 || d === 0 || x.length < n * d || labels.length < n) return undefined;
  const k = Math.floor(c.length / d);
  for (let i = 0; i < n; i++) if (!(labels[i] >= 0 && labels[i] < k)) return undefined;
  return wasmKernels()?.inertia(x, n, d, c, labels);
}

/**
 * scikit-learn's float32 `_minibatch_update_dense` (unit weights) on the wasm kernel, bit-identical to the
 * Math.fround emulation; false (use the JS path) without WebAssembly SIMD, on shapes it does not take, or when
 * memory cannot hold the call. Fills `newC` and updates `counts`.
 */
export function minibatchUpdateF32Wasm(
  x: Float32Array,
  nb: number,
  d: number,
  labels: Int32Array,
  oldC: Float32Array,
  newC: Float32Array,
  counts: Float32Array,
  k: number,
): boolean {
  if (nb === 0 || d === 0 || k === 0 || nb > 2 ** 24) return false;
  if (
    x.length < nb * d ||
    labels.length < nb ||
    oldC.length < k * d ||
    newC.length < k * d ||
    counts.length < k
  )
    return false;
  return wasmKernels()?.minibatchUpdate(x, nb, d, labels, oldC, newC, counts, k) ?? false;
}
