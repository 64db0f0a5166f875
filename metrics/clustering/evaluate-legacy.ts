/** mteb's legacy clustering evaluator; reproduces mteb 2.20 mteb/abstasks/clustering_legacy.py AbsTaskClusteringLegacy._evaluate_subset / _compute_metrics and mteb/_evaluators/clustering_evaluator.py. */
import { EmbevalError } from "../errors.js";
import type { ProbeKernel } from "../kernels/probe-gemm.js";
import type { Matrix } from "../matrix.js";
import { npMean, npStd } from "../numeric.js";
import { clusterAccuracy } from "./cluster-accuracy.js";
import type { Label } from "./contingency.js";
import { type DotsRequest, runDotsSync } from "./kmeans-dots.js";
import { miniBatchKMeansSteps, runKMeansSteps } from "./minibatch-kmeans.js";
import { adjustedRandIndex, normalizedMutualInfo } from "./nmi-ari.js";
import { vMeasure } from "./v-measure.js";

/** Evaluator settings: `clustering_batch_size` (500) and the evaluator seed (42, not the task seed). */
export interface LegacyClusteringOptions {
  batchSize?: number;
  seed?: number;
  sklearn: "1.9" | "1.6";
}

/** One cluster set (one dataset row). `embeddings` may be omitted when the set has ≤ 1 distinct label. */
export interface LegacyClusterSet {
  labels: readonly Label[];
  embeddings?: Matrix;
}

/** Outcome of one cluster set. */
export interface LegacySetResult {
  v_measure: number;
  /** True when the set had ≤ 1 distinct label and was not clustered (v_measure = 1.0). */
  skippedSingleLabel: boolean;
  nClusters: number;
  predicted?: Int32Array;
}

/** The text-path score dict (`v_measure` mean, population std, per-set list) plus per-set details. */
export interface LegacyClusteringResult {
  scores: { v_measure: number; v_measure_std: number; v_measures: number[]; main_score: number };
  perSet: LegacySetResult[];
}

/** Number of clusters mteb asks for: `len(set(labels))` (1 and "1" are distinct, like Python). */
export function distinctLabelCount(labels: readonly Label[]): number {
  return new Set(labels).size;
}

/** True if mteb encodes this set (it skips sets with ≤ 1 distinct label). */
export function legacySetNeedsEmbedding(labels: readonly Label[]): boolean {
  return distinctLabelCount(labels) > 1;
}

/** `ClusteringEvaluator.__call__`: MiniBatchKMeans(k=len(set(labels)), batch_size, n_init="auto") labels_. */
export function legacyClusterAssignments(
  embeddings: Matrix,
  labels: readonly Label[],
  opts: LegacyClusteringOptions,
): Int32Array {
  return runDotsSync(assignmentSteps(embeddings, labels, opts));
}

function* assignmentSteps(
  embeddings: Matrix,
  labels: readonly Label[],
  opts: LegacyClusteringOptions,
): Generator<DotsRequest, Int32Array, void> {
  if (embeddings.rows !== labels.length) {
    throw new EmbevalError("E_SHAPE_MISMATCH", `${embeddings.rows} embeddings but ${labels.length} labels`);
  }
  const fit = yield* miniBatchKMeansSteps(embeddings, {
    nClusters: distinctLabelCount(labels),
    batchSize: opts.batchSize ?? 500,
    randomState: opts.seed ?? 42,
    nInit: 1,
    sklearn: opts.sklearn,
  });
  return fit.labels;
}

/** Text path: one clustering per cluster set, then mean / population std of the per-set V-measures. */
export function evaluateClusteringLegacy(
  sets: readonly LegacyClusterSet[],
  opts: LegacyClusteringOptions,
): LegacyClusteringResult {
  return runDotsSync(legacySteps(sets, opts));
}

/** `evaluateClusteringLegacy` with the k-means products on onnxruntime's dgemm (`kernel`); identical results. */
export function evaluateClusteringLegacyAsync(
  sets: readonly LegacyClusterSet[],
  opts: LegacyClusteringOptions,
  kernel: ProbeKernel = "auto",
): Promise<LegacyClusteringResult> {
  return runKMeansSteps(legacySteps(sets, opts), kernel);
}

function* legacySteps(
  sets: readonly LegacyClusterSet[],
  opts: LegacyClusteringOptions,
): Generator<DotsRequest, LegacyClusteringResult, void> {
  if (sets.length === 0) throw new EmbevalError("E_EMPTY_INPUT", "no cluster sets");
  const perSet: LegacySetResult[] = [];
  for (const [i, set] of sets.entries()) {
    const k = distinctLabelCount(set.labels);
    if (k <= 1) {
      perSet.push({ v_measure: 1.0, skippedSingleLabel: true, nClusters: k });
      continue;
    }
    if (!set.embeddings) {
      throw new EmbevalError("E_INVALID_ARGUMENT", `cluster set ${i} has ${k} labels but no embeddings`, {
        hint: "embed every set with more than one distinct label",
      });
    }
    const predicted = yield* assignmentSteps(set.embeddings, set.labels, opts);
    perSet.push({
      v_measure: vMeasure(set.labels, predicted),
      skippedSingleLabel: false,
      nClusters: k,
      predicted,
    });
  }
  const v = perSet.map((s) => s.v_measure);
  const mean = npMean(v);
  return { scores: { v_measure: mean, v_measure_std: npStd(v), v_measures: v, main_score: mean }, perSet };
}

/** Full metric dict of the non-text path (`_compute_metrics`). */
export interface LegacyFullMetrics {
  v_measure: number;
  nmi: number;
  ari: number;
  cluster_accuracy: number;
}

/** `_compute_metrics(labels, assignment)`: V-measure, NMI, ARI and Hungarian cluster accuracy. */
export function legacyComputeMetrics(
  labels: readonly Label[],
  assignment: ArrayLike<Label>,
): LegacyFullMetrics {
  if (labels.some((l) => typeof l === "string")) {
    throw new EmbevalError("E_UNSUPPORTED", "mteb's non-text clustering path fails on string labels", {
      hint: "use integer labels (mteb's confusion_matrix mixes them with integer cluster ids)",
    });
  }
  return {
    v_measure: vMeasure(labels, assignment),
    nmi: normalizedMutualInfo(labels, assignment),
    ari: adjustedRandIndex(labels, assignment),
    cluster_accuracy: clusterAccuracy(labels, assignment),
  };
}

/** Non-text path: the whole split is one clustering; returns the four metrics and the assignment. */
export function evaluateClusteringLegacyFull(
  embeddings: Matrix,
  labels: readonly Label[],
  opts: LegacyClusteringOptions,
): LegacyFullMetrics & { predicted: Int32Array } {
  const predicted = legacyClusterAssignments(embeddings, labels, opts);
  return { ...legacyComputeMetrics(labels, predicted), predicted };
}
