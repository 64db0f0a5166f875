/** Multilabel scores: subset accuracy, macro F1, LRAP on hard predictions, the per-sample Jaccard "hamming". */
import { describe, expect, it } from "vitest";
import type { LabelMatrix } from "../../../metrics/multilabel/binarizer.js";
import {
  hammingScore,
  lrap,
  macroF1,
  perLabelF1,
  subsetAccuracy,
} from "../../../metrics/multilabel/scores.js";

function lm(rows: number[][]): LabelMatrix {
  const cols = rows[0]?.length ?? 0;
  return { rows: rows.length, cols, data: Uint8Array.from(rows.flat()) };
}

describe("multilabel scores", () => {
  // Spec §10 verified example.
  const Y = lm([
    [1, 0, 0, 1],
    [0, 1, 0, 0],
    [1, 1, 1, 1],
    [0, 0, 0, 0],
  ]);
  const P = lm([
    [1, 0, 1, 0],
    [0, 1, 0, 0],
    [1, 0, 0, 0],
    [0, 1, 0, 0],
  ]);

  it("reproduces the spec's LRAP 0.875 and macro-F1 0.375", () => {
    expect(lrap(Y, P)).toBe(0.875);
    expect(macroF1(Y, P)).toBe(0.375);
    expect(Array.from(perLabelF1(Y, P))).toEqual([1, 0.5, 0, 0]);
  });

  it("subset accuracy counts exact row matches only", () => {
    expect(subsetAccuracy(Y, P)).toBe(0.25);
    expect(subsetAccuracy(Y, Y)).toBe(1);
  });

  it("LRAP with real-valued scores (sklearn doc example) and ties", () => {
    const yt = lm([
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(lrap(yt, { rows: 2, cols: 3, data: [0.75, 0.5, 1, 1, 0.2, 0.1] })).toBeCloseTo(5 / 12, 15);
    // all scores tied: each relevant label gets rank 3, 1 relevant at or above -> 1/3.
    expect(lrap(lm([[0, 1, 0]]), { rows: 1, cols: 3, data: [0, 0, 0] })).toBeCloseTo(1 / 3, 15);
  });

  it("macro F1 is 0 for a column that is never true nor predicted", () => {
    expect(
      macroF1(
        lm([
          [1, 0],
          [1, 0],
        ]),
        lm([
          [1, 0],
          [0, 0],
        ]),
      ),
    ).toBeCloseTo((2 / 3 + 0) / 2, 15);
  });

  describe("hamming (per-sample Jaccard), mteb's reference tests", () => {
    it("perfect / no match / partial", () => {
      expect(
        hammingScore(
          lm([
            [1, 0, 1],
            [0, 1, 0],
          ]),
          lm([
            [1, 0, 1],
            [0, 1, 0],
          ]),
        ),
      ).toBe(1);
      expect(
        hammingScore(
          lm([
            [1, 0, 1],
            [0, 1, 0],
          ]),
          lm([
            [0, 1, 0],
            [1, 0, 1],
          ]),
        ),
      ).toBe(0);
      expect(
        hammingScore(
          lm([
            [1, 1, 0],
            [0, 1, 1],
          ]),
          lm([
            [1, 0, 0],
            [0, 1, 0],
          ]),
        ),
      ).toBe(0.5);
    });
    it("empty rows count 1; all zeros is 1", () => {
      expect(
        hammingScore(
          lm([
            [0, 0, 0],
            [1, 0, 1],
          ]),
          lm([
            [0, 0, 0],
            [1, 1, 0],
          ]),
        ),
      ).toBeCloseTo((1 + 1 / 3) / 2, 15);
      expect(
        hammingScore(
          lm([
            [0, 0, 0],
            [0, 0, 0],
          ]),
          lm([
            [0, 0, 0],
            [0, 0, 0],
          ]),
        ),
      ).toBe(1);
    });
    it("mixed performance case = 0.375", () => {
      const yt = lm([
        [0, 1, 0],
        [0, 1, 1],
        [1, 0, 1],
        [0, 0, 1],
      ]);
      const yp = lm([
        [0, 1, 1],
        [0, 1, 1],
        [0, 1, 0],
        [0, 0, 0],
      ]);
      expect(hammingScore(yt, yp)).toBe(0.375);
    });
    it("rejects shape mismatch, empty input and non-binary values", () => {
      expect(() => hammingScore(lm([[1, 0]]), lm([[1, 0, 1]]))).toThrow(/y_true is 1x2/);
      expect(() =>
        hammingScore(
          { rows: 0, cols: 3, data: new Uint8Array(0) },
          { rows: 0, cols: 3, data: new Uint8Array(0) },
        ),
      ).toThrow(/no samples/);
      expect(() => hammingScore(lm([[1, 2, 0]]), lm([[1, 0, 0]]))).toThrow(/0 or 1/);
    });
  });
});
