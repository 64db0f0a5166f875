/** Parity of numpy/Python summation and rounding with values produced by numpy 2.4.6 / CPython 3.11. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { npMean, npStd, npSum, npSumF32, pyRound, pySum } from "../../metrics/numeric.js";

const V = JSON.parse(readFileSync(new URL("../fixtures/numeric-vectors.json", import.meta.url), "utf8")) as {
  arr: number[];
  sum: number;
  mean: number;
  std: number;
  pysum: number;
  f32sum: number;
  sum5: number;
  sum100: number;
  sum129: number;
  f32sum100: number;
  round_in: number[];
  round6: number[];
  round5: number[];
  round2: number[];
};

describe("numpy pairwise summation", () => {
  it("matches np.sum / np.mean / np.std bit for bit on 1037 mixed-magnitude values", () => {
    expect(npSum(V.arr)).toBe(V.sum);
    expect(npMean(V.arr)).toBe(V.mean);
    expect(npStd(V.arr)).toBe(V.std);
  });
  it("matches each branch of the tree (n<8, n<=128, recursive)", () => {
    expect(npSum(V.arr.slice(0, 5))).toBe(V.sum5);
    expect(npSum(V.arr.slice(0, 100))).toBe(V.sum100);
    expect(npSum(V.arr.slice(0, 129))).toBe(V.sum129);
  });
  it("differs from a naive left-to-right sum on this input (so the test can tell them apart)", () => {
    expect(pySum(V.arr)).toBe(V.pysum);
    expect(V.pysum).not.toBe(V.sum);
  });
  it("float32 sums accumulate in float32 like np.sum(float32 array)", () => {
    expect(npSumF32(new Float32Array(V.arr))).toBe(V.f32sum);
    expect(npSumF32(new Float32Array(V.arr.slice(0, 100)))).toBe(V.f32sum100);
  });
  it("np.mean of an empty array is NaN", () => {
    expect(npMean([])).toBeNaN();
  });
});

describe("Python sum", () => {
  it("neumaier mode recovers what naive summation loses", () => {
    const xs = [1e100, 1.0, -1e100, 1.0];
    expect(pySum(xs)).toBe(1);
    expect(pySum(xs, "neumaier")).toBe(2);
  });
});

describe("pyRound = Python round(x, n)", () => {
  it("rounds the exact binary value, ties to even, on 211 values at 6, 5 and 2 digits", () => {
    expect(V.round_in.map((x) => pyRound(x, 6))).toEqual(V.round6);
    expect(V.round_in.map((x) => pyRound(x, 5))).toEqual(V.round5);
    expect(V.round_in.map((x) => pyRound(x, 2))).toEqual(V.round2);
  });
  it("is not Math.round(x*100)/100: 2.675 is below the tie in binary", () => {
    expect(pyRound(2.675, 2)).toBe(2.67);
    expect(Math.round(2.675 * 100) / 100).toBe(2.68);
    expect(pyRound(0.125, 2)).toBe(0.12);
    expect(pyRound(0.375, 2)).toBe(0.38);
    expect(pyRound(2.5, 0)).toBe(2);
    expect(pyRound(-2.5, 0)).toBe(-2);
  });
  it("keeps NaN, infinities and the sign of zero", () => {
    expect(pyRound(Number.NaN, 6)).toBeNaN();
    expect(pyRound(Number.POSITIVE_INFINITY, 6)).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(pyRound(-1e-9, 6), -0)).toBe(true);
  });
});
