/** topkFromCandidates: per-row candidates of a perturbed Gemm still give the exact kernel's top-k (or defer the row). */
import { describe, expect, it } from "vitest";
import { blockTopk, nanError, rowNorms, tiedRowsTopk } from "../../../metrics/kernels/block-topk.js";
import { allFinite, candidateCount, topkFromCandidates } from "../../../metrics/kernels/candidate-topk.js";
import { matmulTExact } from "../../../metrics/kernels/exact-f64.js";
import { jsGemmTopk, onnxGemmTopk } from "../../../metrics/kernels/onnx-topk.js";
import { adversarialGemm, lcg, nearDuplicates } from "../../helpers/kernels.js";

describe("topkFromCandidates", () => {
  it("keeps k plus a margin, never more than the rows", () => {
    expect(candidateCount(101, 50_000)).toBe(101 + 16 + 13);
    expect(candidateCount(1001, 50_000)).toBe(1001 + 16 + 126);
    expect(candidateCount(101, 120)).toBe(120);
  });

  it("flags non-finite operands (the candidate path needs NaN-free scores)", () => {
    expect(allFinite(Float32Array.of(1, -2, 0))).toBe(true);
    expect(allFinite(Float32Array.of(1, Number.NaN))).toBe(false);
    expect(allFinite(Float32Array.of(Number.POSITIVE_INFINITY))).toBe(false);
  });

  it("equals the exact path under a perturbed Gemm; crowded rows are deferred, not guessed", async () => {
    const rnd = lcg(23);
    const onNaN = nanError(Array.from({ length: 20 }, (_, i) => `q${i}`));
    let decided = 0;
    let deferred = 0;
    for (const [n, d, k, spread] of [
      [2000, 8, 101, 1e-1],
      [2000, 8, 101, 1e-4],
      [500, 64, 11, 1e-4],
      [300, 3, 300, 1e-2],
    ]) {
      const q = nearDuplicates(rnd, 20, d, 1);
      const c = nearDuplicates(rnd, n, d, spread);
      const chunk = { ...c, maxNorm: rowNorms(c).reduce((x, y) => Math.max(x, y), 0) };
      const qNorms = rowNorms(q);
      const want = await blockTopk(q, 2, 15, chunk, k, undefined, new Float64Array(0), onNaN);
      const kk = candidateCount(k, n);
      const cand = await jsGemmTopk(adversarialGemm(rnd)).run(q.data.subarray(2 * d), 15, c.data, n, d, kk);
      const got = topkFromCandidates(cand, kk, q, 2, 15, chunk, k, qNorms);
      const rest = got.flatMap((t, r) => (t ? [] : [2 + r]));
      decided += 15 - rest.length;
      deferred += rest.length;
      const fixed = await tiedRowsTopk(q, rest, chunk, k, qNorms, onNaN);
      rest.forEach((qi, t) => {
        got[qi - 2] = fixed[t];
      });
      expect(got.map((t) => t?.positions.length).join(), `n=${n} k=${k}`).toBe(
        want.map((t) => t?.positions.length).join(),
      );
      expect(got).toEqual(want);
    }
    expect(decided, "rows decided from candidates").toBeGreaterThan(10);
    expect(deferred, "crowded rows sent to the exact path").toBeGreaterThan(0);
  });

  it("with a full heap returns only the items that can enter it, in order", async () => {
    const rnd = lcg(5);
    const q = nearDuplicates(rnd, 4, 16, 1);
    const c = nearDuplicates(rnd, 300, 16, 1);
    const chunk = { ...c, maxNorm: rowNorms(c).reduce((x, y) => Math.max(x, y), 0) };
    const exact = new Float32Array(4 * 300);
    matmulTExact(q.data, 4, c.data, 300, 16, exact);
    // heap minimum = each row's 5th best exact score: exactly the 5 best can enter
    const heapMins = Float64Array.from(
      { length: 4 },
      (_, r) => [...exact.subarray(r * 300, (r + 1) * 300)].sort((x, y) => y - x)[4],
    );
    const kk = candidateCount(20, 300);
    const cand = await jsGemmTopk(adversarialGemm(rnd)).run(q.data, 4, c.data, 300, 16, kk);
    const got = topkFromCandidates(cand, kk, q, 0, 4, chunk, 20, rowNorms(q), heapMins);
    for (let r = 0; r < 4; r++) {
      const row = exact.subarray(r * 300, (r + 1) * 300);
      const best = [...row.keys()].sort((x, y) => row[y] - row[x]).slice(0, 5);
      expect(got[r]).toEqual({ positions: best, scores: best.map((j) => row[j]) });
    }
  });

  it("onnxruntime's Gemm + TopK graph returns each row's largest scores in descending order", async () => {
    const kernel = await onnxGemmTopk();
    expect(kernel).toBeDefined();
    const rnd = lcg(9);
    const a = Float32Array.from({ length: 3 * 32 }, () => rnd() - 0.5);
    const b = Float32Array.from({ length: 200 * 32 }, () => rnd() - 0.5);
    const got = await kernel?.run(a, 3, b, 200, 32, 7);
    const exact = new Float32Array(3 * 200);
    matmulTExact(a, 3, b, 200, 32, exact);
    for (let r = 0; r < 3; r++) {
      const row = exact.subarray(r * 200, (r + 1) * 200);
      const want = [...row.keys()].sort((x, y) => row[y] - row[x]).slice(0, 7);
      expect([...(got?.indices.subarray(r * 7, r * 7 + 7) ?? [])]).toEqual(want);
      for (let c = 0; c < 7; c++)
        expect(Math.abs((got?.values[r * 7 + c] ?? 0) - row[want[c]])).toBeLessThan(1e-5);
    }
  });
});
