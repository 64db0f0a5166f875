/** MiniBatchKMeans and k-means++ vs scikit-learn's documented examples and float32 near-tie handling. */
import { describe, expect, it } from "vitest";
import { labelsInertia } from "../../../metrics/clustering/kmeans-kernels.js";
import { kmeansPlusPlus } from "../../../metrics/clustering/kmeans-plusplus.js";
import { fitMiniBatchKMeans } from "../../../metrics/clustering/minibatch-kmeans.js";
import { vMeasure } from "../../../metrics/clustering/v-measure.js";
import { isEmbevalError } from "../../../metrics/errors.js";
import { fromRows } from "../../../metrics/matrix.js";
import { RandomState } from "../../../metrics/rng/random-state.js";

const SIX = [
  [1, 2],
  [1, 4],
  [1, 0],
  [10, 2],
  [10, 4],
  [10, 0],
];
const TWELVE = [
  [1, 2],
  [1, 4],
  [1, 0],
  [4, 2],
  [4, 0],
  [4, 4],
  [4, 5],
  [0, 1],
  [2, 2],
  [3, 2],
  [5, 5],
  [1, -1],
];

describe("k-means++ (sklearn docstring reference)", () => {
  it("kmeans_plusplus(X, 2, random_state=0) picks rows 3 and 2", () => {
    const r = kmeansPlusPlus(fromRows(SIX, "float64"), 2, new RandomState(0));
    expect(Array.from(r.indices)).toEqual([3, 2]);
    expect(Array.from(r.centers.data)).toEqual([10, 2, 1, 0]);
  });
  it("rejects k > n", () => {
    expect(() => kmeansPlusPlus(fromRows(SIX, "float64"), 7, new RandomState(0))).toThrow(/n_clusters/);
  });
});

describe("fitMiniBatchKMeans", () => {
  it("reproduces the scikit-learn 1.9 MiniBatchKMeans docstring fit (batch 6, max_iter 10, seed 0)", () => {
    const r = fitMiniBatchKMeans(fromRows(TWELVE, "float64"), {
      nClusters: 2,
      batchSize: 6,
      maxIter: 10,
      randomState: 0,
      sklearn: "1.9",
    });
    const c = Array.from(r.centers.data);
    const expected = [3.20967742, 3.56451613, 1.32758621, 0.77586207];
    for (const [i, v] of c.entries()) expect(v).toBeCloseTo(expected[i], 7);
  });
  it("separates well-separated float32 blobs perfectly in both versions", () => {
    const rows: number[][] = [];
    const truth: number[] = [];
    const rs = new RandomState(7);
    for (let i = 0; i < 300; i++) {
      const c = i % 3;
      truth.push(c);
      rows.push([c * 100 + rs.randomSample(), -c * 50 + rs.randomSample(), rs.randomSample()]);
    }
    const x = fromRows(rows, "float32");
    for (const sklearn of ["1.9", "1.6"] as const) {
      const r = fitMiniBatchKMeans(x, { nClusters: 3, batchSize: 64, randomState: 42, sklearn });
      expect(vMeasure(truth, r.labels)).toBe(1);
      expect(r.centers.data).toBeInstanceOf(Float32Array);
      expect(r.nSteps).toBeGreaterThan(1);
      expect(r.inertia).toBeGreaterThan(0);
      // deterministic for a fixed seed
      const again = fitMiniBatchKMeans(x, { nClusters: 3, batchSize: 64, randomState: 42, sklearn });
      expect(Array.from(again.labels)).toEqual(Array.from(r.labels));
    }
  });
  it("does not mutate its input and validates arguments", () => {
    const x = fromRows(TWELVE, "float32");
    const copy = Float32Array.from(x.data);
    fitMiniBatchKMeans(x, { nClusters: 2, batchSize: 4, randomState: 1, sklearn: "1.6" });
    expect(Array.from(x.data)).toEqual(Array.from(copy));
    let err: unknown;
    try {
      fitMiniBatchKMeans(x, { nClusters: 13, batchSize: 4, randomState: 1, sklearn: "1.9" });
    } catch (e) {
      err = e;
    }
    expect(isEmbevalError(err, "E_INVALID_ARGUMENT")).toBe(true);
  });
});

describe("labelsInertia float32 certification", () => {
  it("gives the labels of the plain float32 emulation, also on near ties", () => {
    const rs = new RandomState(3);
    const n = 300;
    const d = 37;
    const k = 6;
    const x = new Float32Array(n * d).map(() => rs.randomSample() - 0.5);
    const centers = new Float32Array(k * d);
    for (let t = 0; t < d; t++) centers[t] = (rs.randomSample() - 0.5) * 0.1;
    // centres 1..k-1: the first one nudged by a few float32 ulps, so most rows are near ties
    for (let j = 1; j < k; j++) {
      for (let t = 0; t < d; t++) {
        const v = centers[t];
        const nudge = rs.randomSample() < 0.5 ? 1 + j * 2 ** -23 : 1 - j * 2 ** -23;
        centers[j * d + t] = j === k - 1 ? v + 0.3 : Math.fround(v * nudge);
      }
    }
    const labels = new Int32Array(n);
    labelsInertia(x, n, d, centers, k, true, labels);
    let ties = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestVal = 0;
      const vals: number[] = [];
      for (let j = 0; j < k; j++) {
        let cn = 0;
        for (let t = 0; t < d; t++) cn += centers[j * d + t] * centers[j * d + t];
        let acc = 0;
        for (let t = 0; t < d; t++) acc = Math.fround(acc + x[i * d + t] * centers[j * d + t]);
        const v = Math.fround(Math.fround(cn) - 2 * acc);
        vals.push(v);
        if (j === 0 || v < bestVal) {
          bestVal = v;
          best = j;
        }
      }
      if (vals.filter((v) => Math.abs(v - bestVal) < 1e-6).length > 1) ties++;
      expect(labels[i]).toBe(best);
    }
    expect(ties).toBeGreaterThan(n / 2);
  });
});
