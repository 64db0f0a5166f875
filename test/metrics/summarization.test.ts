/** Summarization parity: v2 and legacy evaluators on the oracle cases, skip rules, (r + p)/2 quirk. */
import { describe, expect, it } from "vitest";
import { fromRows } from "../../metrics/matrix.js";
import { npMean } from "../../metrics/numeric.js";
import { type SummarizationEvaluator, scoreSummarization } from "../../metrics/summarization.js";
import { listCases, loadCase } from "../helpers/oracle.js";
import { maxAbsDiff, npyMatrix } from "./pairwise-oracle.js";

const cases = listCases(["summarization"]);

describe("scoreSummarization oracle cases", () => {
  it("finds the summarization cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const name of cases) {
    for (const evaluator of ["v2", "legacy"] as const) {
      it(`${name} (${evaluator})`, () => {
        const c = loadCase(name);
        const p = c.params as { min_score: number; max_score: number; evaluator: SummarizationEvaluator };
        const r = scoreSummarization(
          npyMatrix(c, c.inputs.human_emb),
          c.json<number[]>(c.inputs.human_counts),
          npyMatrix(c, c.inputs.machine_emb),
          c.json<number[][]>(c.inputs.relevance),
          { minScore: p.min_score, maxScore: p.max_score, similarityFn: "cosine", evaluator },
        );
        const expected = (
          evaluator === p.evaluator ? c.expected.mteb : c.expected[`${evaluator}_evaluator`]
        ) as Record<string, number>;
        expect(Object.keys(r.scores).sort()).toEqual(Object.keys(expected).sort());
        expect(maxAbsDiff({ ...r.scores }, expected)).toBeLessThan(1e-6);
        expect(r.kept).toEqual(c.expected.kept_samples);
        expect(r.skipped).toEqual(c.expected.skipped_samples);
      });
    }
  }
});

describe("summarization hand examples", () => {
  // Text 0: 2 human summaries, 3 machine summaries; text 1: constant gold (skipped).
  const human = fromRows([
    [1, 0],
    [0, 1],
    [1, 1],
  ]);
  const machine = fromRows([
    [1, 0.1],
    [1, 1],
    [0.2, 1.5],
    [1, 0],
    [0, 1],
  ]);
  const relevance = [
    [5, 1, 3],
    [2, 2],
  ];

  it("skips constant gold, keeps max-over-human predictions and averages r (v2)", () => {
    const r = scoreSummarization(human, [2, 1], machine, relevance, {
      minScore: 0,
      maxScore: 5,
      similarityFn: "cosine",
      evaluator: "v2",
    });
    expect(r.kept).toEqual([0]);
    // text 1: [1,0] and [0,1] against [1,1] tie in cosine and dot too
    expect(r.skipped).toEqual([{ sample: 1, constant: ["human", "dot", "cosine"] }]);
    // cosine maxima ≈0.995, ≈0.707, ≈0.991 → ranks 3,1,2 as the gold; dot maxima 1, 1, 1.5 are not constant
    expect(r.scores.cosine_spearman).toBe(1);
    expect(r.predictions.gold[0]).toEqual([1, 0.2, 0.6]);
  });

  it("legacy reports the np.mean of [(r, p), ...] (spec section 13 reference)", () => {
    // spearmanr([1,2,3,4,5],[2,1,4,3,5]) = (0.7999999999999999, 0.10408803866182788); np.mean([res, res]).
    expect(npMean([0.7999999999999999, 0.10408803866182788, 0.7999999999999999, 0.10408803866182788])).toBe(
      0.4520440193309139,
    );
    const h = fromRows([[1, 0]]);
    // row k = a·[1, b]: cosine to [1, 0] falls with b (ranks 2,1,4,3,5), dot = a varies
    const m = fromRows([
      [1, 0.5],
      [2, 1.2],
      [3, 0.9],
      [4, 1.6],
      [5, 0.5],
    ]);
    const rel = [[1, 2, 3, 4, 5]];
    const opts = { minScore: 0, maxScore: 5, similarityFn: "cosine" as const };
    const legacy = scoreSummarization(h, [1], m, rel, { ...opts, evaluator: "legacy" });
    const v2 = scoreSummarization(h, [1], m, rel, { ...opts, evaluator: "v2" });
    expect(v2.scores.cosine_spearman).toBe(0.7999999999999999);
    expect(legacy.scores.cosine_spearman).toBeCloseTo((0.7999999999999999 + 0.10408803866182788) / 2, 15);
  });

  it("throws when every sample is skipped or counts mismatch", () => {
    const opts = { minScore: 0, maxScore: 5, similarityFn: "cosine" as const, evaluator: "v2" as const };
    expect(() =>
      scoreSummarization(
        human,
        [2, 1],
        machine,
        [
          [1, 1, 1],
          [2, 2],
        ],
        opts,
      ),
    ).toThrow(/skipped/);
    expect(() => scoreSummarization(human, [3, 1], machine, relevance, opts)).toThrow(/counts/);
  });
});
