/** The WebAssembly float32 `_inertia_dense` kernel: bit-identical to the Math.fround emulation, hand-checked roundings, fallbacks. */
import { describe, expect, it } from "vitest";
import { inertiaF32, inertiaOf } from "../../../metrics/clustering/kmeans-inertia.js";
import {
  dotsF64Wasm,
  inertiaF32Wasm,
  isWasmNormalized,
  normalizeF32Wasm,
  wasmAvailable,
} from "../../../metrics/kernels/wasm/kernels.js";
import { lcg } from "../../helpers/kernels.js";

const U = 2 ** -24;

/** Random float32 rows, each entry scaled by `scale` (or by 10^(±20) at random when scale is "mixed"). */
function data(rnd: () => number, len: number, scale: number | "mixed"): Float32Array {
  return Float32Array.from({ length: len }, () => {
    const s = scale === "mixed" ? 10 ** Math.round(rnd() * 40 - 20) : scale;
    return (rnd() * 2 - 1) * s;
  });
}

describe("inertiaF32Wasm", () => {
  it("is available on this Node (WebAssembly SIMD)", () => {
    expect(wasmAvailable()).toBe(true);
  });

  it("hand-computed: (0 + 1) + (9 + 25) = 35", () => {
    const x = Float32Array.of(1, 2, 3, 5);
    const c = Float32Array.of(0, 0, 1, 1, 9, 9);
    expect(inertiaF32Wasm(x, 2, 2, c, Int32Array.of(1, 0))).toBe(35);
  });

  it("rounds every step to float32 in scikit-learn's order", () => {
    const c = new Float32Array(5);
    const e = 2 ** -12;
    // block ((1 + u) + u) + u: each addition ties back to 1 (float64, then rounded, would give 1 + 4u)
    expect(inertiaF32Wasm(Float32Array.of(1, e, e, e, 0), 1, 5, c, Int32Array.of(0))).toBe(1);
    // tail: 1 + u ties back to 1
    expect(inertiaF32Wasm(Float32Array.of(1, 0, 0, 0, e), 1, 5, c, Int32Array.of(0))).toBe(1);
    // ((u + u) + 1) + 0 = 1 + 2u is representable: the block sums left to right
    expect(inertiaF32Wasm(Float32Array.of(e, e, 1, 0, 0), 1, 5, c, Int32Array.of(0))).toBe(1 + 2 * U);
    // rows accumulate in float32 in row order: 1, then + u (ties to 1), then + u again
    const rows = Float32Array.of(1, 0, 0, 0, 0, e, 0, 0, 0, 0, e, 0, 0, 0, 0);
    expect(inertiaF32Wasm(rows, 3, 5, c, Int32Array.of(0, 0, 0))).toBe(1);
    expect(inertiaF32(rows, 3, 5, c, Int32Array.of(0, 0, 0))).toBe(1);
  });

  const ds = [1, 3, 4, 5, 7, 8, 768, 769];
  const ns = [1, 3, 6, 13, 37];
  const scales: (number | "mixed")[] = [1, 1e-18, 1e15, 1e19, "mixed"];
  for (const d of ds) {
    it(`equals the JS emulation (Object.is) for d = ${d}`, () => {
      const rnd = lcg(1000 + d);
      let checked = 0;
      for (const n of ns) {
        for (const scale of scales) {
          const k = 1 + (n % 5);
          const x = data(rnd, n * d, scale);
          const c = data(rnd, k * d, scale);
          const labels = Int32Array.from({ length: n }, () => Math.floor(rnd() * k));
          const js = inertiaF32(x, n, d, c, labels);
          const w = inertiaF32Wasm(x, n, d, c, labels);
          expect(w).toBeDefined();
          if (!Object.is(w, js)) throw new Error(`d=${d} n=${n} scale=${scale}: wasm ${w} js ${js}`);
          expect(Object.is(inertiaOf(x, n, d, c, labels, true), js)).toBe(true);
          expect(Math.fround(js)).toBe(js);
          checked++;
        }
      }
      expect(checked).toBe(ns.length * scales.length);
    });
  }

  it("covers overflow to Infinity and NaN inputs like the JS path", () => {
    const d = 4;
    const c = new Float32Array(d);
    const big = Float32Array.of(3e38, 0, 0, 0);
    expect(inertiaF32Wasm(big, 1, d, c, Int32Array.of(0))).toBe(Number.POSITIVE_INFINITY);
    expect(inertiaF32(big, 1, d, c, Int32Array.of(0))).toBe(Number.POSITIVE_INFINITY);
    const nan = Float32Array.of(1, Number.NaN, 0, 0);
    expect(inertiaF32Wasm(nan, 1, d, c, Int32Array.of(0))).toBeNaN();
  });

  it("falls back (undefined) on empty input or a label outside the centres; inertiaOf then uses JS", () => {
    const x = Float32Array.of(1, 2, 3, 4);
    const c = Float32Array.of(0, 0);
    expect(inertiaF32Wasm(x, 0, 2, c, new Int32Array(0))).toBeUndefined();
    expect(inertiaF32Wasm(x, 2, 2, c, Int32Array.of(0, 1))).toBeUndefined();
    expect(inertiaF32Wasm(x, 2, 2, c, Int32Array.of(0, -1))).toBeUndefined();
    expect(inertiaOf(x, 2, 2, c, Int32Array.of(0, 0), true)).toBe(5 + 25);
    // float64 centres take the JS path (x − c is then not a float32 − float32 difference)
    expect(inertiaOf(x, 2, 2, Float64Array.of(0.5, 0), Int32Array.of(0, 0), true)).toBe(
      inertiaF32(x, 2, 2, Float64Array.of(0.5, 0), Int32Array.of(0, 0)),
    );
  });

  it("leaves the resident normalised matrix intact", () => {
    const rnd = lcg(7);
    const rows = 9;
    const d = 6;
    const b = normalizeF32Wasm(data(rnd, rows * d, 1), rows, d);
    expect(b).toBeDefined();
    if (!b) return;
    const x = data(rnd, 50 * d, 1);
    const labels = new Int32Array(50);
    expect(inertiaF32Wasm(x, 50, d, data(rnd, d, 1), labels)).toBeGreaterThan(0);
    expect(isWasmNormalized(b)).toBe(true);
    const out = new Float64Array(rows);
    const pos = Int32Array.from({ length: rows }, (_, i) => i);
    expect(dotsF64Wasm(b, 0, b, pos, rows, d, out)).toBe(true);
    for (let j = 0; j < rows; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += b[t] * b[j * d + t];
      expect(out[j]).toBeCloseTo(s, 12);
    }
  });
});
