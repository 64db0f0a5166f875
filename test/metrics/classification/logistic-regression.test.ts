/** fitLogisticRegression: label handling, binary/multinomial layout, probabilities, input validation. */
import { describe, expect, it } from "vitest";
import { fitLogisticRegression } from "../../../metrics/classification/logistic-regression.js";
import { isEmbevalError } from "../../../metrics/errors.js";
import { fromRows } from "../../../metrics/matrix.js";

describe("fitLogisticRegression", () => {
  it("binary: classes sorted, positive class is the larger label, decision > 0 predicts it", () => {
    const x = fromRows([[-2], [-1], [-1.5], [1], [2], [1.5]], "float64");
    const m = fitLogisticRegression(x, [7, 7, 7, 3, 3, 3]);
    expect(m.classes).toEqual([3, 7]);
    expect(m.coef.length).toBe(1);
    expect(m.coef[0]).toBeLessThan(0); // large x → class 3 (index 0), so the class-7 logit decreases
    expect(m.predict(fromRows([[-3], [3]], "float64"))).toEqual([7, 3]);
    const p = m.predictProba(fromRows([[0.2]], "float64"))[0];
    expect(p[0] + p[1]).toBeCloseTo(1, 15);
    const dec = m.decisionFunction(fromRows([[0.2]], "float64"))[0];
    expect(p[1]).toBeCloseTo(1 / (1 + Math.exp(-dec)), 15);
  });

  it("symmetric binary data gives a zero intercept and the closed-form stationary point", () => {
    // x = ±1 with labels 1/0: by symmetry b = 0 and w solves (1/n)Σ(σ(w x_i) − y_i)x_i + w/n = 0 → σ(w) − 1 + w/2 = 0 (n = 2).
    const m = fitLogisticRegression(fromRows([[1], [-1]], "float64"), [1, 0], { tol: 1e-10 });
    const w = m.coef[0];
    expect(Math.abs(m.intercept[0])).toBeLessThan(1e-9);
    expect(1 / (1 + Math.exp(-w)) - 1 + w / 2).toBeCloseTo(0, 9);
    expect(m.converged).toBe(true);
  });

  it("multinomial: one coefficient row per class, probabilities sum to 1, argmax predictions", () => {
    const rows: number[][] = [];
    const y: number[] = [];
    const centres = [
      [0, 4],
      [4, 0],
      [-4, -4],
    ];
    centres.forEach((c, k) => {
      for (let i = 0; i < 6; i++) {
        rows.push([c[0] + Math.sin(i + k), c[1] + Math.cos(2 * i + k)]);
        y.push(k * 10);
      }
    });
    const m = fitLogisticRegression(fromRows(rows), y);
    expect(m.classes).toEqual([0, 10, 20]);
    expect(m.coef.length).toBe(3 * 2);
    expect(m.intercept.length).toBe(3);
    expect(m.predict(fromRows(centres))).toEqual([0, 10, 20]);
    for (const p of m.predictProba(fromRows(rows))) expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 6);
    expect(m.nIter).toBeGreaterThan(0);
    expect(m.nIter).toBeLessThanOrEqual(100);
  });

  it("caps n_iter at maxIter and reports non-convergence", () => {
    const rows = Array.from({ length: 40 }, (_, i) => [Math.sin(i), Math.cos(3 * i), Math.sin(7 * i)]);
    const y = rows.map((r) => (r[0] + r[1] > 0 ? 1 : 0));
    const m = fitLogisticRegression(fromRows(rows), y, { maxIter: 2, C: 1e6 });
    expect(m.nIter).toBe(2);
    expect(m.converged).toBe(false);
  });

  it("rejects a single class, shape mismatches and non-finite input", () => {
    const x = fromRows([[1], [2]]);
    for (const [fn, code] of [
      [() => fitLogisticRegression(x, [1, 1]), "E_INVALID_ARGUMENT"],
      [() => fitLogisticRegression(x, [1]), "E_SHAPE_MISMATCH"],
      [() => fitLogisticRegression(fromRows([[Number.NaN], [1]]), [0, 1]), "E_NOT_FINITE"],
    ] as const) {
      try {
        fn();
        expect.unreachable();
      } catch (e) {
        expect(isEmbevalError(e, code)).toBe(true);
      }
    }
  });
});
