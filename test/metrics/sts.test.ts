/** STS parity: oracle cases (float32 similarities, correlations with ties) and mteb's mock task. */
import { describe, expect, it } from "vitest";
import { fromRows } from "../../metrics/matrix.js";
import { normalizeGold, scoreSts, stsPairScores } from "../../metrics/sts.js";
import { listCases, loadCase } from "../helpers/oracle.js";
import { mockPairEmbeddings, randomEncoderEmbed, relDiff } from "./mock-encoder.js";
import { maxAbsDiff, npyMatrix } from "./pairwise-oracle.js";

const cases = listCases(["sts"]);

describe("scoreSts oracle cases", () => {
  it("finds the sts cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const name of cases) {
    it(name, () => {
      const c = loadCase(name);
      const e1 = npyMatrix(c, c.inputs.emb1);
      const e2 = npyMatrix(c, c.inputs.emb2);
      const gold = c.json<number[]>(c.inputs.gold);
      const p = c.params as { min_score: number; max_score: number };
      const scores = scoreSts(e1, e2, gold, {
        minScore: p.min_score,
        maxScore: p.max_score,
        similarityFn: (c.expected.similarity_fn as "cosine" | "dot" | undefined) ?? "cosine",
      });
      const expected = c.expected.mteb as Record<string, number>;
      expect(Object.keys(scores).sort()).toEqual(Object.keys(expected).sort());
      expect(maxAbsDiff({ ...scores }, expected)).toBeLessThan(1e-6);
      // Spearman on float32 scores with the same ties is exact.
      expect(scores.cosine_spearman).toBe(expected.cosine_spearman);
      if (Array.isArray(c.expected.cosine_scores)) {
        const s = stsPairScores(e1, e2, "cosine");
        const ref = c.expected.cosine_scores as number[];
        let worst = 0;
        ref.forEach((v, i) => {
          worst = Math.max(worst, Math.abs(s.cosine[i] - v));
        });
        expect(worst).toBeLessThan(1e-6);
      }
    });
  }
});

describe("scoreSts hand examples", () => {
  it("normalises gold like mteb and rejects an empty range", () => {
    expect(Array.from(normalizeGold([1, 3, 5], 1, 5))).toEqual([0, 0.5, 1]);
    expect(() => normalizeGold([1], 2, 2)).toThrow(/must exceed/);
  });

  it("mock STS pair references with the random baseline encoder (spec section 16)", () => {
    expect(Array.from(randomEncoderEmbed("hello").subarray(0, 4))).toEqual([
      0.7764699459075928, 0.5711065530776978, 0.3735821843147278, 0.559978187084198,
    ]);
    const { e1, e2 } = mockPairEmbeddings();
    const s = stsPairScores(e1, e2, "cosine");
    const ref = {
      cosine: [0.7375020980834961, 0.7731508016586304],
      similarity: [0.7375020384788513, 0.7731509208679199],
      manhattan: [-11.177837371826172, -10.721406936645508],
      euclidean: [-2.4108424186706543, -2.1905980110168457],
    };
    for (const [k, v] of Object.entries(ref)) {
      v.forEach((x, i) => {
        // float32 reductions differ by ~1 ulp across BLAS builds (spec section 16): 1e-6 relative.
        expect(relDiff(s[k as keyof typeof ref][i], x)).toBeLessThan(1e-6);
      });
    }
  });

  it("hand-computed paired scores", () => {
    const e1 = fromRows([
      [1, 0, 0],
      [1, 1, 0],
    ]);
    const e2 = fromRows([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    const s = stsPairScores(e1, e2, "cosine");
    expect(s.cosine[0]).toBe(1);
    expect(s.cosine[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(s.manhattan[0]).toBe(-0);
    expect(s.manhattan[1]).toBe(-1);
    expect(s.euclidean[1]).toBe(-1);
  });

  it("a perfectly ranked 3-pair set scores spearman 1 everywhere", () => {
    const e1 = fromRows([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
    const e2 = fromRows([
      [0, 1],
      [1, 1],
      [1, 0],
    ]);
    const r = scoreSts(e1, e2, [0, 2.5, 5], { minScore: 0, maxScore: 5, similarityFn: "cosine" });
    expect(r.cosine_spearman).toBe(1);
    expect(r.spearman).toBe(1);
    expect(r.euclidean_spearman).toBe(1);
    expect(r.main_score).toBe(r.cosine_spearman);
  });

  it("rejects mismatched gold", () => {
    const e = fromRows([
      [1, 0],
      [0, 1],
    ]);
    expect(() => scoreSts(e, e, [1], { minScore: 0, maxScore: 5, similarityFn: "cosine" })).toThrow(/gold/);
  });
});
