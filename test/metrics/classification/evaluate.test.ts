/** evaluateClassification on small synthetic data: aggregation, ap handling, main_score, validation. */
import { describe, expect, it } from "vitest";
import { evaluateClassification } from "../../../metrics/classification/evaluate.js";
import { isEmbevalError } from "../../../metrics/errors.js";
import { fromRows } from "../../../metrics/matrix.js";
import { npMean } from "../../../metrics/numeric.js";

function blobs(nPer: number, k: number, shift: number): { rows: number[][]; y: number[] } {
  const rows: number[][] = [];
  const y: number[] = [];
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < nPer; i++) {
      rows.push([
        3 * Math.cos((2 * Math.PI * c) / k) + Math.sin(i * 1.7 + shift),
        3 * Math.sin((2 * Math.PI * c) / k) + Math.cos(i * 2.3 + shift),
      ]);
      y.push(c);
    }
  }
  return { rows, y };
}

describe("evaluateClassification", () => {
  it("multiclass: means over experiments, ap null per experiment and NaN overall, main_score", () => {
    const tr = blobs(12, 3, 0);
    const te = blobs(5, 3, 0.5);
    const res = evaluateClassification({
      trainEmbeddings: fromRows(tr.rows),
      trainLabels: tr.y,
      testEmbeddings: fromRows(te.rows),
      testLabels: te.y,
      nExperiments: 4,
      samplesPerLabel: 4,
      mainScore: "f1",
    });
    expect(res.selectedTrainIndices.length).toBe(4);
    for (const sel of res.selectedTrainIndices) expect(sel.length).toBe(12);
    expect(res.scores.scores_per_experiment.length).toBe(4);
    expect(res.scores.accuracy).toBe(npMean(res.scores.scores_per_experiment.map((s) => s.accuracy)));
    expect(res.scores.main_score).toBe(res.scores.f1);
    expect(res.scores.scores_per_experiment.every((s) => s.ap === null)).toBe(true);
    expect(Number.isNaN(res.scores.ap)).toBe(true);
    expect(res.scores.accuracy).toBeGreaterThan(0.9);
  });

  it("binary: ap per experiment and its mean", () => {
    const tr = blobs(10, 2, 0);
    const te = blobs(6, 2, 1);
    const res = evaluateClassification({
      trainEmbeddings: fromRows(tr.rows),
      trainLabels: tr.y,
      testEmbeddings: fromRows(te.rows),
      testLabels: te.y,
      nExperiments: 3,
    });
    const aps = res.scores.scores_per_experiment.map((s) => s.ap as number);
    expect(aps.every((v) => typeof v === "number")).toBe(true);
    expect(res.scores.ap).toBe(npMean(aps));
    expect(res.scores.ap_weighted).toBe(res.scores.ap);
    expect(res.scores.main_score).toBe(res.scores.accuracy);
  });

  it("validates shapes", () => {
    try {
      evaluateClassification({
        trainEmbeddings: fromRows([[1], [2]]),
        trainLabels: [0],
        testEmbeddings: fromRows([[1]]),
        testLabels: [0],
      });
      expect.unreachable();
    } catch (e) {
      expect(isEmbevalError(e, "E_SHAPE_MISMATCH")).toBe(true);
    }
  });
});
