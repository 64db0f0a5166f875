/** scipy pearsonr / spearmanr parity: the fn_correlation oracle case, average ranks for ties, constant input. */
import { describe, expect, it } from "vitest";
import { blasDdot, pearson, rankdata, spearman } from "../../metrics/correlation.js";
import { pearsonPValue, spearmanPValue } from "../../metrics/pvalues.js";
import { listCases, loadCase } from "../helpers/oracle.js";

const cases = listCases(["correlation"]);

describe("correlation oracle cases", () => {
  it("finds the correlation cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const name of cases) {
    it(name, () => {
      const c = loadCase(name);
      const x = c.json<number[]>(c.inputs.x);
      const y = c.json<number[]>(c.inputs.y);
      expect(Math.abs(spearman(x, y) - (c.expected.spearman as number))).toBeLessThan(1e-12);
      expect(Math.abs(pearson(x, y) - (c.expected.pearson as number))).toBeLessThan(1e-12);
      // Spearman is exact: rank cross-products are exact multiples of 1/4.
      expect(spearman(x, y)).toBe(c.expected.spearman);
    });
  }
});

describe("bit-exact scipy correlations on the oracle's own float32 predictions", () => {
  for (const name of listCases(["sts"])) {
    it(`${name}: cosine_pearson / cosine_spearman from expected cosine_scores`, () => {
      const c = loadCase(name);
      const p = c.params as { min_score: number; max_score: number };
      const gold = c
        .json<number[]>(c.inputs.gold)
        .map((g) => (g - p.min_score) / (p.max_score - p.min_score));
      const scores = c.expected.cosine_scores as number[];
      const m = c.expected.mteb as Record<string, number>;
      expect(pearson(gold, scores)).toBe(m.cosine_pearson);
      expect(spearman(gold, scores)).toBe(m.cosine_spearman);
    });
  }
  for (const name of listCases(["summarization"])) {
    it(`${name}: per-sample r and p from expected predictions`, () => {
      const c = loadCase(name);
      const preds = c.expected.predictions as Record<string, number[][]>;
      const perSample = c.expected.per_sample as Record<string, number>[];
      expect(perSample.length).toBe(preds.human_scores.length);
      perSample.forEach((ref, k) => {
        const gold = preds.human_scores[k];
        for (const [prefix, list] of [
          ["cosine_", preds.cosine_scores[k]],
          ["dot_", preds.dot_scores[k]],
          ["", preds.similarity_scores[k]],
        ] as const) {
          const r = pearson(gold, list);
          const rs = spearman(gold, list);
          expect(r).toBe(ref[`${prefix}pearson`]);
          expect(rs).toBe(ref[`${prefix}spearman`]);
          const tol = 1e-14;
          expect(Math.abs(pearsonPValue(r, gold.length) - ref[`${prefix}pearson_pvalue`])).toBeLessThan(tol);
          expect(Math.abs(spearmanPValue(rs, gold.length) - ref[`${prefix}spearman_pvalue`])).toBeLessThan(
            tol,
          );
        }
      });
    });
  }
});

describe("blasDdot", () => {
  it("sums short vectors left to right and long ones in 16 lanes", () => {
    expect(blasDdot([1, 2, 3], [4, 5, 6])).toBe(32);
    const a = Array.from({ length: 37 }, (_, i) => 0.1 * (i + 1));
    const b = Array.from({ length: 37 }, (_, i) => 1 / (i + 1));
    expect(blasDdot(a, b)).toBeCloseTo(3.7, 13);
    // 1e16 and −1e16 share lane 0 while the 1 sits in lane 1: 1, where a left-to-right sum gives 0
    const x = [1e16, 1, ...Array(14).fill(0), -1e16, ...Array(15).fill(0)];
    const ones = Array(x.length).fill(1);
    expect(blasDdot(x, ones)).toBe(1);
    expect(x.reduce((s, v) => s + v, 0)).toBe(0);
  });
});

describe("rankdata", () => {
  it("averages tied ranks", () => {
    expect(Array.from(rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]))).toEqual([
      4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8,
    ]);
  });
  it("propagates NaN", () => {
    expect(Array.from(rankdata([1, Number.NaN, 2])).every(Number.isNaN)).toBe(true);
  });
});

describe("spearman", () => {
  it("spec section 7 tie reference", () => {
    expect(spearman([1, 1, 2, 3], [1, 2, 3, 3])).toBe(0.888888888888889);
  });
  it("spec section 13 reference", () => {
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBe(0.7999999999999999);
  });
  it("numpy corrcoef on average ranks (computed with numpy 2.4.6)", () => {
    expect(spearman([0.1, 0.2, 0.35, 0.4, 0.8, 0.55, 0.61], [3, 1, 2, 5, 4, 7, 6])).toBe(0.642857142857143);
  });
  it("NaN for constant input, NaN values or fewer than 2 values", () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearman([1, Number.NaN, 3], [1, 2, 3])).toBeNaN();
    expect(spearman([1], [2])).toBeNaN();
  });
  it("rejects different lengths", () => {
    expect(() => spearman([1, 2], [1, 2, 3])).toThrow(/has 2 values but y has 3/);
  });
});

describe("pearson", () => {
  it("matches numpy re-implementations of scipy.pearsonr", () => {
    expect(pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBe(0.8);
    expect(pearson([0.1, 0.2, 0.35, 0.4, 0.8, 0.55, 0.61], [3, 1, 2, 5, 4, 7, 6])).toBeCloseTo(
      0.5949744314002782,
      15,
    );
    // large offset: centring first keeps full precision
    expect(pearson([1e10 + 1, 1e10 + 2, 1e10 + 4], [3, 1, 2])).toBeCloseTo(-0.32732683535394597, 14);
  });
  it("is invariant to affine maps of x (mteb's gold normalisation)", () => {
    const x = [0, 1.5, 2, 3.5, 5];
    const y = [0.2, 0.1, 0.5, 0.4, 0.9];
    const xn = x.map((v) => (v - 0) / (5 - 0));
    expect(pearson(xn, y)).toBeCloseTo(pearson(x, y), 15);
  });
  it("NaN for constant input, exactly ±1 for n = 2, throws for n < 2", () => {
    expect(pearson([2, 2, 2], [1, 2, 3])).toBeNaN();
    expect(pearson([1, 2], [5, 3])).toBe(-1);
    expect(pearson([1, 2], [3, 5])).toBe(1);
    expect(() => pearson([1], [1])).toThrow(/at least 2/);
  });
  it("stays within [-1, 1]", () => {
    const x = Array.from({ length: 50 }, (_, i) => i * 0.1);
    expect(pearson(x, x)).toBeLessThanOrEqual(1);
    expect(pearson(x, x)).toBeGreaterThan(1 - 1e-15);
  });
});
