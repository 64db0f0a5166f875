/** Logistic loss: values at known points and gradients against central finite differences. */
import { describe, expect, it } from "vitest";
import {
  binomialObjective,
  multinomialObjective,
  softmaxRow,
} from "../../../metrics/classification/logistic-loss.js";
import {
  binomialObjectiveF32,
  multinomialObjectiveF32,
} from "../../../metrics/classification/logistic-loss-f32.js";

// 5 samples × 3 features, labels over 3 classes.
const X = Float64Array.from([0.5, -1, 2, 1.5, 0.25, -0.5, -2, 1, 0.75, 0.1, 0.2, 0.3, -1, -1, 1]);
const n = 5;
const d = 3;

function fdCheck(fun: (x: Float64Array, g: Float64Array) => number, coef: Float64Array): number {
  const g = new Float64Array(coef.length);
  fun(coef, g);
  const tmp = new Float64Array(coef.length);
  let worst = 0;
  for (let k = 0; k < coef.length; k++) {
    const h = 1e-6;
    const a = Float64Array.from(coef);
    const b = Float64Array.from(coef);
    a[k] += h;
    b[k] -= h;
    const fd = (fun(a, tmp) - fun(b, tmp)) / (2 * h);
    worst = Math.max(worst, Math.abs(fd - g[k]));
  }
  return worst;
}

describe("binomialObjective", () => {
  const y = Int32Array.from([0, 1, 1, 0, 1]);
  const fun = binomialObjective({ x: X, n, d, y, nClasses: 2, l2RegStrength: 1 / n });

  it("is log 2 with gradient mean(p − y)·x at zero coefficients", () => {
    const g = new Float64Array(d + 1);
    const f = fun(new Float64Array(d + 1), g);
    expect(f).toBeCloseTo(Math.LN2, 15);
    // intercept gradient = mean(0.5 − y) = 0.5 − 3/5
    expect(g[d]).toBeCloseTo(0.5 - 0.6, 15);
    // feature 0: mean((0.5 − y_i)·x_i0) = (0.25 − 0.75 + 1 + 0.05 + 0.5)/5
    expect(g[0]).toBeCloseTo((0.5 * 0.5 - 0.5 * 1.5 + 0.5 * 2 + 0.5 * 0.1 + 0.5 * 1) / 5, 15);
  });

  it("matches a hand computation with the L2 term (intercept not penalised)", () => {
    const coef = Float64Array.from([0.3, -0.2, 0.1, 0.5]);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const z = X[i * d] * 0.3 + X[i * d + 1] * -0.2 + X[i * d + 2] * 0.1 + 0.5;
      loss += Math.log1p(Math.exp(z)) - y[i] * z;
    }
    const expected = loss / n + 0.5 * (1 / n) * (0.09 + 0.04 + 0.01);
    expect(fun(coef, new Float64Array(d + 1))).toBeCloseTo(expected, 14);
  });

  it("has the gradient of its value (central differences)", () => {
    expect(fdCheck(fun, Float64Array.from([0.3, -0.2, 0.1, 0.5]))).toBeLessThan(1e-8);
    expect(fdCheck(fun, Float64Array.from([30, -20, 10, 5]))).toBeLessThan(1e-6);
  });
});

describe("multinomialObjective", () => {
  const y = Int32Array.from([0, 2, 1, 2, 0]);
  const K = 3;
  const fun = multinomialObjective({ x: X, n, d, y, nClasses: K, l2RegStrength: 0.5 });

  it("is log K at zero coefficients with intercept gradient mean(1/K − onehot)", () => {
    const g = new Float64Array(K * (d + 1));
    expect(fun(new Float64Array(K * (d + 1)), g)).toBeCloseTo(Math.log(3), 15);
    // F-order layout: intercept of class k at d·K + k; counts per class 2, 1, 2.
    expect(g[d * K + 0]).toBeCloseTo(1 / 3 - 2 / 5, 15);
    expect(g[d * K + 1]).toBeCloseTo(1 / 3 - 1 / 5, 15);
    expect(g[d * K + 2]).toBeCloseTo(1 / 3 - 2 / 5, 15);
  });

  it("has the gradient of its value (central differences)", () => {
    const coef = Float64Array.from({ length: K * (d + 1) }, (_, i) => Math.sin(i + 1));
    expect(fdCheck(fun, coef)).toBeLessThan(1e-8);
  });
});

describe("softmaxRow", () => {
  it("is shift invariant and sums to 1", () => {
    const out = new Float64Array(3);
    softmaxRow(Float64Array.from([1000, 1001, 1002]), out);
    const e = [Math.exp(-2), Math.exp(-1), 1];
    const s = e[0] + e[1] + e[2];
    expect(Array.from(out)).toEqual(e.map((v) => v / s));
  });
});

describe("float32 objectives (sklearn 1.9 float32-input arithmetic)", () => {
  const x32 = Float64Array.from(X, (v) => Math.fround(v));
  it("agree with the float64 objectives to float32 precision", () => {
    const yb = Int32Array.from([0, 1, 1, 0, 1]);
    const dataB = { x: x32, n, d, y: yb, nClasses: 2, l2RegStrength: 0.2 };
    const cb = Float64Array.from([0.3, -0.2, 0.1, 0.5]);
    const g64 = new Float64Array(4);
    const g32 = new Float64Array(4);
    expect(binomialObjectiveF32(dataB)(cb, g32)).toBeCloseTo(binomialObjective(dataB)(cb, g64), 6);
    for (let k = 0; k < 4; k++) expect(g32[k]).toBeCloseTo(g64[k], 6);
    const ym = Int32Array.from([0, 2, 1, 2, 0]);
    const dataM = { x: x32, n, d, y: ym, nClasses: 3, l2RegStrength: 0.5 };
    const cm = Float64Array.from({ length: 12 }, (_, i) => Math.sin(i + 1));
    const h64 = new Float64Array(12);
    const h32 = new Float64Array(12);
    expect(multinomialObjectiveF32(dataM)(cm, h32)).toBeCloseTo(multinomialObjective(dataM)(cm, h64), 6);
    for (let k = 0; k < 12; k++) expect(h32[k]).toBeCloseTo(h64[k], 6);
  });

  it("rounds the data term to float32 (loss differs from float64 by a float32 rounding, not 0)", () => {
    const ym = Int32Array.from([0, 2, 1, 2, 0]);
    const dataM = { x: x32, n, d, y: ym, nClasses: 3, l2RegStrength: 0 };
    const cm = Float64Array.from({ length: 12 }, (_, i) => 0.1 * Math.sin(i + 1));
    const f32 = multinomialObjectiveF32(dataM)(cm, new Float64Array(12));
    expect(Math.fround(f32)).toBe(f32);
  });
});
