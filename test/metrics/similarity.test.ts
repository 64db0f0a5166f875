/** mteb similarity functions vs numpy float32 references (scikit-learn formulas) and hand-computed cases. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRows } from "../../metrics/matrix.js";
import {
  cosSim,
  dotScore,
  pairedDot,
  pairedEuclidean,
  pairedManhattan,
  pairwiseCosSim,
  sklearnPairedCosine,
  torchNormalize,
} from "../../metrics/similarity.js";

const V = JSON.parse(
  readFileSync(new URL("../fixtures/similarity-vectors.json", import.meta.url), "utf8"),
) as {
  A: number[][];
  B: number[][];
  cos: number[];
  man: number[];
  euc: number[];
  dot: number[];
  cossim: number[][];
};
const A = fromRows(V.A);
const B = fromRows(V.B);

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tol = rel * Math.max(1, Math.abs(expected[i]));
    expect(
      Math.abs(actual[i] - expected[i]),
      `index ${i}: ${actual[i]} vs ${expected[i]}`,
    ).toBeLessThanOrEqual(tol);
  }
}

// scikit-learn's row norms are numpy float32 einsum sums; einsumDotF32 follows numpy 2.4's SIMD order, so the
// reference (made on this machine's numpy 2.4.6) is met bit for bit.
describe("scikit-learn paired distances in float32 (numpy 2.4.6 reference, bit for bit)", () => {
  it("1 - paired_cosine_distances, including a zero row (cosine 1 - 0.5*|ŷ|²)", () => {
    const got = sklearnPairedCosine(A, B);
    expect(got).toBeInstanceOf(Float32Array);
    expectClose(got, V.cos, 0);
  });
  it("paired Manhattan / Euclidean / dot", () => {
    expectClose(pairedManhattan(A, B), V.man, 2e-7);
    expectClose(pairedEuclidean(A, B), V.euc, 0);
    expectClose(pairedDot(A, B), V.dot, 4e-7);
  });
});

describe("torch cos_sim", () => {
  it("matches normalise-then-matmul in float32, zero rows give cosine 0", () => {
    const got = cosSim(A, B);
    expect(got).toBeInstanceOf(Float32Array);
    expectClose(got, V.cossim.flat(), 2e-7);
    for (let j = 0; j < B.rows; j++) expect(got[3 * B.rows + j]).toBe(0);
  });
  it("hand-computed: orthogonal, parallel, anti-parallel", () => {
    const a = fromRows([
      [3, 4],
      [1, 0],
    ]);
    const b = fromRows([
      [6, 8],
      [0, 2],
      [-1, 0],
    ]);
    expect(Array.from(cosSim(a, b))).toEqual([
      1, 0.800000011920929, -0.6000000238418579, 0.6000000238418579, 0, -1,
    ]);
    expect(Array.from(dotScore(a, b))).toEqual([50, 8, -3, 6, 0, -1]);
    expect(Array.from(torchNormalize(a).data)).toEqual([0.6000000238418579, 0.800000011920929, 1, 0]);
  });
  it("pairwise cosine equals the diagonal of the matrix version within one float32 ulp", () => {
    const pw = pairwiseCosSim(A, B);
    const full = cosSim(A, B);
    for (let i = 0; i < A.rows; i++)
      expect(Math.abs(pw[i] - full[i * B.rows + i])).toBeLessThanOrEqual(1.2e-7);
  });
  it("rejects mismatched dims with E_EMBEDDING_DIM", () => {
    expect(() => cosSim(A, fromRows([[1, 2, 3]]))).toThrowError(
      expect.objectContaining({ code: "E_EMBEDDING_DIM" }),
    );
  });
});
