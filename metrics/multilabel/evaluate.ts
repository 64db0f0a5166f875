/** The multilabel kNN-probe evaluator: reproduces mteb 2.20 mteb/abstasks/multilabel_classification.py `_evaluate_subset` / `_calculate_scores` (KNeighborsClassifier(5), test-fitted MultiLabelBinarizer, np.mean over experiments). */
import { EmbevalError } from "../errors.js";
import { type Matrix, takeRows } from "../matrix.js";
import { npMean } from "../numeric.js";
import { binarize, compareCodePoints, fitBinarizer, type Label, type LabelMatrix } from "./binarizer.js";
import { knnMultilabel } from "./knn.js";
import { pythonIntSetOrder } from "./py-set-order.js";
import { hammingScore, lrap, macroF1, subsetAccuracy } from "./scores.js";
import { type ListShuffler, undersampleExperiments } from "./undersample.js";

/** Score names a multilabel task can use as main score. */
export type MultilabelMetric = "accuracy" | "lrap" | "f1" | "hamming";

/** Evaluator settings (mteb defaults: 10 experiments, 8 samples per label, 5 neighbours, main score accuracy). */
export interface MultilabelOptions {
  readonly nExperiments?: number;
  readonly samplesPerLabel?: number;
  readonly nNeighbors?: number;
  readonly mainScore?: MultilabelMetric;
}

/** The scores of one experiment, in mteb's key order. */
export interface MultilabelExperimentScores {
  accuracy: number;
  lrap: number;
  f1: number;
  hamming: number;
}

/** mteb's subset score dict: per-experiment list, np.mean of each metric, and the main score. */
export interface MultilabelScores extends MultilabelExperimentScores {
  scores_per_experiment: MultilabelExperimentScores[];
  main_score: number;
}

/** Which training rows each experiment uses, and the unique rows to encode (in Python `list(set(...))` order). */
export interface MultilabelPlan {
  readonly experiments: number[][];
  readonly uniqueTrainIndices: number[];
}

/** Everything the evaluator computed, for diagnostics and parity tests. */
export interface MultilabelEvaluation {
  readonly scores: MultilabelScores;
  readonly binarizerClasses: Label[];
  /** Labels of the selected training rows that are not test labels (dropped by the binarizer; mteb warns). */
  readonly trainLabelsNotInTest: Label[];
  /** Per experiment, per test row: the original training-row indices of the k neighbours, nearest first. */
  readonly neighbours: number[][][];
  readonly predictions: LabelMatrix[];
}

/** Inputs of `evaluateMultilabel`. `trainEmbeddings` rows are aligned with `plan.uniqueTrainIndices`. */
export interface MultilabelInputs {
  readonly plan: MultilabelPlan;
  readonly trainLabels: readonly (readonly Label[])[];
  readonly trainEmbeddings: Matrix;
  readonly testEmbeddings: Matrix;
  readonly testLabels: readonly (readonly Label[])[];
}

/** Draw every experiment's training rows from the task generator (advancing it) and list the rows to encode. */
export function planMultilabel(
  trainLabels: readonly (readonly Label[])[],
  rng: ListShuffler,
  options: MultilabelOptions = {},
): MultilabelPlan {
  const experiments = undersampleExperiments(
    trainLabels,
    options.samplesPerLabel ?? 8,
    options.nExperiments ?? 10,
    rng,
  );
  return { experiments, uniqueTrainIndices: pythonIntSetOrder(experiments.flat()) };
}

/** Score one experiment like `_calculate_scores` with the kNN classifier (LRAP on the hard predictions). */
export function scoreExperiment(yTest: LabelMatrix, yPred: LabelMatrix): MultilabelExperimentScores {
  return {
    accuracy: subsetAccuracy(yTest, yPred),
    lrap: lrap(yTest, yPred),
    f1: macroF1(yTest, yPred),
    hamming: hammingScore(yTest, yPred),
  };
}

/** Run every experiment of the plan: fit kNN on its rows (selection order), predict the whole test split, score. */
export function evaluateMultilabel(
  inputs: MultilabelInputs,
  options: MultilabelOptions = {},
): MultilabelEvaluation {
  const { plan, trainLabels, trainEmbeddings, testEmbeddings, testLabels } = inputs;
  const k = options.nNeighbors ?? 5;
  const main = options.mainScore ?? "accuracy";
  if (trainEmbeddings.rows !== plan.uniqueTrainIndices.length) {
    throw new EmbevalError(
      "E_SHAPE_MISMATCH",
      `${trainEmbeddings.rows} training embeddings for ${plan.uniqueTrainIndices.length} unique training rows`,
    );
  }
  if (testEmbeddings.rows !== testLabels.length) {
    throw new EmbevalError(
      "E_SHAPE_MISMATCH",
      `${testEmbeddings.rows} test embeddings for ${testLabels.length} label rows`,
    );
  }
  if (plan.experiments.length === 0) throw new EmbevalError("E_EMPTY_INPUT", "no experiments to run");
  const position = new Map<number, number>();
  plan.uniqueTrainIndices.forEach((idx, p) => {
    position.set(idx, p);
  });
  const binarizer = fitBinarizer(testLabels);
  const yTest = binarize(binarizer, testLabels).matrix;
  const unknown = new Set<Label>();
  const perExperiment: MultilabelExperimentScores[] = [];
  const neighbours: number[][][] = [];
  const predictions: LabelMatrix[] = [];
  for (const selected of plan.experiments) {
    const rows = selected.map((idx) => {
      const p = position.get(idx);
      if (p === undefined)
        throw new EmbevalError("E_INVALID_ARGUMENT", `training row ${idx} is not in uniqueTrainIndices`);
      return p;
    });
    const xTrain = takeRows(trainEmbeddings, rows);
    const yTrainB = binarize(
      binarizer,
      selected.map((idx) => trainLabels[idx]),
    );
    for (const l of yTrainB.unknown) unknown.add(l);
    const { neighbours: nb, predictions: yPred } = knnMultilabel(xTrain, yTrainB.matrix, testEmbeddings, k);
    const perRow: number[][] = [];
    for (let q = 0; q < nb.queries; q++) {
      perRow.push(Array.from(nb.index.subarray(q * k, (q + 1) * k), (pos) => selected[pos]));
    }
    neighbours.push(perRow);
    predictions.push(yPred);
    perExperiment.push(scoreExperiment(yTest, yPred));
  }
  const mean = (key: MultilabelMetric) => npMean(perExperiment.map((s) => s[key]));
  const avg: MultilabelExperimentScores = {
    accuracy: mean("accuracy"),
    lrap: mean("lrap"),
    f1: mean("f1"),
    hamming: mean("hamming"),
  };
  const scores: MultilabelScores = { scores_per_experiment: perExperiment, ...avg, main_score: avg[main] };
  return {
    scores,
    binarizerClasses: [...binarizer.classes],
    trainLabelsNotInTest: [...unknown].sort((a, b) => compareCodePoints(String(a), String(b))),
    neighbours,
    predictions,
  };
}

/** Convenience: plan with the task generator, take the planned rows from a full training matrix, evaluate. */
export function runMultilabel(
  data: {
    readonly trainEmbeddings: Matrix;
    readonly trainLabels: readonly (readonly Label[])[];
    readonly testEmbeddings: Matrix;
    readonly testLabels: readonly (readonly Label[])[];
  },
  rng: ListShuffler,
  options: MultilabelOptions = {},
): MultilabelEvaluation & { plan: MultilabelPlan } {
  if (data.trainEmbeddings.rows !== data.trainLabels.length) {
    throw new EmbevalError(
      "E_SHAPE_MISMATCH",
      `${data.trainEmbeddings.rows} training embeddings for ${data.trainLabels.length} label rows`,
    );
  }
  const plan = planMultilabel(data.trainLabels, rng, options);
  const trainEmbeddings = takeRows(data.trainEmbeddings, plan.uniqueTrainIndices);
  const evaluation = evaluateMultilabel(
    {
      plan,
      trainLabels: data.trainLabels,
      trainEmbeddings,
      testEmbeddings: data.testEmbeddings,
      testLabels: data.testLabels,
    },
    options,
  );
  return { ...evaluation, plan };
}
