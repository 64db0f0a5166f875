/** scikit-learn average_precision_score parity: the fn_ap oracle case and hand-computed step-wise AP. */
import { describe, expect, it } from "vitest";
import { averagePrecision } from "../../metrics/average-precision.js";
import { listCases, loadCase } from "../helpers/oracle.js";

const cases = listCases(["ap"]);

describe("averagePrecision oracle cases", () => {
  it("finds the ap cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const name of cases) {
    it(name, () => {
      const c = loadCase(name);
      const ap = averagePrecision(c.json<number[]>(c.inputs.labels), c.json<number[]>(c.inputs.scores));
      expect(Math.abs(ap - (c.expected.ap as number))).toBeLessThan(1e-12);
    });
  }
});

describe("averagePrecision", () => {
  it("sklearn docstring example", () => {
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.8333333333333333);
  });
  it("spec section 8 reference: ties form one step", () => {
    expect(averagePrecision([1, 0, 1, 1, 0, 0], [0.9, 0.8, 0.8, 0.7, 0.3, 0.2])).toBe(0.8055555555555556);
    // hand: thresholds .9 (P 1, R 1/3), .8 (P 2/3, R 2/3), .7 (P 3/4, R 1) → 1/3·(1 + 2/3 + 3/4)
    expect(averagePrecision([1, 0, 1, 1, 0, 0], [0.9, 0.8, 0.8, 0.7, 0.3, 0.2])).toBeCloseTo(
      (1 + 2 / 3 + 3 / 4) / 3,
      15,
    );
  });
  it("tie order does not matter", () => {
    expect(averagePrecision([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(averagePrecision([1, 0], [0.5, 0.5])).toBe(0.5);
  });
  it("hard 0/1 predictions as scores (mteb classification ap)", () => {
    // predicted-1 group: 2 of 3 positive; all: 3 of 5 → (2/3)(2/3) + (1/3)(3/5)
    expect(averagePrecision([1, 1, 0, 1, 0], [1, 1, 1, 0, 0])).toBeCloseTo(
      (2 / 3) * (2 / 3) + (1 / 3) * (3 / 5),
      15,
    );
  });
  it("all positive gives 1, no positive gives 0 (sklearn warns)", () => {
    expect(averagePrecision([1, 1, 1], [0.1, 0.5, 0.2])).toBe(1);
    expect(averagePrecision([0, 0, 0], [0.1, 0.5, 0.2])).toBe(0);
  });
  it("rejects bad input", () => {
    expect(() => averagePrecision([0, 1, 2], [1, 2, 3])).toThrow(/binary/);
    expect(() => averagePrecision([0, 2], [1, 2])).toThrow(/pos_label/);
    expect(() => averagePrecision([0, 1], [1])).toThrow(/scores/);
    expect(() => averagePrecision([0, 1], [1, Number.NaN])).toThrow(/NaN/);
    expect(() => averagePrecision([], [])).toThrow(/empty/);
  });
});
