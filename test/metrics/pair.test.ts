/** Pair classification parity: oracle cases (best-threshold sweep quirks, AP, max over functions) and the spec example. */
import { describe, expect, it } from "vitest";
import { fromRows } from "../../metrics/matrix.js";
import {
  bestAccuracy,
  bestF1,
  pairMetrics,
  pairScoreLists,
  pairScoresFromLists,
  scorePairClassification,
} from "../../metrics/pair.js";
import { listCases, loadCase } from "../helpers/oracle.js";
import { mockPairEmbeddings, relDiff } from "./mock-encoder.js";
import { maxAbsDiff, npyMatrix } from "./pairwise-oracle.js";

const cases = listCases(["pair-classification"]);

describe("scorePairClassification oracle cases", () => {
  it("finds the pair-classification cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const name of cases) {
    it(name, () => {
      const c = loadCase(name);
      const labels = c.json<number[]>(c.inputs.labels);
      const scores = scorePairClassification(
        npyMatrix(c, c.inputs.emb1),
        npyMatrix(c, c.inputs.emb2),
        labels,
        {
          similarityFn: (c.params.similarity_fn as "cosine" | "dot" | undefined) ?? "cosine",
        },
      );
      const expected = c.expected.mteb as Record<string, number>;
      expect(Object.keys(scores)).toEqual(Object.keys(expected));
      expect(maxAbsDiff(scores, expected)).toBeLessThan(1e-9);
    });
  }
});

describe("pair sweeps (spec section 8 reference)", () => {
  const scores = [0.9, 0.8, 0.8, 0.7, 0.3, 0.2];
  const labels = [1, 0, 1, 1, 0, 0];

  it("accuracy, F1 and AP", () => {
    const m = pairMetrics(scores, labels, true);
    expect(m.accuracy).toBe(0.8333333333333334);
    expect(m.accuracyThreshold).toBeCloseTo(0.5, 15);
    expect(m.f1).toBe(0.8571428571428571);
    expect(m.precision).toBe(0.75);
    expect(m.recall).toBe(1);
    expect(m.f1Threshold).toBeCloseTo(0.5, 15);
    expect(m.ap).toBe(0.8055555555555556);
  });

  it("distances sort ascending and AP negates them", () => {
    const dist = scores.map((s) => 1 - s);
    const m = pairMetrics(dist, labels, false);
    expect(m.accuracy).toBe(0.8333333333333334);
    expect(m.f1).toBe(0.8571428571428571);
    expect(m.ap).toBe(0.8055555555555556);
  });

  it("cuts inside a tie block follow dataset order", () => {
    expect(bestAccuracy([0.5, 0.5], [1, 0], true)).toEqual({ accuracy: 1, threshold: 0.5 });
    expect(bestAccuracy([0.5, 0.5], [0, 1], true)).toEqual({ accuracy: 0, threshold: -1 });
    expect(bestF1([0.5, 0.5], [1, 0], true).f1).toBe(1);
    expect(bestF1([0.5, 0.5], [0, 1], true).f1).toBe(0);
  });

  it("never evaluates the all-positive cut", () => {
    const m = pairMetrics([0.4, 0.3, 0.2, 0.1], [1, 1, 1, 1], true);
    expect(m.accuracy).toBe(0.75);
    expect(m.recall).toBe(0.75);
    expect(m.precision).toBe(1);
    expect(m.f1).toBe((2 * 0.75) / 1.75);
    expect(m.ap).toBe(1);
  });

  it("max_* keys take each metric's max independently", () => {
    const lists = {
      similarity: [0.9, 0.1, 0.8, 0.2],
      cosine: [0.1, 0.9, 0.2, 0.8],
      manhattan: [1, 2, 3, 4],
      euclidean: [4, 3, 2, 1],
      dot: [0.5, 0.5, 0.5, 0.5],
    };
    const out = pairScoresFromLists(lists, [1, 0, 1, 0]);
    expect(out.similarity_ap).toBe(1);
    expect(out.max_ap).toBe(1);
    expect(out.max_accuracy).toBe(
      Math.max(...["similarity", "cosine", "manhattan", "euclidean", "dot"].map((n) => out[`${n}_accuracy`])),
    );
    expect(Object.keys(out).slice(-5)).toEqual([
      "max_accuracy",
      "max_f1",
      "max_precision",
      "max_recall",
      "max_ap",
    ]);
  });

  it("mock pair-classification score lists (spec section 16)", () => {
    const { e1, e2 } = mockPairEmbeddings();
    const lists = pairScoreLists(e1, e2, "cosine");
    const ref = {
      cosine: [0.7375020980834961, 0.7731508016586304],
      similarity: [0.7375020384788513, 0.7731509208679199],
      manhattan: [11.177837371826172, 10.721406936645508],
      euclidean: [2.4108424186706543, 2.1905980110168457],
      dot: [7.974165916442871, 8.176445960998535],
    };
    for (const [k, v] of Object.entries(ref)) {
      v.forEach((x, i) => {
        expect(relDiff(lists[k as keyof typeof ref][i], x)).toBeLessThan(1e-6);
      });
    }
  });

  it("rejects non-binary labels and a wrong main score", () => {
    expect(() => pairMetrics([1, 2], [0, 2], true)).toThrow(/label/);
    const e = fromRows([
      [1, 0],
      [0, 1],
    ]);
    expect(() =>
      scorePairClassification(e, e, [0, 1], { similarityFn: "cosine", mainScore: "nope" }),
    ).toThrow(/main score/);
    // identical pairs tie every score: AP groups the tie into one step, 1 positive of 2 → 0.5
    expect(scorePairClassification(e, e, [0, 1], { similarityFn: "cosine" }).main_score).toBe(0.5);
  });
});
