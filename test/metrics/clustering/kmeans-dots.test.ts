/** k-means products: the tiled JS dot kernel, the dgemm driver (same labels, centres, inertia and steps as JS), and the float32 inertia. */
import { describe, expect, it } from "vitest";
import { CandidateDistances, sqDistancesToRow } from "../../../metrics/clustering/kmeans-candidates.js";
import { centreDots, runDotsGemm, runDotsSync } from "../../../metrics/clustering/kmeans-dots.js";
import { labelsInertia, minibatchUpdate } from "../../../metrics/clustering/kmeans-kernels.js";
import { rowNormsF64 } from "../../../metrics/clustering/kmeans-plusplus.js";
import { fitMiniBatchKMeans, fitMiniBatchKMeansAsync } from "../../../metrics/clustering/minibatch-kmeans.js";
import { onnxGemmF64 } from "../../../metrics/kernels/onnx-gemm.js";
import { matrix } from "../../../metrics/matrix.js";
import { RandomState } from "../../../metrics/rng/random-state.js";

const GEMM = (await onnxGemmF64(1)) !== undefined;

function uniform(len: number, seed: number): Float32Array {
  const rs = new RandomState(seed);
  return Float32Array.from({ length: len }, () => rs.randomSample() - 0.5);
}

describe("centreDots", () => {
  it("equals the plain float64 dot for odd row counts and k not a multiple of 4", () => {
    const d = 13;
    const x = uniform(7 * d, 1);
    const c = uniform(6 * d, 2);
    const out = new Float64Array(5 * 6);
    centreDots(x, 2, 5, d, c, 6, out);
    for (let r = 0; r < 5; r++) {
      for (let j = 0; j < 6; j++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += x[(2 + r) * d + t] * c[j * d + t];
        expect(Math.abs(out[r * 6 + j] - s)).toBeLessThanOrEqual(1e-15 * d);
      }
    }
  });
});

describe("labelsInertia inertia", () => {
  it("is _inertia_dense's float32 sum (blocks of 4, then the tail) for n and d not multiples of 4", () => {
    const n = 11;
    const d = 10;
    const k = 3;
    const x = uniform(n * d, 3);
    const c = uniform(k * d, 4);
    const labels = new Int32Array(n);
    const inertia = labelsInertia(x, n, d, c, k, true, labels);
    const r = Math.fround;
    let want = 0;
    for (let i = 0; i < n; i++) {
      const b = labels[i] * d;
      let acc = 0;
      let t = 0;
      for (; t + 3 < d; t += 4) {
        const q = [0, 1, 2, 3].map((u) => r(x[i * d + t + u] - c[b + t + u]));
        acc = r(acc + r(r(r(r(q[0] * q[0]) + r(q[1] * q[1])) + r(q[2] * q[2])) + r(q[3] * q[3])));
      }
      for (; t < d; t++) {
        const q = r(x[i * d + t] - c[b + t]);
        acc = r(acc + r(q * q));
      }
      want = r(want + acc);
    }
    expect(inertia).toBe(want);
    expect(inertia).toBeGreaterThan(0);
  });
});

describe.skipIf(!GEMM)("fitMiniBatchKMeansAsync with onnxruntime's dgemm", () => {
  it("gives the JS fit's labels, centres, inertia and steps (float32, both sklearn behaviours, near-duplicate blobs)", async () => {
    const n = 900;
    const d = 24;
    const k = 6;
    const base = uniform(k * d, 5);
    const noise = uniform(n * d, 6);
    // blobs 0.05 apart with unit noise: many rows are near ties between centres
    const x = Float32Array.from(noise, (v, i) => base[(Math.floor(i / d) % k) * d + (i % d)] * 0.1 + v);
    const xm = matrix(x, n, d);
    for (const sklearn of ["1.9", "1.6"] as const) {
      const opts = { nClusters: k, batchSize: 128, randomState: 42, sklearn };
      const js = fitMiniBatchKMeans(xm, opts);
      const fast = await fitMiniBatchKMeansAsync(xm, opts, "onnx");
      expect(Array.from(fast.labels)).toEqual(Array.from(js.labels));
      expect(Array.from(fast.centers.data)).toEqual(Array.from(js.centers.data));
      expect(fast.inertia).toBe(js.inertia);
      expect(fast.nSteps).toBe(js.nSteps);
      expect(js.nSteps).toBeGreaterThan(5);
    }
  });
  it('kernel "js" runs the JS path; float64 input is unaffected by the kernel', async () => {
    const x = matrix(Float64Array.from(uniform(200 * 8, 7)), 200, 8);
    const opts = { nClusters: 4, batchSize: 64, randomState: 1, sklearn: "1.9" } as const;
    const js = fitMiniBatchKMeans(x, opts);
    for (const kernel of ["js", "onnx"] as const) {
      const r = await fitMiniBatchKMeansAsync(x, opts, kernel);
      expect(Array.from(r.labels)).toEqual(Array.from(js.labels));
      expect(r.inertia).toBe(js.inertia);
    }
  });
});

describe("CandidateDistances (k-means++ distances from batched products)", () => {
  const n = 300;
  const d = 40;
  // rows 0..9 repeated further down, so exact zero distances and clipped negatives occur
  const base = uniform(n * d, 8);
  for (let i = 0; i < 10; i++) base.copyWithin((200 + i) * d, i * d, (i + 1) * d);
  const x = matrix(base, n, d);
  const norms = rowNormsF64(x);
  const ids = Int32Array.of(0, 5, 203, 299);
  const want = Array.from(ids, (ci) => {
    const out = new Float32Array(n);
    sqDistancesToRow(x, ci, norms, out);
    return out;
  });
  const check = (outs: Float32Array[]) => {
    outs.forEach((o, t) => {
      expect(Array.from(o)).toEqual(Array.from(want[t]));
      expect(Object.is(o[ids[t]], 0)).toBe(true);
    });
  };
  it("equals sqDistancesToRow bit for bit with the JS dot kernel", () => {
    const outs = Array.from(ids, () => new Float32Array(n));
    runDotsSync(new CandidateDistances(x, norms, 4).compute(ids, outs));
    check(outs);
  });
  it.skipIf(!GEMM)("and with onnxruntime's dgemm", async () => {
    const outs = Array.from(ids, () => new Float32Array(n));
    const gemm = await onnxGemmF64(1);
    if (!gemm) throw new Error("onnxruntime vanished");
    await runDotsGemm(new CandidateDistances(x, norms, 4).compute(ids, outs), gemm, 0);
    check(outs);
  });
});

describe("minibatchUpdate", () => {
  it("is _minibatch_update_dense: count-weighted sums added row by row, rounded in the dtype", () => {
    const d = 5;
    const nb = 7;
    const labels = Int32Array.of(1, 0, 1, 1, 2, 1, 0);
    for (const f32 of [true, false]) {
      const mk = (v: Float32Array) => (f32 ? v : Float64Array.from(v));
      const xb = mk(uniform(nb * d, 9));
      const oldC = mk(uniform(3 * d, 10));
      const counts = mk(Float32Array.of(3, 0, 5));
      const newC = mk(new Float32Array(3 * d));
      const wantCounts = Array.from(counts);
      const want = Array.from(oldC);
      const r = f32 ? Math.fround : (v: number) => v;
      for (let j = 0; j < 3; j++) {
        const members = [...labels.keys()].filter((i) => labels[i] === j);
        for (let t = 0; t < d; t++) {
          let v = r(oldC[j * d + t] * counts[j]);
          for (const i of members) v = r(v + xb[i * d + t]);
          want[j * d + t] = r(v * r(1 / (counts[j] + members.length)));
        }
        wantCounts[j] += members.length;
      }
      minibatchUpdate(xb, nb, d, labels, oldC, newC, counts, 3, f32);
      expect(Array.from(newC)).toEqual(want);
      expect(Array.from(counts)).toEqual(wantCounts);
    }
  });
});
