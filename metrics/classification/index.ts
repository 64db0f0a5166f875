/** Classification probe (mteb AbsTaskClassification): L-BFGS-B logistic regression, sklearn metrics, undersampling, evaluator. */
export {
  type ClassificationEvalInput,
  type ClassificationEvalResult,
  type ClassificationMeanScores,
  evaluateClassification,
  evaluateClassificationAsync,
} from "./evaluate.js";
export {
  type AsyncObjectiveWithGradient,
  type LbfgsbOptions,
  type LbfgsbResult,
  minimizeLbfgsb,
  minimizeLbfgsbAsync,
  type ObjectiveWithGradient,
} from "./lbfgsb.js";
export { binomialObjective, type LogisticData, multinomialObjective, softmaxRow } from "./logistic-loss.js";
export { binomialObjectiveF32, multinomialObjectiveF32 } from "./logistic-loss-f32.js";
export { binomialObjectiveGemm, multinomialObjectiveGemm } from "./logistic-loss-gemm.js";
export {
  fitLogisticRegression,
  fitLogisticRegressionAsync,
  type LogisticRegressionModel,
  type LogisticRegressionOptions,
} from "./logistic-regression.js";
export {
  accuracyScore,
  type ClassificationScores,
  classificationScores,
  type PrfAverages,
  precisionRecallF1,
} from "./scores.js";
export { type UndersampleStep, undersampleExperiments, undersampleStep } from "./undersample.js";
