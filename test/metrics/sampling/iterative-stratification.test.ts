/** mteb's multilabel stratified subsampling (iterative stratification) vs the oracle case and Python vectors. */
import { describe, expect, it } from "vitest";
import type { Label } from "../../../metrics/multilabel/binarizer.js";
import {
  iterativeStratificationFolds,
  multilabelSubsample,
} from "../../../metrics/sampling/iterative-stratification.js";
import { listCases, loadCase } from "../../helpers/oracle.js";

const cases = listCases(["multilabel-subsampling"]);

describe("multilabel stratified subsampling oracle cases", () => {
  it("finds cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, () => {
      const c = loadCase(name);
      const p = c.params as { n_samples: number; seed: number };
      const e = c.expected as {
        kept_indices: number[];
        fold0_assignment_order: number[];
        test_size?: number;
      };
      const r = multilabelSubsample(c.json<Label[][]>(c.inputs.labels), p.n_samples, p.seed);
      expect(r.keptIndices).toEqual(e.kept_indices);
      expect(r.fold0AssignmentOrder).toEqual(e.fold0_assignment_order);
      if (e.test_size !== undefined) expect(r.testSize).toBe(e.test_size);
    });
  }
});

describe("IterativeStratification (hand-checked with a Python port of mteb's _stratification.py + numpy RandomState)", () => {
  const small: number[][] = [[0, 1], [1], [0], [], [2], [0, 2], [1, 2], [0], [], [1]];

  it("small case, seed 42, n_samples 4", () => {
    const r = multilabelSubsample(small, 4, 42);
    expect(r.fold0AssignmentOrder).toEqual([7, 2, 9, 1, 4]);
    expect(r.keptIndices).toEqual([1, 2, 4, 7, 9]);
  });

  it("small case, seed 0, n_samples 5", () => {
    expect(multilabelSubsample(small, 5, 0).fold0AssignmentOrder).toEqual([0, 7, 1, 4, 3]);
  });

  it("every row lands in exactly one fold", () => {
    const folds = iterativeStratificationFolds(
      small.map((r) => [...r]),
      { nSplits: 3, order: 1, seed: 1 },
    );
    expect(folds.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("rejects fewer samples than splits", () => {
    expect(() => multilabelSubsample([[1]], 1, 42)).toThrow(/n_splits=2/);
  });
});
