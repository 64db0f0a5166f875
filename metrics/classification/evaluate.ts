/** mteb classification evaluator from embeddings: reproduces mteb 2.20 AbsTaskClassification (undersampling, LogisticRegression probe per experiment, mean scores). */

import { EmbevalError } from "../errors.js";
import type { ProbeKernel } from "../kernels/probe-gemm.js";
import { type Matrix, takeRows } from "../matrix.js";
import { npMean } from "../numeric.js";
import {
  fitLogisticRegression,
  fitLogisticRegressionAsync,
  type LogisticRegressionModel,
} from "./logistic-regression.js";
import { type ClassificationScores, classificationScores } from "./scores.js";
import { undersampleExperiments } from "./undersample.js";

/**
 * Inputs: train embeddings and the whole eval split's. By default row i of `trainEmbeddings` is train row i; with
 * `trainRows`, row r holds train row `trainRows[r]` (mteb encodes only the sorted union of the selected rows).
 */
export interface ClassificationEvalInput {
  trainEmbeddings: Matrix;
  trainRows?: readonly number[];
  trainLabels: readonly number[];
  testEmbeddings: Matrix;
  testLabels: readonly number[];
  /** Default 10. */
  nExperiments?: number;
  /** Default 8. */
  samplesPerLabel?: number;
  /** Seed of the per-experiment RandomState. Default 42. */
  seed?: number;
  /** LogisticRegression max_iter. Default 100. */
  maxIter?: number;
  /** Which mean becomes main_score. Default "accuracy". */
  mainScore?: keyof Omit<ClassificationScores, "ap" | "ap_weighted">;
}

/** Mean scores (float(np.mean) over experiments); ap/ap_weighted are NaN when no experiment had one. */
export interface ClassificationMeanScores {
  accuracy: number;
  f1: number;
  f1_weighted: number;
  precision: number;
  precision_weighted: number;
  recall: number;
  recall_weighted: number;
  ap: number;
  ap_weighted: number;
  main_score: number;
  scores_per_experiment: ClassificationScores[];
}

/** The evaluator's result plus the intermediate values the oracle records. */
export interface ClassificationEvalResult {
  scores: ClassificationMeanScores;
  selectedTrainIndices: number[][];
  predictions: number[][];
  /** sklearn n_iter_ of each experiment's fit. */
  nIter: number[];
}

const METRICS = [
  "accuracy",
  "f1",
  "f1_weighted",
  "precision",
  "precision_weighted",
  "recall",
  "recall_weighted",
] as const;

function embeddedRow(rowOf: ReadonlyMap<number, number>, i: number): number {
  const r = rowOf.get(i);
  if (r === undefined) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `train row ${i} was selected but not embedded`, {
      hint: "embed the union of undersampleExperiments(...) rows",
    });
  }
  return r;
}

/** Run mteb's classification evaluation: n_experiments undersampled LogisticRegression fits scored on the eval split. */
export function evaluateClassification(input: ClassificationEvalInput): ClassificationEvalResult {
  const run = startRun(input);
  for (const sel of run.selectedTrainIndices) {
    const [x, y] = run.experimentData(sel);
    run.record(fitLogisticRegression(x, y, { maxIter: input.maxIter ?? 100 }));
  }
  return run.finish();
}

/**
 * `evaluateClassification` with the probes fitted by `fitLogisticRegressionAsync` (`kernel` "auto": onnxruntime's
 * sgemm for large float32 fits, else the JS path; see there for how its rounding differs).
 */
export async function evaluateClassificationAsync(
  input: ClassificationEvalInput,
  kernel: ProbeKernel = "auto",
): Promise<ClassificationEvalResult> {
  const run = startRun(input);
  for (const sel of run.selectedTrainIndices) {
    const [x, y] = run.experimentData(sel);
    run.record(await fitLogisticRegressionAsync(x, y, { maxIter: input.maxIter ?? 100 }, kernel));
  }
  return run.finish();
}

/** One evaluation in progress: validated input, the experiments' rows, and per-experiment results so far. */
interface Run {
  selectedTrainIndices: number[][];
  experimentData(sel: number[]): [Matrix, number[]];
  record(model: LogisticRegressionModel): void;
  finish(): ClassificationEvalResult;
}

function startRun(input: ClassificationEvalInput): Run {
  const { trainEmbeddings: xTrain, trainLabels, testEmbeddings: xTest, testLabels } = input;
  const nExperiments = input.nExperiments ?? 10;
  const samplesPerLabel = input.samplesPerLabel ?? 8;
  const seed = input.seed ?? 42;
  const mainScore = input.mainScore ?? "accuracy";
  const rowOf = input.trainRows ? new Map(input.trainRows.map((t, r) => [t, r])) : undefined;
  if (input.trainRows && input.trainRows.length !== xTrain.rows) {
    throw new EmbevalError(
      "E_SHAPE_MISMATCH",
      `${xTrain.rows} train embeddings but ${input.trainRows.length} train rows`,
    );
  }
  if (!rowOf && xTrain.rows !== trainLabels.length) {
    throw new EmbevalError(
      "E_SHAPE_MISMATCH",
      `${xTrain.rows} train embeddings but ${trainLabels.length} train labels`,
    );
  }
  if (xTest.rows !== testLabels.length) {
    throw new EmbevalError(
      "E_SHAPE_MISMATCH",
      `${xTest.rows} test embeddings but ${testLabels.length} test labels`,
    );
  }
  if (xTrain.cols !== xTest.cols) {
    throw new EmbevalError(
      "E_EMBEDDING_DIM",
      `train embeddings have ${xTrain.cols} dims, test ${xTest.cols}`,
    );
  }
  if (!Number.isInteger(nExperiments) || nExperiments < 1) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `n_experiments must be a positive integer, got ${nExperiments}`,
    );
  }
  const selectedTrainIndices = undersampleExperiments(trainLabels, samplesPerLabel, nExperiments, seed);
  const perExp: ClassificationScores[] = [];
  const predictions: number[][] = [];
  const nIter: number[] = [];
  const experimentData = (sel: number[]): [Matrix, number[]] => [
    takeRows(xTrain, rowOf ? sel.map((i) => embeddedRow(rowOf, i)) : sel),
    sel.map((i) => trainLabels[i]),
  ];
  const record = (model: LogisticRegressionModel): void => {
    const pred = model.predict(xTest);
    predictions.push(pred);
    nIter.push(model.nIter);
    perExp.push(classificationScores(testLabels, pred));
  };
  const finish = (): ClassificationEvalResult => {
    const mean = (key: keyof ClassificationScores): number => {
      const vals = perExp.map((s) => s[key]);
      if (vals.every((v) => v === null)) return Number.NaN;
      return npMean(vals.map((v) => (v === null ? Number.NaN : v)));
    };
    const out = {} as Record<string, number>;
    for (const k of METRICS) out[k] = mean(k);
    const scores: ClassificationMeanScores = {
      accuracy: out.accuracy,
      f1: out.f1,
      f1_weighted: out.f1_weighted,
      precision: out.precision,
      precision_weighted: out.precision_weighted,
      recall: out.recall,
      recall_weighted: out.recall_weighted,
      ap: mean("ap"),
      ap_weighted: mean("ap_weighted"),
      main_score: out[mainScore],
      scores_per_experiment: perExp,
    };
    return { scores, selectedTrainIndices, predictions, nIter };
  };
  return { selectedTrainIndices, experimentData, record, finish };
}
