/** mteb 2.20.0 class defaults of the per-kind task flags (mteb/abstasks/*.py; spec mteb-evaluators.md §4.1, §7, §9.1, §10, §11.1–11.2, §12, §13). */

/** mteb's defaults for the flags a task class may override (spec §4–13). */
export const TASK_DEFAULTS = {
  retrieval: {
    kValues: [1, 3, 5, 10, 20, 100, 1000] as readonly number[],
    ignoreIdenticalIds: false,
    skipFirstResult: false,
  },
  sts: {
    minScore: 0,
    maxScore: 5,
    columnNames: ["sentence1", "sentence2"] as readonly [string, string],
    input1PromptType: null,
    input2PromptType: null,
  },
  pairClassification: { input1PromptType: null, input2PromptType: null },
  classification: {
    samplesPerLabel: 8,
    nExperiments: 10,
    trainSplit: "train",
    labelColumnName: "label",
    inputColumnName: "text",
    isCrossValidation: false,
    nSplits: 5,
  },
  multilabel: {
    samplesPerLabel: 8,
    nExperiments: 10,
    nNeighbors: 5,
    trainSplit: "train",
    labelColumnName: "label",
  },
  clusteringFast: {
    maxFractionOfDocumentsToEmbed: 0.04,
    maxDocumentToEmbed: null,
    maxDocumentsPerCluster: 16_384,
    nClusters: 10,
    kMeansBatchSize: 512,
    maxDepth: null,
    inputColumnName: "sentences",
    labelColumnName: "labels",
  },
  clusteringLegacy: { kMeansBatchSize: 500 },
  bitextMining: { parallelSubsets: false },
  summarization: { minScore: 0, maxScore: 5 },
} as const;
