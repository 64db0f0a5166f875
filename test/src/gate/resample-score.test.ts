/** The O(n) resample scorers (src/gate/resample-score.ts) equal metrics/correlation.ts on the gathered resample, bit for bit. */
import { describe, expect, it } from "vitest";
import { pearson, spearman } from "../../../metrics/correlation.js";
import { RandomState } from "../../../metrics/rng/index.js";
import { resampleScorer, usesCounts } from "../../../src/gate/resample-score.js";
import type { ItemRecord } from "../../../src/results/items.js";

function draw(rs: RandomState, n: number): { idx: Int32Array; counts: Int32Array } {
  const idx = rs.randintArray(0, n, n);
  const counts = new Int32Array(n);
  for (const i of idx) counts[i]++;
  return { idx, counts };
}

function corrRecord(n: number, seed: number, statistic?: "pearson"): ItemRecord & { kind: "correlation" } {
  const rs = new RandomState(seed);
  // Coarse gold (many ties) and predictions with some ties too.
  const values = Array.from({ length: n }, () => {
    const g = Math.floor(rs.randomSample() * 6) / 2;
    return [g, Math.round((g / 3 + rs.randomSample()) * 20) / 20] as [number, number];
  });
  return {
    split: "test",
    subset: "default",
    metric: "cosine_spearman",
    kind: "correlation",
    ...(statistic ? { statistic } : {}),
    ids: values.map((_, i) => String(i)),
    values,
  };
}

describe("resampleScorer", () => {
  it("Spearman from counts is bit-identical to spearman() of the gathered pairs (ties, repeats)", () => {
    for (const n of [2, 3, 17, 250]) {
      const r = corrRecord(n, n);
      const score = resampleScorer(r);
      expect(usesCounts(r)).toBe(true);
      const rs = new RandomState(99);
      for (let b = 0; b < 40; b++) {
        const { idx, counts } = draw(rs, n);
        const want = spearman(
          Array.from(idx, (i) => r.values[i][0]),
          Array.from(idx, (i) => r.values[i][1]),
        );
        const got = score(idx, counts);
        if (Number.isNaN(want)) expect(got).toBeNaN();
        else expect(got).toBe(want);
      }
    }
  });

  it("Pearson and mean scorers equal the direct computation", () => {
    const r = corrRecord(60, 4, "pearson");
    expect(usesCounts(r)).toBe(false);
    const rs = new RandomState(5);
    const { idx, counts } = draw(rs, 60);
    const want = pearson(
      Array.from(idx, (i) => r.values[i][0]),
      Array.from(idx, (i) => r.values[i][1]),
    );
    expect(resampleScorer(r)(idx, counts)).toBe(want);
    const m: ItemRecord = {
      split: "t",
      subset: "d",
      metric: "m",
      kind: "mean",
      ids: ["a", "b", "c"],
      values: [0.25, 0.5, 1],
    };
    expect(resampleScorer(m)(Int32Array.from([2, 2, 0]), new Int32Array(3))).toBe(0.75);
  });

  it("a constant resample has no Spearman correlation (NaN, as scipy)", () => {
    const r = corrRecord(10, 1);
    const idx = new Int32Array(10).fill(3);
    const counts = new Int32Array(10);
    counts[3] = 10;
    expect(resampleScorer(r)(idx, counts)).toBeNaN();
  });
});
