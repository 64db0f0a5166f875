/** Classification metrics: spec 9.5 reference vector and hand-computed zero-division / weighting cases. */
import { describe, expect, it } from "vitest";
import {
  accuracyScore,
  classificationScores,
  precisionRecallF1,
} from "../../../metrics/classification/scores.js";

describe("classificationScores", () => {
  it("reproduces the spec 9.5 reference vector (binary, ap from hard labels)", () => {
    const s = classificationScores([0, 0, 1, 1, 1, 0, 1], [0, 1, 1, 0, 1, 0, 1]);
    expect(s.ap).toBe(0.7053571428571428);
    expect(s.ap_weighted).toBe(0.7053571428571428);
    expect(s.accuracy).toBe(0.7142857142857143);
    expect(s.f1).toBe(0.7083333333333333);
  });

  it("matches the closed form AP = (TP/P)(TP/PP) + (1 − TP/P)(P/n)", () => {
    const yTrue = [1, 1, 1, 0, 0, 0, 0, 1, 0, 0];
    const yPred = [1, 0, 0, 1, 0, 0, 0, 1, 1, 0];
    // P = 4, PP = 4, TP = 2, n = 10
    expect(classificationScores(yTrue, yPred).ap).toBeCloseTo((2 / 4) * (2 / 4) + (1 - 2 / 4) * (4 / 10), 15);
  });

  it("gives null ap for multiclass and for a single-class y_true", () => {
    expect(classificationScores([0, 1, 2], [0, 1, 1]).ap).toBeNull();
    expect(classificationScores([1, 1, 1], [1, 0, 1]).ap_weighted).toBeNull();
  });

  it("macro-averages over y_true ∪ y_pred with zero_division 0 (predicted-but-absent class)", () => {
    // labels {0,1}; class 0 never true: P0 = 0/1, R0 = 0 (0/0 → 0), F0 = 0; class 1: P = 3/3, R = 3/4, F = 6/7
    const m = precisionRecallF1([1, 1, 1, 1], [1, 0, 1, 1], "macro");
    expect(m.precision).toBe(0.5);
    expect(m.recall).toBe(0.375);
    expect(m.f1).toBeCloseTo(3 / 7, 15);
    const w = precisionRecallF1([1, 1, 1, 1], [1, 0, 1, 1], "weighted");
    expect(w.precision).toBe(1);
    expect(w.recall).toBe(0.75);
    expect(w.f1).toBeCloseTo(6 / 7, 15);
  });

  it("weights by true support in the weighted average", () => {
    // class 0: support 3, TP 2, pred 2 → P 1, R 2/3, F 0.8; class 1: support 1, TP 1, pred 2 → P 0.5, R 1, F 2/3
    const w = precisionRecallF1([0, 0, 0, 1], [0, 0, 1, 1], "weighted");
    expect(w.precision).toBeCloseTo((3 * 1 + 1 * 0.5) / 4, 15);
    expect(w.recall).toBeCloseTo(0.75, 15);
    expect(w.f1).toBeCloseTo((3 * 0.8 + 2 / 3) / 4, 15);
  });

  it("rejects mismatched and empty inputs", () => {
    expect(() => accuracyScore([1, 2], [1])).toThrow(/y_pred/);
    expect(() => accuracyScore([], [])).toThrow(/empty/);
  });
});
