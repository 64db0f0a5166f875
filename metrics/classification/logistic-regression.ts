/** LogisticRegression(max_iter=100) with lbfgs, C=1, tol=1e-4, intercept: reproduces scikit-learn 1.9.1 sklearn/linear_model/_logistic.py (lbfgs branch). */

import { EmbevalError } from "../errors.js";
import { type ProbeKernel, probeGemm } from "../kernels/probe-gemm.js";
import { type FloatArray, isFloat32, type Matrix } from "../matrix.js";
import {
  type LbfgsbOptions,
  type LbfgsbResult,
  minimizeLbfgsb,
  minimizeLbfgsbAsync,
  type ObjectiveWithGradient,
} from "./lbfgsb.js";
import { binomialObjective, type LogisticData, multinomialObjective, softmaxRow } from "./logistic-loss.js";
import { binomialObjectiveF32, multinomialObjectiveF32 } from "./logistic-loss-f32.js";
import { binomialObjectiveGemm, multinomialObjectiveGemm } from "./logistic-loss-gemm.js";

/** Options of the probe; defaults are scikit-learn's (and mteb's). */
export interface LogisticRegressionOptions {
  /** Inverse L2 strength. Default 1. */
  C?: number;
  /** L-BFGS-B maxiter. Default 100. */
  maxIter?: number;
  /** L-BFGS-B gtol (projected-gradient ∞-norm). Default 1e-4. */
  tol?: number;
}

/** A fitted model. `coef` is (rows × d) row-major with rows = 1 for binary, else one row per class. */
export interface LogisticRegressionModel {
  readonly classes: number[];
  readonly coef: Float64Array;
  readonly intercept: Float64Array;
  readonly nFeatures: number;
  /** sklearn's n_iter_: scipy's iteration count, capped at maxIter. */
  readonly nIter: number;
  /** False when L-BFGS-B stopped on maxiter (sklearn's ConvergenceWarning) or abnormally. */
  readonly converged: boolean;
  /** Decision values (n × rows, row-major). Float32 input is scored in float32 like sklearn 1.9. */
  decisionFunction(x: Matrix): Float64Array;
  predict(x: Matrix): number[];
  /** Class probabilities, one array per row (columns in `classes` order). */
  predictProba(x: Matrix): Float64Array[];
}

const FTOL = 64 * 2.220446049250313e-16;

/** Validated inputs of one fit: the loss data, the L-BFGS-B start and options, and how to read the solution. */
interface PreparedFit {
  data: LogisticData;
  f32: boolean;
  binary: boolean;
  classes: number[];
  x0: Float64Array;
  lbfgs: LbfgsbOptions;
  maxIter: number;
}

/** Below this many multiply-adds per product (n·d·classes) "auto" keeps the JS objective (Gemm call overhead). */
const MIN_GEMM_WORK = 200_000;

/** Fit the probe on X (float32 or float64, each with sklearn 1.9's arithmetic for that dtype) and integer labels y. */
export function fitLogisticRegression(
  x: Matrix,
  y: readonly number[],
  opts: LogisticRegressionOptions = {},
): LogisticRegressionModel {
  const p = prepareFit(x, y, opts);
  return finishFit(p, minimizeLbfgsb(jsObjective(p), p.x0, p.lbfgs));
}

/**
 * `fitLogisticRegression` with float32 X·Wᵀ and Gᵀ·X on onnxruntime's sgemm (`kernel` "auto": when it loads and
 * the products are large; "onnx": always; "js": never). sgemm rounds differently from the JS emulation (both
 * stand in for sklearn's BLAS sgemm), so solutions may differ in the last float32 bits; float64 X always runs in JS.
 */
export async function fitLogisticRegressionAsync(
  x: Matrix,
  y: readonly number[],
  opts: LogisticRegressionOptions = {},
  kernel: ProbeKernel = "auto",
): Promise<LogisticRegressionModel> {
  const p = prepareFit(x, y, opts);
  const K = p.data.nClasses;
  const small = kernel === "auto" && p.data.n * p.data.d * K < MIN_GEMM_WORK;
  const gemm = p.f32 && !small ? await probeGemm(kernel, "float32") : undefined;
  if (!gemm) return finishFit(p, minimizeLbfgsb(jsObjective(p), p.x0, p.lbfgs));
  const fun = p.binary ? binomialObjectiveGemm(p.data, gemm) : multinomialObjectiveGemm(p.data, gemm);
  return finishFit(p, await minimizeLbfgsbAsync(fun, p.x0, p.lbfgs));
}

/** The JS objective: sklearn 1.9 keeps float32 X (array-API lbfgs path), so float32 input gets float32 intermediates. */
function jsObjective(p: PreparedFit): ObjectiveWithGradient {
  if (p.binary) return p.f32 ? binomialObjectiveF32(p.data) : binomialObjective(p.data);
  return p.f32 ? multinomialObjectiveF32(p.data) : multinomialObjective(p.data);
}

function prepareFit(x: Matrix, y: readonly number[], opts: LogisticRegressionOptions): PreparedFit {
  const C = opts.C ?? 1;
  const maxIter = opts.maxIter ?? 100;
  const tol = opts.tol ?? 1e-4;
  const { rows: n, cols: d } = x;
  if (n === 0) throw new EmbevalError("E_EMPTY_INPUT", "cannot fit a logistic regression on 0 samples");
  if (y.length !== n)
    throw new EmbevalError("E_SHAPE_MISMATCH", `X has ${n} rows but y has ${y.length} labels`);
  if (!(C > 0) || !(maxIter >= 1) || !(tol >= 0)) {
    throw new EmbevalError("E_INVALID_ARGUMENT", "C must be > 0, maxIter >= 1 and tol >= 0");
  }
  const classes = [...new Set(y)].sort((a, b) => a - b);
  if (classes.length < 2) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `logistic regression needs at least 2 classes, got ${classes.length}`,
      {
        hint: "sklearn raises the same ValueError; give the probe rows of at least two labels",
      },
    );
  }
  const index = new Map(classes.map((c, i) => [c, i]));
  const yIdx = Int32Array.from(y, (v) => index.get(v) ?? -1);
  const xs = Float64Array.from(x.data);
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i])) throw new EmbevalError("E_NOT_FINITE", "X contains NaN or infinity");
  }
  const K = classes.length;
  const data: LogisticData = { x: xs, n, d, y: yIdx, nClasses: K, l2RegStrength: 1.0 / (C * n) };
  const binary = K === 2;
  return {
    data,
    f32: isFloat32(x),
    binary,
    classes,
    x0: new Float64Array(binary ? d + 1 : K * (d + 1)),
    lbfgs: { maxiter: maxIter, maxls: 50, gtol: tol, ftol: FTOL },
    maxIter,
  };
}

function finishFit(p: PreparedFit, res: LbfgsbResult): LogisticRegressionModel {
  const { d, nClasses: K } = p.data;
  const w = res.x;
  let coef: Float64Array;
  let intercept: Float64Array;
  if (p.binary) {
    coef = w.slice(0, d);
    intercept = Float64Array.of(w[d]);
  } else {
    coef = new Float64Array(K * d);
    intercept = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < d; j++) coef[k * d + j] = w[j * K + k];
      intercept[k] = w[d * K + k];
    }
  }
  return makeModel(p.classes, coef, intercept, d, Math.min(res.nit, p.maxIter), res.status === 0);
}

function makeModel(
  classes: number[],
  coef: Float64Array,
  intercept: Float64Array,
  d: number,
  nIter: number,
  converged: boolean,
): LogisticRegressionModel {
  const nRows = intercept.length;
  const coef32 = Float32Array.from(coef);
  const icpt32 = Float32Array.from(intercept);
  const decisionFunction = (x: Matrix): Float64Array => {
    if (x.cols !== d) throw new EmbevalError("E_SHAPE_MISMATCH", `model has ${d} features, X has ${x.cols}`);
    const out = new Float64Array(x.rows * nRows);
    const f32 = isFloat32(x);
    const xd = x.data;
    for (let i = 0; i < x.rows; i++) {
      const o = i * d;
      // float32: four classes per pass over the row (independent rounding chains, each still j = 0..d−1)
      const k0 = f32 ? decisionF32By4(xd, o, d, coef32, icpt32, nRows, out, i * nRows) : 0;
      for (let k = k0; k < nRows; k++) {
        const co = k * d;
        let s = 0;
        if (f32) {
          for (let j = 0; j < d; j++) s = Math.fround(s + Math.fround(xd[o + j] * coef32[co + j]));
          out[i * nRows + k] = Math.fround(s + icpt32[k]);
        } else {
          for (let j = 0; j < d; j++) s += xd[o + j] * coef[co + j];
          out[i * nRows + k] = s + intercept[k];
        }
      }
    }
    return out;
  };
  const predict = (x: Matrix): number[] => {
    const dec = decisionFunction(x);
    const out: number[] = new Array(x.rows);
    for (let i = 0; i < x.rows; i++) {
      if (nRows === 1) {
        out[i] = dec[i] > 0 ? classes[1] : classes[0];
      } else {
        let best = 0;
        for (let k = 1; k < nRows; k++) if (dec[i * nRows + k] > dec[i * nRows + best]) best = k;
        out[i] = classes[best];
      }
    }
    return out;
  };
  const predictProba = (x: Matrix): Float64Array[] => {
    const dec = decisionFunction(x);
    const out: Float64Array[] = [];
    for (let i = 0; i < x.rows; i++) {
      if (nRows === 1) {
        const p = 1 / (1 + Math.exp(-dec[i]));
        out.push(Float64Array.of(1 - p, p));
      } else {
        const row = new Float64Array(nRows);
        softmaxRow(dec.subarray(i * nRows, (i + 1) * nRows), row);
        out.push(row);
      }
    }
    return out;
  };
  return {
    classes,
    coef,
    intercept,
    nFeatures: d,
    nIter,
    converged,
    decisionFunction,
    predict,
    predictProba,
  };
}

/** Float32 decision values of row `o` for classes 0 .. 4⌊rows/4⌋ − 1 in groups of four; returns the first class left. */
function decisionF32By4(
  xd: FloatArray,
  o: number,
  d: number,
  coef32: Float32Array,
  icpt32: Float32Array,
  nRows: number,
  out: Float64Array,
  oo: number,
): number {
  const f = Math.fround;
  let k = 0;
  for (; k + 3 < nRows; k += 4) {
    const c0 = k * d;
    const c1 = c0 + d;
    const c2 = c1 + d;
    const c3 = c2 + d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < d; j++) {
      const v = xd[o + j];
      s0 = f(s0 + f(v * coef32[c0 + j]));
      s1 = f(s1 + f(v * coef32[c1 + j]));
      s2 = f(s2 + f(v * coef32[c2 + j]));
      s3 = f(s3 + f(v * coef32[c3 + j]));
    }
    out[oo + k] = f(s0 + icpt32[k]);
    out[oo + k + 1] = f(s1 + icpt32[k + 1]);
    out[oo + k + 2] = f(s2 + icpt32[k + 2]);
    out[oo + k + 3] = f(s3 + icpt32[k + 3]);
  }
  return k;
}
