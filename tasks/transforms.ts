/**
 * mteb 2.20.0 load-time `dataset_transform`s of the tasks of MTEB(eng, v2), MTEB(Multilingual, v2), BEIR, LongEmbed and
 * RTEB(beta), declared as typed steps (tasks/transforms/types.ts); each entry cites the mteb source it was read from.
 * Only sources whose dataset path and revision equal the registry's (mteb 2.20.0) are ported; the rest is listed in
 * tasks/transforms/audit.ts with a reason.
 */
import { RETRIEVAL_TRANSFORMS } from "./transforms/retrieval.js";
import type { TaskTransform } from "./transforms/types.js";

export { NO_TRANSFORM, NOT_YET_PORTED } from "./transforms/audit.js";
export type { TaskTransform, TransformStep } from "./transforms/types.js";

const N = 2048;

/** Flatten a v1 clustering split (one row of lists per cluster set) into one row per text. */
const FLATTEN = { kind: "flattenLists", columns: ["labels", "sentences"] } as const;

/** Transforms by task name. */
export const TASK_TRANSFORMS: Readonly<Record<string, TaskTransform>> = {
  ...RETRIEVAL_TRANSFORMS,
  // ---- Classification ----
  ToxicConversationsClassification: {
    source:
      "mteb/tasks/classification/eng/toxic_conversations_classification.py ToxicConversationsClassification",
    steps: [{ kind: "stratifiedSubsample", splits: ["test"], label: "label", nSamples: N }],
  },
  FinancialPhrasebankClassification: {
    source:
      "mteb/tasks/classification/eng/financial_phrasebank_classification.py FinancialPhrasebankClassification",
    steps: [{ kind: "renameColumns", map: { sentence: "text" } }],
  },
  TweetTopicSingleClassification: {
    source:
      "mteb/tasks/classification/eng/tweet_topic_single_classification.py TweetTopicSingleClassification",
    steps: [{ kind: "splitAlias", split: "train", from: "train_2021" }],
  },
  MasakhaNEWSClassification: {
    source: "mteb/tasks/classification/multilingual/masakha_news_classification.py MasakhaNEWSClassification",
    steps: [{ kind: "renameColumns", map: { category: "label" } }],
  },
  // mteb maps labels through {lab: i for i, lab in enumerate(set(train labels))}: a hash-seed-dependent bijection of
  // the same classes. Any bijection gives the same predictions, so the sorted (class_encode) order stands in for it.
  ScalaClassification: {
    source: "mteb/tasks/classification/multilingual/scala_classification.py ScalaClassification",
    steps: [{ kind: "classEncode", column: "label" }],
  },
  // ---- Clustering ----
  ArXivHierarchicalClusteringP2P: {
    source: "mteb/tasks/clustering/eng/arxiv_hierarchical_clustering.py ArXivHierarchicalClusteringP2P",
    steps: [
      FLATTEN,
      { kind: "splitString", column: "labels", separator: "." },
      { kind: "trainTestSplit", splits: ["test"], testSize: N },
    ],
  },
  ArXivHierarchicalClusteringS2S: {
    source: "mteb/tasks/clustering/eng/arxiv_hierarchical_clustering.py ArXivHierarchicalClusteringS2S",
    steps: [
      FLATTEN,
      { kind: "splitString", column: "labels", separator: "." },
      { kind: "trainTestSplit", splits: ["test"], testSize: N },
    ],
  },
  "BigPatentClustering.v2": {
    source: "mteb/tasks/clustering/eng/big_patent_clustering.py BigPatentClusteringFast",
    steps: [{ kind: "stratifiedSubsample", splits: "eval", label: "labels", nSamples: N }],
  },
  "StackExchangeClustering.v2": {
    source: "mteb/tasks/clustering/eng/stack_exchange_clustering.py StackExchangeClusteringFast",
    steps: [FLATTEN, { kind: "stratifiedSubsample", splits: "eval", label: "labels", nSamples: N }],
  },
  "StackExchangeClusteringP2P.v2": {
    source: "mteb/tasks/clustering/eng/stack_exchange_clustering_p2p.py StackExchangeClusteringP2PFast",
    steps: [FLATTEN, { kind: "named", name: "dropSingletonLabels", column: "labels" }],
  },
  "TwentyNewsgroupsClustering.v2": {
    source: "mteb/tasks/clustering/eng/twenty_newsgroups_clustering.py TwentyNewsgroupsClusteringFast",
    steps: [FLATTEN],
  },
  "MedrxivClusteringP2P.v2": {
    source: "mteb/tasks/clustering/eng/medrxiv_clustering_p2p.py MedrxivClusteringP2PFast",
    steps: [FLATTEN],
  },
  "MedrxivClusteringS2S.v2": {
    source: "mteb/tasks/clustering/eng/medrxiv_clustering_s2s.py MedrxivClusteringS2SFast",
    steps: [FLATTEN],
  },
  SIB200ClusteringS2S: {
    source: "mteb/tasks/clustering/multilingual/sib200_clustering_s2s.py SIB200ClusteringFast",
    steps: [
      { kind: "concatSplits", into: "test", from: ["train", "validation", "test"] },
      { kind: "renameColumns", map: { category: "labels", text: "sentences" } },
      { kind: "classEncode", column: "labels" },
    ],
  },
  // ---- PairClassification ----
  XNLI: {
    source: "mteb/tasks/pair_classification/multilingual/xnli.py XNLI",
    steps: [
      { kind: "stratifiedSubsample", splits: "eval", label: "label", nSamples: N },
      { kind: "filter", where: { column: "label", in: [0, 2] } },
      { kind: "mapValues", column: "label", map: { "2": 0 }, otherwise: 1 },
      { kind: "renameColumns", map: { premise: "sentence1", hypothesis: "sentence2", label: "labels" } },
    ],
  },
  SprintDuplicateQuestions: {
    source: "mteb/tasks/pair_classification/eng/sprint_duplicate_questions_pc.py SprintDuplicateQuestionsPC",
    steps: [{ kind: "renameColumns", map: { sent1: "sentence1", sent2: "sentence2" } }],
  },
  TwitterSemEval2015: {
    source: "mteb/tasks/pair_classification/eng/twitter_sem_eval2015_pc.py TwitterSemEval2015PC",
    steps: [{ kind: "renameColumns", map: { sent1: "sentence1", sent2: "sentence2" } }],
  },
  TwitterURLCorpus: {
    source: "mteb/tasks/pair_classification/eng/twitter_url_corpus_pc.py TwitterURLCorpus",
    steps: [{ kind: "renameColumns", map: { sent1: "sentence1", sent2: "sentence2" } }],
  },
  // ---- STS ----
  STSBenchmarkMultilingualSTS: {
    source: "mteb/tasks/sts/multilingual/sts_benchmark_multilingual_sts.py STSBenchmarkMultilingualSTS",
    steps: [{ kind: "renameColumns", map: { similarity_score: "score" } }],
  },
};
