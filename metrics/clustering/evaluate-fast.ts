/** mteb's fast (bootstrapped) clustering evaluator; reproduces mteb 2.20 mteb/abstasks/clustering.py AbsTaskClustering._evaluate_subset and _evaluate_clustering_bootstrapped (v_measure + AMI). */
import { EmbevalError } from "../errors.js";
import type { ProbeKernel } from "../kernels/probe-gemm.js";
import { type Matrix, takeRows } from "../matrix.js";
import { npMean, npStd } from "../numeric.js";
import type { PythonRandom } from "../rng/python-random.js";
import { amiFromContingency } from "./ami.js";
import { contingencyFromCodes, encodeLabels, type Label } from "./contingency.js";
import { type DotsRequest, runDotsSync } from "./kmeans-dots.js";
import { miniBatchKMeansSteps, runKMeansSteps } from "./minibatch-kmeans.js";
import { vMeasureFromContingency } from "./v-measure.js";

/** Task-level settings of `AbsTaskClustering` (class defaults when omitted). */
export interface FastClusteringOptions {
  /** Default 0.04; `null` with `maxDocumentToEmbed` null embeds everything. */
  maxFractionOfDocumentsToEmbed?: number | null;
  maxDocumentToEmbed?: number | null;
  /** Number of bootstrap draws per level (mteb's `n_clusters`), default 10. */
  nClusters?: number;
  /** Bootstrap sample size, default 16384. */
  maxDocumentsPerCluster?: number;
  kMeanBatchSize?: number;
  maxDepth?: number | null;
  /** MiniBatchKMeans random_state (the task seed), default 42. */
  seed?: number;
  /** scikit-learn behaviour of MiniBatchKMeans. */
  sklearn: "1.9" | "1.6";
}

/** The score dict mteb stores for one subset. */
export interface FastClusteringScores {
  v_measures: Record<string, number[]>;
  v_measure: number;
  v_measure_std: number;
  ami_scores: Record<string, number[]>;
  ami: number;
  ami_std: number;
  main_score: number;
}

/** Scores plus the bootstrap draws and cluster assignments (per level, per draw). */
export interface FastClusteringResult {
  scores: FastClusteringScores;
  draws: Record<string, number[][]>;
  assignments: Record<string, Int32Array[]>;
}

/**
 * Step 1 of `_evaluate_subset`: the indices of the documents to embed, drawn with the task's shared
 * `rng.sample(range(N), k)`; `null` when both limits are null (embed all, no draw).
 */
export function selectDocumentsToEmbed(
  nDocs: number,
  opts: FastClusteringOptions,
  rng: PythonRandom,
): number[] | null {
  const fraction =
    opts.maxFractionOfDocumentsToEmbed === undefined ? 0.04 : opts.maxFractionOfDocumentsToEmbed;
  const maxDocs = opts.maxDocumentToEmbed ?? null;
  if (maxDocs !== null && fraction !== null) {
    throw new EmbevalError(
      "E_CONFIG",
      "both max_document_to_embed and max_fraction_of_documents_to_embed are set",
      {
        hint: "set only one of them",
      },
    );
  }
  if (maxDocs === null && fraction === null) return null;
  let k = fraction !== null ? Math.trunc(fraction * nDocs) : (maxDocs as number);
  k = Math.min(nDocs, k);
  return rng.sample(nDocs, k);
}

/** Level labels with mteb's numpy semantics: missing → -1 (int) dropped, unless the array is a string array. */
function levelLabels(labels: Label[][], level: number): { keep: number[]; values: Label[] } {
  const raw: Label[] = labels.map((l) => (l.length > level ? l[level] : -1));
  const asString = raw.some((v) => typeof v === "string");
  const keep: number[] = [];
  const values: Label[] = [];
  raw.forEach((v, i) => {
    const val = asString ? String(v) : v;
    if (val !== -1) {
      keep.push(i);
      values.push(val);
    }
  });
  return { keep, values };
}

/**
 * `_evaluate_clustering_bootstrapped` on already embedded (and downsampled) documents. `rng` is the task's
 * shared `random.Random(seed)`: it is advanced by `n_clusters` `choices(range(n_level), k)` calls per level.
 */
export function evaluateClusteringFast(
  embeddings: Matrix,
  labels: ReadonlyArray<Label | Label[]>,
  rng: PythonRandom,
  opts: FastClusteringOptions,
): FastClusteringResult {
  return runDotsSync(fastSteps(embeddings, labels, rng, opts));
}

/** `evaluateClusteringFast` with the k-means products on onnxruntime's dgemm (`kernel`); identical results. */
export function evaluateClusteringFastAsync(
  embeddings: Matrix,
  labels: ReadonlyArray<Label | Label[]>,
  rng: PythonRandom,
  opts: FastClusteringOptions,
  kernel: ProbeKernel = "auto",
): Promise<FastClusteringResult> {
  return runKMeansSteps(fastSteps(embeddings, labels, rng, opts), kernel);
}

function* fastSteps(
  embeddings: Matrix,
  labels: ReadonlyArray<Label | Label[]>,
  rng: PythonRandom,
  opts: FastClusteringOptions,
): Generator<DotsRequest, FastClusteringResult, void> {
  if (embeddings.rows !== labels.length) {
    throw new EmbevalError("E_SHAPE_MISMATCH", `${embeddings.rows} embeddings but ${labels.length} labels`);
  }
  if (labels.length === 0) throw new EmbevalError("E_EMPTY_INPUT", "no documents to cluster");
  const nDraws = opts.nClusters ?? 10;
  const size = opts.maxDocumentsPerCluster ?? 16384;
  const batchSize = opts.kMeanBatchSize ?? 512;
  const seed = opts.seed ?? 42;
  const wrapped = labels.map((l) => (Array.isArray(l) ? l : [l]));
  let depth = wrapped.reduce((m, l) => Math.max(m, l.length), 0);
  if (opts.maxDepth !== undefined && opts.maxDepth !== null) depth = Math.min(opts.maxDepth, depth);
  const vMeasures: Record<string, number[]> = {};
  const amis: Record<string, number[]> = {};
  const draws: Record<string, number[][]> = {};
  const assignments: Record<string, Int32Array[]> = {};
  for (let level = 0; level < depth; level++) {
    const key = `Level ${level}`;
    const { keep, values } = levelLabels(wrapped, level);
    const levelEmb = takeRows(embeddings, keep);
    const enc = encodeLabels(values);
    const k = enc.classes.length;
    vMeasures[key] = [];
    amis[key] = [];
    draws[key] = [];
    assignments[key] = [];
    for (let r = 0; r < nDraws; r++) {
      const idx = rng.choices(keep.length, size);
      const x = takeRows(levelEmb, idx);
      const fit = yield* miniBatchKMeansSteps(x, {
        nClusters: k,
        batchSize,
        randomState: seed,
        nInit: 1,
        sklearn: opts.sklearn,
      });
      const trueCodes = new Int32Array(idx.length);
      for (let i = 0; i < idx.length; i++) trueCodes[i] = enc.codes[idx[i]];
      const pred = encodeLabels(Array.from(fit.labels));
      // re-encode the drawn true labels so absent classes do not appear as empty rows
      const drawn = encodeLabels(Array.from(trueCodes));
      const c = contingencyFromCodes(drawn.codes, drawn.classes.length, pred.codes, pred.classes.length);
      vMeasures[key].push(vMeasureFromContingency(c).vMeasure);
      amis[key].push(amiFromContingency(c));
      draws[key].push(idx);
      assignments[key].push(fit.labels);
    }
  }
  const allV = Object.values(vMeasures).flat();
  const allA = Object.values(amis).flat();
  const vMean = npMean(allV);
  return {
    scores: {
      v_measures: vMeasures,
      v_measure: vMean,
      v_measure_std: npStd(allV),
      ami_scores: amis,
      ami: npMean(allA),
      ami_std: npStd(allA),
      main_score: vMean,
    },
    draws,
    assignments,
  };
}
