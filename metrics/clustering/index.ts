/** Public entry of the clustering metrics: V-measure family, AMI, NMI, ARI, cluster accuracy, MiniBatchKMeans (scikit-learn 1.9 / 1.6) and mteb's fast and legacy clustering evaluators. */

export { type ProbeKernel, probeGemm } from "../kernels/probe-gemm.js";
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
  evaluateClusteringFastAsync,
  type FastClusteringOptions,
  type FastClusteringResult,
  type FastClusteringScores,
  selectDocumentsToEmbed,
} from "./evaluate-fast.js";
export {
  distinctLabelCount,
  evaluateClusteringLegacy,
  evaluateClusteringLegacyAsync,
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
export { CandidateDistances, sqDistancesToRow } from "./kmeans-candidates.js";
export { centreDots, type DotsRequest, runDotsGemm, runDotsSync } from "./kmeans-dots.js";
export { inertiaOf } from "./kmeans-inertia.js";
export { labelsInertia, labelsInertiaSteps, minibatchUpdate, rowNormBounds } from "./kmeans-kernels.js";
export {
  type KMeansPlusPlusResult,
  kmeansPlusPlus,
  kmeansPlusPlusSteps,
  rowNormsF64,
  searchRight,
  uniformChoiceCdf,
} from "./kmeans-plusplus.js";
export {
  fitMiniBatchKMeans,
  fitMiniBatchKMeansAsync,
  type MiniBatchKMeansOptions,
  type MiniBatchKMeansResult,
  miniBatchKMeansSteps,
  runKMeansSteps,
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
