/** Euclidean/Manhattan similarities as ST computes them with torch.cdist: both cdist paths, hand-computed values. */
import { describe, expect, it } from "vitest";
import { fromRows } from "../../metrics/matrix.js";
import {
  cdistUsesMatmul,
  distanceRows,
  distanceSim,
  pairwiseDistanceSim,
  similarityMatrix,
  similarityPairwise,
} from "../../metrics/similarity.js";

/** −float32(sqrt(float32(1e-30))): torch's clamped distance of two identical rows on the matmul path. */
const CLAMPED = -Math.fround(Math.sqrt(Math.fround(1e-30)));

function rep(row: number[], n: number): number[][] {
  return Array.from({ length: n }, () => row.slice());
}

describe("cdist path rule", () => {
  it("uses the matrix product only when a side has more than 25 rows", () => {
    expect(cdistUsesMatmul(25, 25)).toBe(false);
    expect(cdistUsesMatmul(26, 1)).toBe(true);
    expect(cdistUsesMatmul(1, 26)).toBe(true);
  });
});

describe("euclidean_sim / manhattan_sim (≤ 25 rows: direct kernel)", () => {
  const a = fromRows([
    [0, 0],
    [1, 1],
  ]);
  const b = fromRows([
    [3, 4],
    [1, 1],
  ]);
  it("euclidean = −sqrt(Σ(a−b)²), identical rows give −0", () => {
    const s = distanceSim("euclidean", a, b);
    expect(s).toBeInstanceOf(Float32Array);
    expect(Array.from(s)).toEqual([-5, -Math.fround(Math.SQRT2), -Math.fround(Math.sqrt(13)), -0]);
    expect(Object.is(s[3], -0)).toBe(true);
  });
  it("manhattan = −Σ|a−b|", () => {
    expect(Array.from(distanceSim("manhattan", a, b))).toEqual([-7, -2, -5, -0]);
  });
  it("accumulates sequentially in float32 (16777216 + 1 rounds back to 16777216)", () => {
    const s = distanceSim("manhattan", fromRows([[16777216, 1]]), fromRows([[0, 0]]));
    expect(s[0]).toBe(-16777216);
    // float64 keeps the 1
    const s64 = distanceSim(
      "manhattan",
      fromRows([[16777216, 1]], "float64"),
      fromRows([[0, 0]], "float64"),
      "float64",
    );
    expect(s64[0]).toBe(-16777217);
  });
  it("the direct kernel is exact where the matrix product cancels", () => {
    // ‖a−b‖ = 0.0625 exactly; the product formulation loses it (see the matmul test below)
    const s = distanceSim("euclidean", fromRows([[1000, 1000]]), fromRows([[1000, 1000.0625]]));
    expect(s[0]).toBe(-0.0625);
  });
});

describe("euclidean_sim (> 25 rows: torch _euclidean_dist)", () => {
  it("identical rows hit the 1e-30 clamp: −1e-15 in float32, not 0", () => {
    // ‖x‖² = 14; x·x = 14: −28 + 14 + 14 = 0 → clamp_min(1e-30) → sqrt
    const a = fromRows(rep([1, 2, 3], 26));
    const b = fromRows([
      [1, 2, 3],
      [1, 2, 4],
    ]);
    const s = distanceSim("euclidean", a, b);
    expect(s.length).toBe(52);
    for (let i = 0; i < 26; i++) {
      expect(s[2 * i]).toBe(CLAMPED);
      // ‖y‖² = 21, x·y = 17: −34 + 14 + 21 = 1
      expect(s[2 * i + 1]).toBe(-1);
    }
    expect(CLAMPED).toBeCloseTo(-1e-15, 20);
    // the same pairs on the direct path (≤ 25 rows) are exactly 0 and 1
    const direct = distanceSim("euclidean", fromRows([[1, 2, 3]]), b);
    expect(Array.from(direct)).toEqual([-0, -1]);
  });
  it("loses a small distance between large vectors to cancellation, as torch does", () => {
    // ‖[1000,1000]‖² = 2e6, ‖[1000,1000.0625]‖² = fround(1e6 + fround(1000125.00390625)) = 2000125,
    // dot = 2000062.5: −4000125 + 2e6 + 2000125 = 0 → clamped
    const a = fromRows(rep([1000, 1000], 26));
    const s = distanceSim("euclidean", a, fromRows([[1000, 1000.0625]]));
    expect(s[0]).toBe(CLAMPED);
    expect(s[25]).toBe(CLAMPED);
  });
  it("rounds the squared distance to float32 before the sqrt", () => {
    // a = [1, 0] (26 rows), b = [0, 2^-12]: 1 + 2^-24 rounds (ties to even) to 1 in float32 → distance 1
    const a = fromRows(rep([1, 0], 26));
    const s = distanceSim("euclidean", a, fromRows([[0, 2 ** -12]]));
    expect(s[0]).toBe(-1);
    // float64 keeps it
    const s64 = distanceSim(
      "euclidean",
      fromRows(rep([1, 0], 26), "float64"),
      fromRows([[0, 2 ** -12]], "float64"),
      "float64",
    );
    expect(s64[0]).toBe(-Math.sqrt(1 + 2 ** -24));
  });
  it("NaN passes the clamp (torch clamp_min propagates NaN)", () => {
    const a = fromRows(rep([1, 0], 26));
    const s = distanceSim("euclidean", a, fromRows([[Number.NaN, 0]]));
    expect(Number.isNaN(s[0])).toBe(true);
  });
  it("manhattan has no matmul path", () => {
    const a = fromRows(rep([1000, 1000], 26));
    expect(distanceSim("manhattan", a, fromRows([[1000, 1000.0625]]))[0]).toBe(-0.0625);
  });
  it("a row block equals the same rows of the full matrix when the caller passes torch's path", () => {
    const rows = Array.from({ length: 30 }, (_, i) => [i % 7, (i * 3) % 5, 0.5 * i]);
    const a = fromRows(rows);
    const b = fromRows(rows.slice(0, 9));
    const full = distanceSim("euclidean", a, b);
    const block = distanceRows("euclidean", a, 4, 3, b, { matmul: true });
    expect(Array.from(block)).toEqual(Array.from(full.subarray(4 * 9, 7 * 9)));
    // without the flag a 3-row block alone would take the direct path: the diagonal is −0, not the clamp
    const direct = distanceSim("euclidean", fromRows(rows.slice(4, 7)), b);
    expect(direct[4]).toBe(-0);
    expect(block[4]).toBe(CLAMPED);
  });
});

describe("pairwise_euclidean_sim / pairwise_manhattan_sim", () => {
  it("hand-computed pairs", () => {
    const a = fromRows([
      [0, 0, 0],
      [1, 1, 1],
    ]);
    const b = fromRows([
      [1, 2, 2],
      [1, 1, 1],
    ]);
    expect(Array.from(pairwiseDistanceSim("euclidean", a, b))).toEqual([-3, -0]);
    expect(Array.from(pairwiseDistanceSim("manhattan", a, b))).toEqual([-5, -0]);
  });
  it("sums in torch's reduction order, not sequentially", () => {
    // 9 elements: torch adds the scalar tail (index 8) first, then the 8 lanes one by one
    const b = fromRows([[0, 0, 0, 0, 0, 0, 0, 0, 0]]);
    const c = fromRows([[1, 1, 1, 1, 1, 1, 1, 1, 2 ** 24]]);
    // torch: 2^24 first, then each 1 is rounded away (ties to even) → 2^24; sequential: 8 + 2^24 = 16777224 (exact)
    expect(pairwiseDistanceSim("manhattan", c, b)[0]).toBe(-(2 ** 24));
    expect(pairwiseDistanceSim("euclidean", c, b)[0]).toBe(-(2 ** 24));
  });
});

describe("similarityMatrix / similarityPairwise dispatch", () => {
  it("routes euclidean and manhattan to the distance similarities", () => {
    const a = fromRows([[0, 0]]);
    const b = fromRows([[3, 4]]);
    expect(Array.from(similarityMatrix("euclidean", a, b))).toEqual([-5]);
    expect(Array.from(similarityMatrix("manhattan", a, b))).toEqual([-7]);
    expect(Array.from(similarityPairwise("euclidean", a, b))).toEqual([-5]);
    expect(Array.from(similarityPairwise("manhattan", a, b))).toEqual([-7]);
    expect(Array.from(similarityMatrix("dot", a, b))).toEqual([0]);
  });
});
