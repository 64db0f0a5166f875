/** Public entry of the clustering metrics: V-measure family, AMI, NMI, ARI, cluster accuracy, MiniBatchKMeans (scikit-learn 1.9 / 1.6) and mteb's fast and legacy clustering evaluators. */
export { adjustedMutualInfo, amiFromContingency, expectedMutualInformation, lgamma } from "./ami.js";
export { clusterAccuracy, linearSumAssignmentMax } from "./cluster-accuracy.js";
export {
  type Contingency,
  contingencyFromCodes,
  contingencyMatrix,
  denseContingency,
  type EncodedLabels,
  encodeLabels,
  type Label,
} from "./contingency.js";
export {
  evaluateClusteringFast,
  type FastClusteringOptions,
  type FastClusteringResult,
  type FastClusteringScores,
  selectDocumentsToEmbed,
} from "./evaluate-fast.js";
export {
  distinctLabelCount,
  evaluateClusteringLegacy,
  evaluateClusteringLegacyFull,
  type LegacyClusteringOptions,
  type LegacyClusteringResult,
  type LegacyClusterSet,
  type LegacyFullMetrics,
  type LegacySetResult,
  legacyClusterAssignments,
  legacyComputeMetrics,
  legacySetNeedsEmbedding,
} from "./evaluate-legacy.js";
export { labelsInertia, minibatchUpdate } from "./kmeans-kernels.js";
export {
  type KMeansPlusPlusResult,
  kmeansPlusPlus,
  rowNormsF64,
  searchRight,
  uniformChoiceCdf,
} from "./kmeans-plusplus.js";
export {
  fitMiniBatchKMeans,
  type MiniBatchKMeansOptions,
  type MiniBatchKMeansResult,
} from "./minibatch-kmeans.js";
export {
  adjustedRandIndex,
  ariFromContingency,
  nmiFromContingency,
  normalizedMutualInfo,
  pairConfusionMatrix,
} from "./nmi-ari.js";
export {
  entropyFromCounts,
  homogeneityCompletenessVMeasure,
  mutualInfoFromContingency,
  type VMeasureScores,
  vMeasure,
  vMeasureFromContingency,
} from "./v-measure.js";
