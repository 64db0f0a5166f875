/** The sgemm path of the logistic probe: async L-BFGS-B equals the sync one, Gemm objectives track the JS float32 ones, and fits agree. */
import { describe, expect, it } from "vitest";
import { minimizeLbfgsb, minimizeLbfgsbAsync } from "../../../metrics/classification/lbfgsb.js";
import type { LogisticData } from "../../../metrics/classification/logistic-loss.js";
import {
  binomialObjectiveF32,
  multinomialObjectiveF32,
} from "../../../metrics/classification/logistic-loss-f32.js";
import {
  binomialObjectiveGemm,
  multinomialObjectiveGemm,
} from "../../../metrics/classification/logistic-loss-gemm.js";
import {
  fitLogisticRegression,
  fitLogisticRegressionAsync,
} from "../../../metrics/classification/logistic-regression.js";
import { isEmbevalError } from "../../../metrics/errors.js";
import { onnxGemm } from "../../../metrics/kernels/onnx-gemm.js";
import { probeGemm } from "../../../metrics/kernels/probe-gemm.js";
import { matrix } from "../../../metrics/matrix.js";
import { RandomState } from "../../../metrics/rng/random-state.js";
import { rosenbrock } from "../../helpers/objectives.js";

const GEMM = await onnxGemm(1);

/** Float32-valued data (n × d) with labels i % k, from numpy's RandomState. */
function blobs(n: number, d: number, k: number, seed: number): { x: Float32Array; y: number[] } {
  const rs = new RandomState(seed);
  const x = new Float32Array(n * d);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    y.push(i % k);
    for (let j = 0; j < d; j++) x[i * d + j] = rs.randomSample() - 0.5 + (i % k === j % k ? 0.3 : 0);
  }
  return { x, y };
}

function data(x: Float32Array, y: number[], n: number, d: number, k: number): LogisticData {
  return { x: Float64Array.from(x), n, d, y: Int32Array.from(y), nClasses: k, l2RegStrength: 1 / n };
}

describe("minimizeLbfgsbAsync", () => {
  it("takes the same iterates as minimizeLbfgsb (Rosenbrock, bit-identical result and counters)", async () => {
    const sync = minimizeLbfgsb(rosenbrock, [-1.2, 1], { gtol: 1e-8, ftol: 1e-15 });
    const asyncRes = await minimizeLbfgsbAsync(async (x, g) => rosenbrock(x, g), [-1.2, 1], {
      gtol: 1e-8,
      ftol: 1e-15,
    });
    expect(Array.from(asyncRes.x)).toEqual(Array.from(sync.x));
    expect([asyncRes.nit, asyncRes.nfev, asyncRes.status]).toEqual([sync.nit, sync.nfev, sync.status]);
    expect(sync.nit).toBeGreaterThan(10);
  });
  it("rejects invalid options like the sync driver", async () => {
    let err: unknown;
    try {
      await minimizeLbfgsbAsync(async (x, g) => rosenbrock(x, g), [1, 1], { maxls: 0 });
    } catch (e) {
      err = e;
    }
    expect(isEmbevalError(err, "E_INVALID_ARGUMENT")).toBe(true);
  });
});

describe("probeGemm", () => {
  it('"js" means no Gemm; an unknown kernel is an invalid argument', async () => {
    expect(await probeGemm("js", "float32")).toBeUndefined();
    let err: unknown;
    try {
      await probeGemm("blas" as "js", "float32");
    } catch (e) {
      err = e;
    }
    expect(isEmbevalError(err, "E_INVALID_ARGUMENT")).toBe(true);
  });
});

describe.skipIf(!GEMM)("sgemm logistic objectives (onnxruntime loaded)", () => {
  const n = 120;
  const d = 37;
  it("multinomial: loss and gradient within float32 rounding of the JS float32 objective", async () => {
    const { x, y } = blobs(n, d, 5, 1);
    const dat = data(x, y, n, d, 5);
    const rs = new RandomState(2);
    const coef = Float64Array.from({ length: 5 * (d + 1) }, () => rs.randomSample() - 0.5);
    const g1 = new Float64Array(coef.length);
    const g2 = new Float64Array(coef.length);
    const f1 = multinomialObjectiveF32(dat)(coef, g1);
    const f2 = await multinomialObjectiveGemm(dat, GEMM as NonNullable<typeof GEMM>)(coef, g2);
    expect(Math.abs(f1 - f2)).toBeLessThanOrEqual(1e-5 * Math.abs(f1));
    let worst = 0;
    let scale = 0;
    for (let i = 0; i < coef.length; i++) {
      worst = Math.max(worst, Math.abs(g1[i] - g2[i]));
      scale = Math.max(scale, Math.abs(g1[i]));
    }
    expect(worst).toBeLessThanOrEqual(1e-5 * scale);
    expect(scale).toBeGreaterThan(1e-3);
  });
  it("binary: loss and gradient within float32 rounding of the JS float32 objective", async () => {
    const { x, y } = blobs(n, d, 2, 3);
    const dat = data(x, y, n, d, 2);
    const coef = Float64Array.from({ length: d + 1 }, (_, i) => Math.sin(i) * 0.3);
    const g1 = new Float64Array(d + 1);
    const g2 = new Float64Array(d + 1);
    const f1 = binomialObjectiveF32(dat)(coef, g1);
    const f2 = await binomialObjectiveGemm(dat, GEMM as NonNullable<typeof GEMM>)(coef, g2);
    expect(Math.abs(f1 - f2)).toBeLessThanOrEqual(1e-5 * Math.abs(f1));
    for (let i = 0; i <= d; i++) expect(Math.abs(g1[i] - g2[i])).toBeLessThanOrEqual(1e-5);
    expect(Math.abs(g1[d])).toBeGreaterThan(1e-3);
  });
  it("fitLogisticRegressionAsync: same classes, n_iter and predictions as the JS fit; kernel js is the JS fit", async () => {
    const { x, y } = blobs(300, 24, 4, 5);
    const xm = matrix(x, 300, 24);
    const js = fitLogisticRegression(xm, y);
    const fast = await fitLogisticRegressionAsync(xm, y, {}, "onnx");
    expect(fast.classes).toEqual(js.classes);
    expect(fast.nIter).toBe(js.nIter);
    expect(fast.predict(xm)).toEqual(js.predict(xm));
    let worst = 0;
    for (let i = 0; i < js.coef.length; i++) worst = Math.max(worst, Math.abs(fast.coef[i] - js.coef[i]));
    expect(worst).toBeLessThan(1e-3);
    const same = await fitLogisticRegressionAsync(xm, y, {}, "js");
    expect(Array.from(same.coef)).toEqual(Array.from(js.coef));
  });
});
