/** Multilabel classification (kNN probe) public surface: reproduces mteb 2.20 AbsTaskMultilabelClassification and the scikit-learn pieces it uses. */
export {
  type Binarized,
  binarize,
  compareCodePoints,
  type FittedBinarizer,
  fitBinarizer,
  fitTransform,
  type Label,
  type LabelMatrix,
  labelMatrixToRows,
  sortLabels,
} from "./binarizer.js";
export {
  evaluateMultilabel,
  type MultilabelEvaluation,
  type MultilabelExperimentScores,
  type MultilabelInputs,
  type MultilabelMetric,
  type MultilabelOptions,
  type MultilabelPlan,
  type MultilabelScores,
  planMultilabel,
  runMultilabel,
  scoreExperiment,
} from "./evaluate.js";
export { kneighbors, knnMultilabel, type Neighbours, predictFromNeighbours } from "./knn.js";
export { pythonIntSetOrder } from "./py-set-order.js";
export { hammingScore, lrap, macroF1, perLabelF1, type ScoreMatrix, subsetAccuracy } from "./scores.js";
export { type ListShuffler, undersampleExperiments, undersampleMultilabel } from "./undersample.js";
