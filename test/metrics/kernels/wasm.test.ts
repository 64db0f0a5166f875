/** WebAssembly SIMD kernels: the emitter's encodings, normalisation bit-identical to JS, certified candidate rescoring. */
import { describe, expect, it } from "vitest";
import { type ChunkOperand, rescoreCollected } from "../../../metrics/kernels/block-topk.js";
import { dotF64, dotsF64 } from "../../../metrics/kernels/exact-f64.js";
import { TopkScratch } from "../../../metrics/kernels/topk-select.js";
import { sleb, uleb } from "../../../metrics/kernels/wasm/emit.js";
import {
  dotsF64Wasm,
  isWasmNormalized,
  normalizedNormBound,
  normalizeF32Wasm,
  wasmAvailable,
} from "../../../metrics/kernels/wasm/kernels.js";
import { torchNormalize } from "../../../metrics/similarity.js";
import { lcg } from "../../helpers/kernels.js";

/** Rows of random values mixing zero rows, subnormals, tiny (norm < 1e-12) and large values. */
function nasty(rnd: () => number, rows: number, cols: number): Float32Array {
  const x = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const kind = i % 6;
    for (let j = 0; j < cols; j++) {
      const u = rnd() * 2 - 1;
      const v =
        kind === 0
          ? 0
          : kind === 1
            ? u * 1e-40
            : kind === 2
              ? u * 1e-14
              : kind === 3
                ? u * 3e19
                : kind === 4
                  ? u
                  : u * 1e3;
      x[i * cols + j] = v;
    }
  }
  return x;
}

/** The JS reference: torchNormalize's generic float32 loop (float64 storage of the same float32 values). */
function jsNormalize(x: Float32Array, rows: number, cols: number): Float32Array {
  return torchNormalize({ rows, cols, data: Float64Array.from(x) }, "float32").data as Float32Array;
}

describe("wasm emitter", () => {
  it("LEB128 encodings (spec examples)", () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(-8)).toEqual([0x78]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });
  it("the kernel module validates on this engine (Node 20 has WASM SIMD)", () => {
    expect(wasmAvailable()).toBe(true);
  });
});

describe("normalizeF32Wasm", () => {
  it("hand example: [3,4] → [0.6,0.8] and a zero row stays zero", () => {
    const out = normalizeF32Wasm(Float32Array.of(3, 4, 0, 0), 2, 2);
    expect(out && [...out]).toEqual([Math.fround(0.6), Math.fround(0.8), 0, 0]);
  });
  it("equals the JS float32 loop bit for bit (d < 8, tails d % 8 ≠ 0, zero rows, subnormals, tiny, large)", () => {
    const rnd = lcg(11);
    for (const d of [1, 2, 3, 5, 7, 8, 9, 12, 15, 16, 17, 31, 64, 100, 767, 768]) {
      const rows = 24;
      const x = nasty(rnd, rows, d);
      const w = normalizeF32Wasm(x, rows, d);
      const ref = jsNormalize(x, rows, d);
      expect(w).toBeDefined();
      let diff = 0;
      for (let i = 0; i < ref.length; i++) if (!Object.is(w?.[i], ref[i])) diff++;
      expect(diff, `d=${d}`).toBe(0);
    }
  });
  it("propagates NaN and Inf like the JS loop", () => {
    const x = Float32Array.of(
      1,
      Number.NaN,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      Number.POSITIVE_INFINITY,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
    );
    const w = normalizeF32Wasm(x, 2, 9);
    const ref = jsNormalize(x, 2, 9);
    expect([...(w ?? [])]).toEqual([...ref]);
    expect(Number.isNaN(ref[0])).toBe(true);
  });
  it("torchNormalize on float32 input dispatches to it and stays equal to the JS loop", () => {
    const rnd = lcg(5);
    const x = nasty(rnd, 30, 13);
    const out = torchNormalize({ rows: 30, cols: 13, data: x }, "float32").data as Float32Array;
    expect(isWasmNormalized(out)).toBe(true);
    expect([...out]).toEqual([...jsNormalize(x, 30, 13)]);
  });
});

/** rescoreCollected with the JS kernel: sequential float64 sums rounded once. */
function jsRescore(
  q: Float32Array,
  qo: number,
  b: Float32Array,
  idx: Int32Array,
  count: number,
  d: number,
): number[] {
  const out = new Float64Array(count);
  dotsF64(q, qo, b, idx, count, d, out);
  return [...out].map(Math.fround);
}

describe("wasm candidate rescoring", () => {
  it("dotsF64Wasm: every lane-order sum within float64 rounding of the sequential one (resident and gathered rows)", () => {
    const rnd = lcg(2);
    for (const d of [1, 2, 3, 6, 7, 8, 10, 33, 768]) {
      const b = torchNormalize({ rows: 40, cols: d, data: nasty(rnd, 40, d) }, "float32")
        .data as Float32Array;
      const plain = Float32Array.from(b);
      const q = Float32Array.from({ length: 3 * d }, () => rnd() - 0.5);
      const pos = [5, 0, 39, 7, 7, 12, 33];
      for (const src of [b, plain]) {
        const out = new Float64Array(pos.length);
        expect(dotsF64Wasm(q, d, src, pos, pos.length, d, out)).toBe(true);
        pos.forEach((p, e) => {
          const ref = dotF64(q, d, src, p * d, d);
          expect(Math.abs(out[e] - ref)).toBeLessThanOrEqual(d * 2 ** -52 * 2);
        });
      }
    }
  });
  it("rescoreCollected equals the JS path exactly (normalised chunk, plain chunk with maxNorm, odd count, d % 2)", () => {
    const rnd = lcg(9);
    for (const d of [3, 7, 64, 97]) {
      const n = 60;
      const raw = nasty(rnd, n, d);
      const normed = torchNormalize({ rows: n, cols: d, data: raw }, "float32").data as Float32Array;
      const qData = torchNormalize({ rows: 4, cols: d, data: nasty(rnd, 4, d) }, "float32")
        .data as Float32Array;
      // the queries' normalisation replaced the resident matrix: normalise the chunk last, as the search does
      const chunkData = Float32Array.from(normed);
      const resident = torchNormalize({ rows: n, cols: d, data: raw }, "float32").data as Float32Array;
      expect(isWasmNormalized(resident)).toBe(true);
      let maxNorm = 0;
      for (let i = 0; i < n; i++)
        maxNorm = Math.max(maxNorm, Math.sqrt(dotF64(chunkData, i * d, chunkData, i * d, d)));
      const q = { rows: 4, cols: d, data: qData };
      for (const data of [resident, chunkData]) {
        const c: ChunkOperand = { rows: n, cols: d, data, maxNorm };
        for (const count of [1, 5, 13]) {
          const s = new TopkScratch();
          s.ensure(1, count);
          for (let e = 0; e < count; e++) s.idx[e] = Math.floor(rnd() * n);
          for (let qi = 0; qi < 4; qi++) {
            rescoreCollected(q, qi, c, count, s);
            expect([...s.exact.subarray(0, count)]).toEqual(jsRescore(qData, qi * d, data, s.idx, count, d));
          }
        }
      }
    }
  });
  it("a sum exactly halfway between two float32 values is not certified and comes out as the sequential fround", () => {
    // 1 + 2^-24 ties to even (1) in float32; the lane order cannot be certified there, so dotF64 decides
    const d = 4;
    const q = { rows: 1, cols: d, data: Float32Array.of(1, 2 ** -24, 0, 0) };
    const c: ChunkOperand = { rows: 1, cols: d, data: Float32Array.of(1, 1, 0, 0), maxNorm: Math.SQRT2 };
    const s = new TopkScratch();
    s.ensure(1, 1);
    s.idx[0] = 0;
    rescoreCollected(q, 0, c, 1, s);
    expect(s.exact[0]).toBe(1);
  });
  it("the normalised-row norm bound covers every row the kernel produces", () => {
    const rnd = lcg(4);
    const d = 768;
    const out = normalizeF32Wasm(nasty(rnd, 60, d), 60, d) as Float32Array;
    for (let i = 0; i < 60; i++)
      expect(Math.sqrt(dotF64(out, i * d, out, i * d, d))).toBeLessThanOrEqual(normalizedNormBound(d));
  });
});
