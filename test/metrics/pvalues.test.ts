/** Student-t and Beta p-values and lgamma vs independently computed references (scipy's definitions). */
import { describe, expect, it } from "vitest";
import {
  betainc,
  betaincc,
  lgamma,
  pearsonPValue,
  spearmanPValue,
  studentTSf,
} from "../../metrics/pvalues.js";

/** |a − b| ≤ tol·|b| (or ≤ tol absolute near 0). */
function expectRel(a: number, b: number, tol: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(Math.abs(b), Number.MIN_VALUE));
}

describe("lgamma", () => {
  // CPython 3.11 math.lgamma (same Lanczos algorithm, so bit-identical).
  const ref: [number, number][] = [
    [0.5, 0.5723649429247004],
    [1.5, -0.12078223763524543],
    [2.5, 0.2846828704729196],
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: CPython's lgamma(3) is 1 ulp below Math.LN2
    [3, 0.693147180559945],
    [4.5, 2.453736570842443],
    [7, 6.579251212010102],
    [10.5, 13.940625219403763],
    [30, 71.257038967168],
    [100.5, 361.4355404677776],
    [1e-5, 11.512919692895824],
    [0.1, 2.2527126517342055],
    [1000.25, 5906.947268271117],
  ];
  it.each(ref)("lgamma(%s)", (x, v) => {
    expect(lgamma(x)).toBe(v);
  });
  it("is 0 at 1 and 2 and NaN outside the domain", () => {
    expect(lgamma(1)).toBe(0);
    expect(lgamma(2)).toBe(0);
    expect(lgamma(0)).toBeNaN();
    expect(lgamma(-1)).toBeNaN();
  });
});

describe("betainc", () => {
  // Exact rationals Σ_{j=a}^{a+b-1} C(a+b-1, j) x^j (1−x)^(a+b-1-j) (Python fractions), rounded once.
  const ref: [number, number, number, number][] = [
    [2, 3, 0.3, 0.3483],
    [5, 2, 0.7, 0.4201749999999999],
    [1, 1, 0.25, 0.25],
    [10, 10, 0.45, 0.3289640875783923],
    [3, 30, 0.05, 0.2138855270589912],
    [30, 3, 0.95, 0.7861144729410084],
  ];
  it.each(ref)("I_x(%s, %s) at x=%s", (a, b, x, v) => {
    expectRel(betainc(a, b, x), v, 1e-14);
    expectRel(betaincc(b, a, 1 - x, x), v, 1e-14);
  });
  it("large shape parameters stay within ~2e-14 (lgamma cancellation)", () => {
    // exact value of I_0.2(50, 50); measured relative error 1.5e-14
    expectRel(betainc(50, 50, 0.2), 1.3286199631860364e-11, 3e-14);
  });
  it("edges", () => {
    expect(betainc(2, 3, 0)).toBe(0);
    expect(betainc(2, 3, 1)).toBe(1);
    expect(betainc(-1, 3, 0.5)).toBeNaN();
  });
});

describe("correlation p-values", () => {
  it("spec section 13: spearmanr([1,2,3,4,5],[2,1,4,3,5]) p = 0.10408803866182788", () => {
    expectRel(spearmanPValue(0.7999999999999999, 5), 0.10408803866182788, 1e-15);
  });

  // Pearson, even n: 2·I_y(a, a) with a = n/2 − 1 as an exact rational (y = 1 − (|r|+1)/2 as scipy rounds it).
  const pearsonRef: [number, number, number][] = [
    [0.5, 4, 0.5],
    [0.3, 6, 0.5634999999999999],
    [0.9, 8, 0.002316250000000006],
    [-0.75, 10, 0.012477874755859375],
    [0.1, 12, 0.7571581091015623],
    [0.95, 20, 1.5462320946023206e-10],
    [0.2, 40, 0.21595789272090818],
  ];
  it.each(pearsonRef)("pearson p(r=%s, n=%s)", (r, n, p) => {
    expectRel(pearsonPValue(r, n), p, 1e-14);
  });

  // Spearman, even dof: 1 − t/√(ν+t²)·Σ_k C(2k,k)/4^k (ν/(ν+t²))^k in 60-digit decimals.
  const spearmanEven: [number, number, number][] = [
    [0.5, 4, 0.5],
    [0.3, 6, 0.5635],
    [0.9, 8, 0.0023162499999999984],
    [-0.75, 10, 0.012477874755859372],
    [0.1, 12, 0.7571581091015624],
    [0.95, 20, 1.546232094602322e-10],
    [0.6, 40, 4.2742839222532306e-5],
  ];
  it.each(spearmanEven)("spearman p(r=%s, n=%s), even dof", (r, n, p) => {
    expectRel(spearmanPValue(r, n), p, 1e-13);
  });

  // Spearman, odd dof: Abramowitz & Stegun 26.7.3 closed form in double precision (~1e-16 absolute).
  const spearmanOdd: [number, number, number][] = [
    [0.5, 3, 0.6666666666666667],
    [0.3, 5, 0.6238376647810729],
    [0.9, 7, 0.0057515151819028665],
    [-0.75, 9, 0.01994212613199242],
    [0.1, 11, 0.7698749998921366],
  ];
  it.each(spearmanOdd)("spearman p(r=%s, n=%s), odd dof", (r, n, p) => {
    expectRel(spearmanPValue(r, n), p, 1e-13);
  });

  it("special cases follow scipy", () => {
    expect(pearsonPValue(0.3, 2)).toBe(1);
    expect(pearsonPValue(Number.NaN, 10)).toBeNaN();
    expect(spearmanPValue(1, 10)).toBe(0);
    expect(spearmanPValue(0.5, 2)).toBeNaN();
    expect(spearmanPValue(0, 10)).toBe(1);
    expect(studentTSf(0, 7)).toBe(0.5);
    expect(studentTSf(-Number.POSITIVE_INFINITY, 3)).toBe(1);
    expectRel(studentTSf(-1, 1), 0.75, 1e-15); // Cauchy: 1/2 + atan(1)/π
  });
});
