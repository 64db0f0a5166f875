/** Bitext mining parity: oracle cases (nearest neighbour, weighted P/R/F1, gold pairs, exact ties) and spec examples. */
import { describe, expect, it } from "vitest";
import { nearestNeighbours, scoreBitext, weightedPrf } from "../../metrics/bitext.js";
import { fromRows } from "../../metrics/matrix.js";
import { listCases, loadCase } from "../helpers/oracle.js";
import { npyMatrix } from "./pairwise-oracle.js";

const cases = listCases(["bitext-mining"]);

describe("scoreBitext oracle cases", () => {
  it("finds the bitext-mining cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const name of cases) {
    it(name, () => {
      const c = loadCase(name);
      const gold = c.inputs.gold ? c.json<[number, number][]>(c.inputs.gold) : undefined;
      const { scores, predictions } = scoreBitext(npyMatrix(c, c.inputs.emb1), npyMatrix(c, c.inputs.emb2), {
        similarityFn: (c.params.similarity_fn as "cosine" | "dot" | undefined) ?? "cosine",
        gold,
      });
      const ties = (c.expected.exact_top1_ties ?? {}) as Record<string, number[]>;
      const expectedPreds = c.expected.predictions as number[];
      expect(predictions.length).toBe(expectedPreds.length);
      expectedPreds.forEach((p, i) => {
        // Rows with exact ties: we take the lowest index (torch's choice is implementation-defined).
        const tied = ties[String(i)];
        expect(predictions[i]).toBe(tied ? Math.min(...tied) : p);
      });
      const hasTies = Object.keys(ties).length > 0;
      const expected = (hasTies ? c.expected.mteb_first_index_tiebreak : c.expected.mteb) as Record<
        string,
        number
      >;
      expect({ ...scores }).toEqual(expected);
    });
  }
});

describe("bitext hand examples", () => {
  it("spec section 12: preds [0,1,1,3,0]", () => {
    const m = weightedPrf([0, 1, 2, 3, 4], [0, 1, 1, 3, 0]);
    expect(m.precision).toBe(0.4);
    expect(m.recall).toBe(0.6);
    expect(m.f1).toBe(0.4666666666666666);
    expect(m.accuracy).toBe(0.6);
  });

  it("takes the lowest index among exact ties and honours gold[i][1]", () => {
    const q = fromRows([
      [1, 0],
      [0, 1],
    ]);
    const corpus = fromRows([
      [0, 1],
      [1, 0],
      [2, 0],
    ]);
    expect(Array.from(nearestNeighbours(q, corpus, "cosine"))).toEqual([1, 0]);
    const r = scoreBitext(q, corpus, {
      similarityFn: "cosine",
      gold: [
        [7, 1],
        [9, 0],
      ],
    });
    expect(r.scores.accuracy).toBe(1);
    expect(r.scores.main_score).toBe(r.scores.f1);
    // dot similarity prefers the longer vector
    expect(Array.from(nearestNeighbours(q, corpus, "dot"))).toEqual([2, 0]);
  });

  it("rejects short gold lists", () => {
    const q = fromRows([[1, 0]]);
    expect(() => scoreBitext(q, q, { similarityFn: "cosine", gold: [] })).toThrow(/gold/);
  });
});
