/** Classification probe (mteb AbsTaskClassification): L-BFGS-B logistic regression, sklearn metrics, undersampling, evaluator. */
export {
  type ClassificationEvalInput,
  type ClassificationEvalResult,
  type ClassificationMeanScores,
  evaluateClassification,
} from "./evaluate.js";
export {
  type LbfgsbOptions,
  type LbfgsbResult,
  minimizeLbfgsb,
  type ObjectiveWithGradient,
} from "./lbfgsb.js";
export { binomialObjective, type LogisticData, multinomialObjective, softmaxRow } from "./logistic-loss.js";
export { binomialObjectiveF32, multinomialObjectiveF32 } from "./logistic-loss-f32.js";
export {
  fitLogisticRegression,
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
