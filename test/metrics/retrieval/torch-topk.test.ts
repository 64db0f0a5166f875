/** torch.topk emulation (libstdc++ nth_element / sort / partial_sort): ordering properties and tie order. */
import { describe, expect, it } from "vitest";
import { torchTopkIndices } from "../../../metrics/retrieval/torch-topk.js";
import { lcg } from "../../helpers/kernels.js";

function expectTopk(values: number[], k: number): number[] {
  const idx = torchTopkIndices(values, k);
  expect(idx.length).toBe(k);
  expect(new Set(idx).size).toBe(k);
  for (let i = 1; i < k; i++) expect(values[idx[i - 1]]).toBeGreaterThanOrEqual(values[idx[i]]);
  const want = [...values].sort((a, b) => b - a).slice(0, k);
  expect(idx.map((i) => values[i])).toEqual(want);
  return idx;
}

describe("torchTopkIndices", () => {
  it("returns the k largest values in descending order (nth_element + sort path, heavy ties)", () => {
    const rnd = lcg(7);
    for (const n of [1, 2, 3, 4, 5, 16, 17, 40, 60, 333, 1000]) {
      const values = Array.from({ length: n }, () => Math.floor(rnd() * 9) / 16);
      expectTopk(values, n);
      expectTopk(values, Math.max(1, Math.floor(n / 3)));
    }
  });

  it("uses partial_sort when k·64 ≤ n and still returns the top k", () => {
    const rnd = lcg(11);
    const values = Array.from({ length: 2000 }, () => Math.floor(rnd() * 50));
    expectTopk(values, 10);
    expectTopk(values, 31);
  });

  it("is deterministic and not simply index order among ties (reranking_ties query tq0 scores)", () => {
    // Candidate scores of tq0 in candidate order; the oracle's heap order is reproduced only with this order.
    const v = [-4, 2, 1, 5, 1, -4, -4, -5, 1, 1, 2, 0, 2, -3, 5, 0, -2].map((x) => x / 16);
    const idx = expectTopk(v, v.length);
    expect(idx).toEqual([14, 3, 1, 12, 10, 9, 8, 2, 4, 15, 11, 16, 13, 6, 0, 5, 7]);
    expect(torchTopkIndices(v, v.length)).toEqual(idx);
  });

  it("k = 0 gives nothing", () => {
    expect(torchTopkIndices([1, 2], 0)).toEqual([]);
  });
});
