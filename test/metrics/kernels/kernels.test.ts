/** Score kernels: the blocked exact kernel equals the plain loop bit for bit; onnxruntime's Gemm stays within its bound. */
import { describe, expect, it } from "vitest";
import { dotF64, matmulTExact } from "../../../metrics/kernels/exact-f64.js";
import {
  certifiedFround,
  gemmErrorBound,
  onnxGemm,
  onnxGemmF64,
} from "../../../metrics/kernels/onnx-gemm.js";
import { collectAtLeast, kthLargest, TopkScratch, uniqueTopk } from "../../../metrics/kernels/topk-select.js";
import { torchTopkIndices } from "../../../metrics/retrieval/torch-topk.js";
import { lcg } from "../../helpers/kernels.js";

function plain(
  a: ArrayLike<number>,
  m: number,
  b: ArrayLike<number>,
  n: number,
  d: number,
  out: Float32Array | Float64Array,
) {
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += a[i * d + k] * b[j * d + k];
      out[i * n + j] = s;
    }
}

describe("matmulTExact", () => {
  it("hand example: [[1,2],[3,4]]·[[5,6],[7,8]]ᵀ", () => {
    const out = new Float64Array(4);
    matmulTExact(Float64Array.of(1, 2, 3, 4), 2, Float64Array.of(5, 6, 7, 8), 2, 2, out);
    expect([...out]).toEqual([17, 23, 39, 53]);
  });
  it("equals the sequential float64 loop bit for bit (float32 and float64 storage, ragged block edges)", () => {
    const rnd = lcg(3);
    for (const [m, n, d] of [
      [1, 1, 1],
      [5, 7, 33],
      [9, 3, 768],
      [4, 2, 5],
      [13, 11, 100],
    ]) {
      for (const f64 of [false, true]) {
        const make = (len: number) => {
          const vals = Array.from({ length: len }, () => rnd() * 2 - 1);
          return f64 ? Float64Array.from(vals) : Float32Array.from(vals);
        };
        const a = make(m * d);
        const b = make(n * d);
        const got = f64 ? new Float64Array(m * n) : new Float32Array(m * n);
        const want = f64 ? new Float64Array(m * n) : new Float32Array(m * n);
        matmulTExact(a, m, b, n, d, got);
        plain(a, m, b, n, d, want);
        expect(Array.from(got, (x, i) => Object.is(x, want[i])).every(Boolean), `${m}x${n}x${d}`).toBe(true);
        expect(dotF64(a, 0, b, (n - 1) * d, d)).toBe(plainDot(a, b, (n - 1) * d, d));
      }
    }
  });
  it("writes into a strided window of the output", () => {
    const out = new Float64Array(12).fill(-1);
    matmulTExact(Float64Array.of(1, 0, 0, 1), 2, Float64Array.of(2, 3, 4, 5), 2, 2, out, 4, 1);
    expect([...out]).toEqual([-1, 2, 4, -1, -1, 3, 5, -1, -1, -1, -1, -1]);
  });
});

function plainDot(a: ArrayLike<number>, b: ArrayLike<number>, bo: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += a[k] * b[bo + k];
  return s;
}

describe("onnxruntime Gemm kernel", () => {
  it("loads, computes a·bᵀ, and differs from the exact kernel only within gemmErrorBound", async () => {
    const gemm = await onnxGemm();
    expect(gemm, "onnxruntime-node must load for the fast path").toBeDefined();
    if (!gemm) return;
    const rnd = lcg(11);
    const [m, n, d] = [37, 501, 768];
    const a = Float32Array.from({ length: m * d }, () => rnd() - 0.5);
    const b = Float32Array.from({ length: n * d }, () => rnd() - 0.5);
    const got = await gemm.run(a, m, b, n, d);
    const exact = new Float32Array(m * n);
    matmulTExact(a, m, b, n, d, exact);
    let differ = 0;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        const e = exact[i * n + j];
        const g = got[i * n + j];
        if (e !== g) differ++;
        const na = Math.sqrt(dotF64(a, i * d, a, i * d, d));
        const nb = Math.sqrt(dotF64(b, j * d, b, j * d, d));
        expect(Math.abs(g - e)).toBeLessThanOrEqual(gemmErrorBound(d, na, nb) / 2);
      }
    // float32 accumulation does change last bits: the exact rescoring in search is needed, not decorative
    expect(differ).toBeGreaterThan(0);
    expect(got[0]).toBeCloseTo(exact[0], 4);
  });
});

describe("float64 Gemm + certified rounding", () => {
  it("certifiedFround: rounds when the whole error interval rounds alike, declines at a float32 midpoint", () => {
    expect(certifiedFround(0.1, 768, 1, 1)).toBe(Math.fround(0.1));
    expect(Object.is(certifiedFround(0, 768, 0, 0), 0)).toBe(true); // +0, as the sequential sum of products gives
    const mid = (1 + (1 + 2 ** -23)) / 2; // halfway between two float32 values
    expect(certifiedFround(mid, 768, 1, 1)).toBeUndefined();
    expect(certifiedFround(mid + 2 ** -44, 768, 1, 1)).toBeUndefined(); // within the bound (~2^-41.4) of the midpoint
    expect(certifiedFround(mid + 2 ** -30, 768, 1, 1)).toBe(1 + 2 ** -23);
    expect(certifiedFround(Number.NaN, 8, 1, 1)).toBeUndefined();
  });
  it("dgemm rounded with certifiedFround equals the exact kernel wherever it certifies (nearly everywhere)", async () => {
    const dgemm = await onnxGemmF64();
    expect(dgemm).toBeDefined();
    if (!dgemm) return;
    const rnd = lcg(13);
    const [m, n, d] = [9, 700, 384];
    const a = Float32Array.from({ length: m * d }, () => rnd() - 0.5);
    const b = Float32Array.from({ length: n * d }, () => rnd() - 0.5);
    const y = await dgemm.run(Float64Array.from(a), m, Float64Array.from(b), n, d);
    const exact = new Float32Array(m * n);
    matmulTExact(a, m, b, n, d, exact);
    let certified = 0;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        const na = Math.sqrt(dotF64(a, i * d, a, i * d, d));
        const nb = Math.sqrt(dotF64(b, j * d, b, j * d, d));
        const v = certifiedFround(y[i * n + j], d, na, nb);
        if (v !== undefined) {
          certified++;
          expect(v).toBe(exact[i * n + j]);
        }
      }
    expect(certified).toBeGreaterThan(0.99 * m * n);
  });
});

describe("unique top-k selection", () => {
  it("equals torch.topk when the top k+1 are distinct, declines on ties", () => {
    const rnd = lcg(5);
    const s = new TopkScratch();
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(rnd() * 300);
      const k = 1 + Math.floor(rnd() * n);
      const ties = trial % 2 === 1;
      const v = Float32Array.from({ length: n }, () => (ties ? Math.floor(rnd() * 20) : rnd()));
      const t = kthLargest(v, 0, n, k, s);
      const count = collectAtLeast(v, 0, n, t, s);
      const exact = Array.from(s.idx.subarray(0, count), (j) => v[j]);
      const got = uniqueTopk(s.idx, count, k, exact)?.positions;
      const want = torchTopkIndices(v, k);
      const sorted = [...v].sort((x, y) => y - x);
      const unique = sorted.slice(0, Math.min(k + 1, n)).every((x, i, arr) => i === 0 || arr[i - 1] > x);
      if (unique) expect(got).toEqual(want);
      else expect(got).toBeUndefined();
    }
  });
  it("kthLargest reports NaN and handles k = n", () => {
    const s = new TopkScratch();
    expect(kthLargest(Float32Array.of(3, 1, 2), 0, 3, 3, s)).toBe(1);
    expect(kthLargest(Float32Array.of(3, 1, 2), 0, 3, 1, s)).toBe(3);
    expect(kthLargest(Float32Array.of(3, Number.NaN, 2), 0, 3, 1, s)).toBeNaN();
  });
});
