/** MiniBatchKMeans.fit (k-means++, unit weights, dense); reproduces scikit-learn 1.9.1 and 1.6.1 sklearn/cluster/_kmeans.py MiniBatchKMeans and _k_means_minibatch.pyx, float32 emulated with Math.fround. */
import { EmbevalError } from "../errors.js";
import { type ProbeKernel, probeGemm } from "../kernels/probe-gemm.js";
import { type FloatArray, isFloat32, type Matrix, takeRows } from "../matrix.js";
import { RandomState } from "../rng/random-state.js";
import { type DotsRequest, runDotsGemm, runDotsSync } from "./kmeans-dots.js";
import { inertiaOf } from "./kmeans-inertia.js";
import { labelsInertiaSteps, minibatchUpdate, rowNormBounds, type Work } from "./kmeans-kernels.js";
import { kmeansPlusPlusSteps, searchRight, uniformChoiceCdf } from "./kmeans-plusplus.js";

/** Options of `fitMiniBatchKMeans` (sklearn parameter names in camelCase). */
export interface MiniBatchKMeansOptions {
  nClusters: number;
  batchSize: number;
  /** Integer seed of `np.random.RandomState`. */
  randomState: number;
  /** Number of k-means++ inits; sklearn's "auto" is 1 for k-means++. */
  nInit?: number;
  maxIter?: number;
  /** `null` disables the no-improvement stop. */
  maxNoImprovement?: number | null;
  reassignmentRatio?: number;
  initSize?: number;
  /** "1.9": batches from `choice(n, b, p=w/Σw)` (PR #30751); "1.6": batches from `randint(0, n, b)`. */
  sklearn: "1.9" | "1.6";
}

/** Fitted model: labels of every row, centres (input dtype), inertia (computed on first read), and the number of mini-batch steps. */
export interface MiniBatchKMeansResult {
  labels: Int32Array;
  centers: Matrix;
  /** Of the returned labels and centres (do not mutate them before reading it). */
  readonly inertia: number;
  nSteps: number;
}

/** Random reassignment of low-count centres (`_mini_batch_step`, `random_reassign=True`). */
function reassign(
  xb: FloatArray,
  nb: number,
  d: number,
  newC: FloatArray,
  counts: FloatArray,
  k: number,
  ratio: number,
  f32: boolean,
  rs: RandomState,
): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < k; j++) if (counts[j] > max) max = counts[j];
  // python float * np.float32 stays float32 under NEP 50 (numpy 2)
  const threshold = f32 ? Math.fround(Math.fround(ratio) * max) : ratio * max;
  const to = new Uint8Array(k);
  let nTo = 0;
  for (let j = 0; j < k; j++) {
    if (counts[j] < threshold) {
      to[j] = 1;
      nTo++;
    }
  }
  if (nTo > 0.5 * nb) {
    // np.argsort(weight_sums)[int(0.5 * batch):] keep; a stable order is used for tied counts
    const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => counts[a] - counts[b] || a - b);
    for (const j of order.slice(Math.trunc(0.5 * nb))) to[j] = 0;
    nTo = to.reduce((s, v) => s + v, 0);
  }
  if (nTo > 0) {
    const picks = rs.choiceNoReplace(nb, nTo);
    let t = 0;
    for (let j = 0; j < k; j++) {
      if (!to[j]) continue;
      newC.set(xb.subarray(picks[t] * d, (picks[t] + 1) * d), j * d);
      t++;
    }
  }
  let minKeep = Number.POSITIVE_INFINITY;
  for (let j = 0; j < k; j++) if (!to[j] && counts[j] < minKeep) minKeep = counts[j];
  for (let j = 0; j < k; j++) if (to[j]) counts[j] = minKeep;
}

/** `MiniBatchKMeans(n_clusters, batch_size, init="k-means++", random_state, ...).fit(X)` with `compute_labels=True`. */
export function fitMiniBatchKMeans(x: Matrix, opts: MiniBatchKMeansOptions): MiniBatchKMeansResult {
  return runDotsSync(miniBatchKMeansSteps(x, opts));
}

/**
 * `fitMiniBatchKMeans` with the row·centre products on onnxruntime's dgemm (`kernel` "auto"/"onnx"); the same
 * labels, centres, inertia and steps as the JS path, because float32 labels are certified against any float64
 * summation order (float64 input has no certification and always runs in JS).
 */
export async function fitMiniBatchKMeansAsync(
  x: Matrix,
  opts: MiniBatchKMeansOptions,
  kernel: ProbeKernel = "auto",
): Promise<MiniBatchKMeansResult> {
  return runKMeansSteps(miniBatchKMeansSteps(x, opts), kernel);
}

/** Runs any generator of k-means dot requests (a fit, or an evaluation made of fits) with `kernel`'s products. */
export async function runKMeansSteps<R>(
  steps: Generator<DotsRequest, R, void>,
  kernel: ProbeKernel,
): Promise<R> {
  const gemm = await probeGemm(kernel, "float64");
  if (!gemm) return runDotsSync(steps);
  return runDotsGemm(steps, gemm, kernel === "onnx" ? 0 : undefined, await probeGemm(kernel, "float32"));
}

/** The fit as a generator of float64 dot-product requests (see `labelsInertiaSteps`); run it with `runKMeansSteps`. */
export function* miniBatchKMeansSteps(
  x: Matrix,
  opts: MiniBatchKMeansOptions,
): Generator<DotsRequest, MiniBatchKMeansResult, void> {
  const n = x.rows;
  const d = x.cols;
  const k = opts.nClusters;
  if (!Number.isInteger(k) || k < 1)
    throw new EmbevalError("E_INVALID_ARGUMENT", `n_clusters must be >= 1, got ${k}`);
  if (n < k) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `n_samples=${n} should be >= n_clusters=${k}`, {
      hint: "use fewer clusters than samples",
    });
  }
  if (opts.sklearn !== "1.9" && opts.sklearn !== "1.6") {
    throw new EmbevalError("E_UNSUPPORTED", `unsupported scikit-learn behaviour ${String(opts.sklearn)}`, {
      hint: 'use "1.9" or "1.6"',
    });
  }
  const f32 = isFloat32(x);
  const maxIter = opts.maxIter ?? 100;
  const maxNoImprovement = opts.maxNoImprovement === undefined ? 10 : opts.maxNoImprovement;
  const ratio = opts.reassignmentRatio ?? 0.01;
  const nInit = opts.nInit ?? 1;
  const batch = Math.min(opts.batchSize, n);
  let initSize = opts.initSize ?? 3 * batch;
  if (initSize < k) initSize = 3 * k;
  initSize = Math.min(initSize, n);
  const rs = new RandomState(opts.randomState);
  const alloc = (len: number): FloatArray => (f32 ? new Float32Array(len) : new Float64Array(len));

  const validation = rs.randintArray(0, n, initSize);
  let centers: FloatArray | undefined;
  let bestInertia = Number.POSITIVE_INFINITY;
  for (let init = 0; init < nInit; init++) {
    const sub = initSize < n ? takeRows(x, rs.randintArray(0, n, initSize)) : x;
    const seeded = (yield* kmeansPlusPlusSteps(sub, k, rs)).centers.data;
    if (nInit === 1) {
      centers = seeded;
      break;
    }
    const xv = takeRows(x, validation);
    const inertia = yield* labelsInertiaSteps(xv.data, xv.rows, d, seeded, k, f32, new Int32Array(xv.rows));
    if (centers === undefined || inertia < bestInertia) {
      centers = seeded;
      bestInertia = inertia;
    }
  }
  let cur = centers ?? alloc(k * d);
  let next = alloc(k * d);
  const counts = alloc(k);
  let ewa: number | null = null;
  let ewaMin: number | null = null;
  let noImprovement = 0;
  let sinceReassign = 0;
  const nSteps = Math.floor((maxIter * n) / batch);

  // 1.9: choice(n, batch, p=normalized_sample_weight) draws batch random_samples against this cdf
  const cdf = opts.sklearn === "1.9" ? uniformChoiceCdf(n, f32) : undefined;
  const xb = alloc(batch * d);
  const labelsB = new Int32Array(batch);
  const work: Work = { cnorm: new Float64Array(k), cabs: new Float64Array(k), vals: new Float64Array(k) };
  const idx = new Int32Array(batch);
  // float32 certification needs ‖x‖ of every assigned row: computed once here instead of at every assignment
  const norms = f32 ? rowNormBounds(x.data, n, d) : undefined;
  const normsB = new Float64Array(batch);
  let step = 0;
  for (; step < nSteps; step++) {
    if (cdf) {
      for (let b = 0; b < batch; b++) idx[b] = searchRight(cdf, rs.randomSample());
    } else {
      idx.set(rs.randintArray(0, n, batch));
    }
    for (let b = 0; b < batch; b++) xb.set(x.data.subarray(idx[b] * d, (idx[b] + 1) * d), b * d);
    if (norms) for (let b = 0; b < batch; b++) normsB[b] = norms[idx[b]];
    sinceReassign += batch;
    let doReassign = false;
    if (counts.some((c) => c === 0) || sinceReassign >= 10 * k) {
      sinceReassign = 0;
      doReassign = true;
    }
    let batchInertia = yield* labelsInertiaSteps(xb, batch, d, cur, k, f32, labelsB, work, norms && normsB);
    minibatchUpdate(xb, batch, d, labelsB, cur, next, counts, k, f32);
    if (doReassign && ratio > 0) reassign(xb, batch, d, next, counts, k, ratio, f32, rs);
    const swap = cur;
    cur = next;
    next = swap;
    // _mini_batch_convergence (tol = 0)
    batchInertia /= batch;
    if (step === 0) continue;
    if (ewa === null) ewa = batchInertia;
    else {
      const alpha = Math.min((batch * 2.0) / (n + 1), 1);
      ewa = ewa * (1 - alpha) + batchInertia * alpha;
    }
    if (ewaMin === null || ewa < ewaMin) {
      noImprovement = 0;
      ewaMin = ewa;
    } else noImprovement++;
    if (maxNoImprovement !== null && noImprovement >= maxNoImprovement) {
      step++;
      break;
    }
  }
  const labels = new Int32Array(n);
  yield* labelsInertiaSteps(x.data, n, d, cur, k, f32, labels, work, norms, true);
  // the final inertia (a float32 pass over all rows) is computed when first read: the evaluators only use labels
  let inertia: number | undefined;
  const final = cur;
  return {
    labels,
    centers: { rows: k, cols: d, data: final },
    get inertia(): number {
      inertia ??= inertiaOf(x.data, n, d, final, labels, f32);
      return inertia;
    },
    nSteps: Math.max(step, 1),
  };
}
