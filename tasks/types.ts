/** Task specifications: a discriminated union over mteb 2.20.0 task kinds, with the per-kind flags and defaults of mteb/abstasks/*.py (spec mteb-evaluators.md §4–13). */

/** mteb's `TaskMetadata.type`: the grouping key of Mean (TaskType). */
export type TaskType =
  | "Retrieval"
  | "Reranking"
  | "InstructionRetrieval"
  | "InstructionReranking"
  | "Any2AnyRetrieval"
  | "STS"
  | "PairClassification"
  | "Classification"
  | "MultilabelClassification"
  | "Clustering"
  | "BitextMining"
  | "Summarization"
  | "Regression";

/** The mteb abstract base class a task is built on; it decides which evaluator runs. */
export type AbsTaskBase =
  | "AbsTaskRetrieval"
  | "AbsTaskSTS"
  | "AbsTaskPairClassification"
  | "AbsTaskClassification"
  | "AbsTaskMultilabelClassification"
  | "AbsTaskClustering"
  | "AbsTaskClusteringLegacy"
  | "AbsTaskBitextMining"
  | "AbsTaskSummarization"
  | "AbsTaskRegression"
  | "AbsTaskAggregate";

/** Every abstract base class the registry knows. */
export const ABS_TASK_BASES: readonly AbsTaskBase[] = [
  "AbsTaskRetrieval",
  "AbsTaskSTS",
  "AbsTaskPairClassification",
  "AbsTaskClassification",
  "AbsTaskMultilabelClassification",
  "AbsTaskClustering",
  "AbsTaskClusteringLegacy",
  "AbsTaskBitextMining",
  "AbsTaskSummarization",
  "AbsTaskRegression",
  "AbsTaskAggregate",
];

/**
 * The discriminant of `TaskSpec`: which evaluator scores the task. Equal to `type` except for aggregate tasks
 * (`"Aggregate"`, whose `type` is Retrieval or Classification) and for Classification-typed tasks built on
 * AbsTaskMultilabelClassification (`"MultilabelClassification"`).
 */
export type TaskKind =
  | "Retrieval"
  | "Reranking"
  | "InstructionRetrieval"
  | "InstructionReranking"
  | "Any2AnyRetrieval"
  | "STS"
  | "PairClassification"
  | "Classification"
  | "MultilabelClassification"
  | "Clustering"
  | "BitextMining"
  | "Summarization"
  | "Regression"
  | "Aggregate";

/** Every task kind, in a stable display order. */
export const TASK_KINDS: readonly TaskKind[] = [
  "Retrieval",
  "Reranking",
  "InstructionRetrieval",
  "InstructionReranking",
  "Any2AnyRetrieval",
  "STS",
  "PairClassification",
  "Classification",
  "MultilabelClassification",
  "Clustering",
  "BitextMining",
  "Summarization",
  "Regression",
  "Aggregate",
];

/** Every mteb task type, in a stable display order. */
export const TASK_TYPES: readonly TaskType[] = TASK_KINDS.filter((k): k is TaskType => k !== "Aggregate");

/** `prompt_type` passed to the encoder: query side, document side, or neither (`null`). */
export type PromptType = "query" | "document";

/** Task metadata `prompt`: an instruction string, or one per prompt type. */
export type TaskPrompt = string | { readonly query?: string; readonly document?: string };

/** JSON values as they appear in `task_class_attrs`. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [k: string]: JsonValue };

/** HF dataset reference; extra keys are `load_dataset` kwargs (config `name`, `split` slice). */
export interface DatasetRef {
  readonly path: string;
  readonly revision: string;
  readonly name?: string;
  readonly split?: string;
}

/** Descriptive statistics of one hf_subset of one split (from mteb/descriptive_stats). */
export interface SubsetStats {
  readonly numSamples: number;
  readonly numQueries?: number;
  readonly numDocuments?: number;
  readonly numberOfCharacters?: number;
}

/** Descriptive statistics of one split: totals and, for multi-subset tasks, per-subset counts. */
export interface SplitStats extends SubsetStats {
  readonly numRelevantDocs?: number;
  readonly numTopRanked?: number;
  readonly uniqueLabels?: number;
  readonly subsets?: Readonly<Record<string, SubsetStats>>;
}

/** Metric key templates used by retrieval-family main scores (trec_eval + mteb extras). */
type AtK = `${"ndcg" | "map" | "recall" | "precision" | "mrr" | "hit_rate"}_at_${number}`;

/** Main-score names per kind (the key copied into each result entry's `main_score`). */
export type RetrievalMainScore =
  | AtK
  | "max_over_subqueries_map_at_1000"
  | "robustness_at_10"
  | "paired_accuracy";
export type InstructionRerankingMainScore = "p-MRR" | AtK;
export type STSMainScore = "cosine_spearman" | "cosine_pearson" | "spearman" | "pearson";
export type PairClassificationMainScore =
  | `max_${"ap" | "accuracy" | "f1" | "precision" | "recall"}`
  | `${"similarity" | "cosine" | "manhattan" | "euclidean" | "dot"}_${"ap" | "accuracy" | "f1"}`;
export type ClassificationMainScore = "accuracy" | "f1" | "f1_weighted" | "precision" | "recall" | "ap";
export type MultilabelMainScore = "accuracy" | "f1" | "lrap";
export type ClusteringMainScore = "v_measure" | "ami";
export type BitextMainScore = "f1" | "accuracy" | "precision" | "recall";
export type SummarizationMainScore = "cosine_spearman" | "cosine_pearson" | "dot_spearman" | "spearman";
export type RegressionMainScore = "kendalltau" | "spearman" | "pearson";

/** Fields every task has, whatever its kind. */
export interface TaskCommon {
  readonly name: string;
  readonly type: TaskType;
  readonly abstask: AbsTaskBase;
  /** Python class name of the task. */
  readonly taskClass: string;
  readonly dataset: DatasetRef;
  readonly evalSplits: readonly string[];
  /** hf_subset → its `iso639_3-Script` languages, in mteb's evaluation order. */
  readonly hfSubsets: Readonly<Record<string, readonly string[]>>;
  /** Union of the subsets' languages, as mteb's metadata lists it. */
  readonly languages: readonly string[];
  readonly isMultilingual: boolean;
  readonly category: "t2t" | "t2c";
  readonly modalities: readonly string[];
  readonly domains: readonly string[];
  readonly license: string | null;
  readonly reference: string | null;
  readonly supersededBy: string | null;
  readonly adaptedFrom: readonly string[];
  readonly prompt: TaskPrompt | null;
  /** mteb `fast_loading`: the dataset is one config with a `lang` column split at load. */
  readonly fastLoading: boolean;
  /**
   * The literal `task_class_attrs` of the task class, unmodified. Typed flags derive from it plus the few
   * values a task's `dataset_transform` sets at load time (tasks/registry/overrides.ts).
   */
  readonly classAttrs: Readonly<Record<string, JsonValue>>;
  /** The mteb source file defining the task. */
  readonly sourceFile: string;
  /** The five-benchmark set the task belongs to (mteb extractor's `benchmarks`). */
  readonly benchmarks: readonly string[];
  /** split → stats; `null` when mteb has no descriptive-stats file for the task. */
  readonly stats: Readonly<Record<string, SplitStats>> | null;
}

/** Retrieval-family flags (`AbsTaskRetrieval`, spec §4.1, §4.3). */
export interface RetrievalFlags {
  readonly kValues: readonly number[];
  /** `max(kValues)`: heap capacity of the search. */
  readonly topK: number;
  readonly ignoreIdenticalIds: boolean;
  readonly skipFirstResult: boolean;
}

export interface RetrievalTaskSpec extends TaskCommon, RetrievalFlags {
  readonly kind: "Retrieval" | "Reranking" | "InstructionRetrieval" | "Any2AnyRetrieval";
  readonly mainScore: RetrievalMainScore;
}

export interface InstructionRerankingTaskSpec extends TaskCommon, RetrievalFlags {
  readonly kind: "InstructionReranking";
  readonly mainScore: InstructionRerankingMainScore;
}

export interface STSTaskSpec extends TaskCommon {
  readonly kind: "STS";
  readonly mainScore: STSMainScore;
  readonly minScore: number;
  readonly maxScore: number;
  readonly columnNames: readonly [string, string];
  readonly input1PromptType: PromptType | null;
  readonly input2PromptType: PromptType | null;
}

export interface PairClassificationTaskSpec extends TaskCommon {
  readonly kind: "PairClassification";
  readonly mainScore: PairClassificationMainScore;
  readonly input1PromptType: PromptType | null;
  readonly input2PromptType: PromptType | null;
}

export interface ClassificationTaskSpec extends TaskCommon {
  readonly kind: "Classification";
  readonly mainScore: ClassificationMainScore;
  readonly samplesPerLabel: number;
  readonly nExperiments: number;
  readonly trainSplit: string;
  readonly labelColumnName: string;
  readonly inputColumnName: string;
  readonly isCrossValidation: boolean;
  readonly nSplits: number;
  /** Task-level stratified-subsample size where the class sets `num_samples`, else null. */
  readonly numSamples: number | null;
}

export interface MultilabelClassificationTaskSpec extends TaskCommon {
  readonly kind: "MultilabelClassification";
  readonly mainScore: MultilabelMainScore;
  readonly samplesPerLabel: number;
  readonly nExperiments: number;
  readonly nNeighbors: number;
  readonly trainSplit: string;
  readonly labelColumnName: string;
}

/** Fast (bootstrapped) clustering, `AbsTaskClustering` (spec §11.1). */
export interface ClusteringFastTaskSpec extends TaskCommon {
  readonly kind: "Clustering";
  readonly variant: "fast";
  readonly mainScore: ClusteringMainScore;
  readonly maxFractionOfDocumentsToEmbed: number | null;
  readonly maxDocumentToEmbed: number | null;
  readonly maxDocumentsPerCluster: number;
  /** Number of bootstrap repetitions (mteb's `n_clusters`), not k. */
  readonly nClusters: number;
  readonly kMeansBatchSize: number;
  readonly maxDepth: number | null;
  readonly inputColumnName: string;
  readonly labelColumnName: string;
}

/** Legacy clustering, `AbsTaskClusteringLegacy` (spec §11.2). */
export interface ClusteringLegacyTaskSpec extends TaskCommon {
  readonly kind: "Clustering";
  readonly variant: "legacy";
  readonly mainScore: ClusteringMainScore;
  readonly kMeansBatchSize: number;
}

export type ClusteringTaskSpec = ClusteringFastTaskSpec | ClusteringLegacyTaskSpec;

export interface BitextMiningTaskSpec extends TaskCommon {
  readonly kind: "BitextMining";
  readonly mainScore: BitextMainScore;
  /** One dataset per split whose columns are languages; subsets name column pairs. */
  readonly parallelSubsets: boolean;
}

export interface SummarizationTaskSpec extends TaskCommon {
  readonly kind: "Summarization";
  readonly mainScore: SummarizationMainScore;
  readonly minScore: number;
  readonly maxScore: number;
  /** SummEval / SummEvalFr keep mteb's DeprecatedSummarizationEvaluator ((r + p) / 2 bug, spec §13). */
  readonly deprecatedEvaluator: boolean;
}

export interface RegressionTaskSpec extends TaskCommon {
  readonly kind: "Regression";
  readonly mainScore: RegressionMainScore;
}

/** An aggregate task (`AbsTaskAggregate`, spec §14): the per-split mean of its sub-tasks' scores. */
export interface AggregateTaskSpec extends TaskCommon {
  readonly kind: "Aggregate";
  readonly mainScore: string;
  readonly aggregateOf: readonly string[];
}

/** One registered mteb task. Switch on `kind` to pick the evaluator; group by `type` for Mean (TaskType). */
export type TaskSpec =
  | RetrievalTaskSpec
  | InstructionRerankingTaskSpec
  | STSTaskSpec
  | PairClassificationTaskSpec
  | ClassificationTaskSpec
  | MultilabelClassificationTaskSpec
  | ClusteringTaskSpec
  | BitextMiningTaskSpec
  | SummarizationTaskSpec
  | RegressionTaskSpec
  | AggregateTaskSpec;

export { TASK_DEFAULTS } from "./registry/defaults.js";

/** Filter for `listTasks`: every given criterion must hold. */
export interface TaskFilter {
  /** mteb task type(s), e.g. "Retrieval". */
  readonly type?: TaskType | readonly TaskType[];
  /** Evaluator kind(s), e.g. "Aggregate". */
  readonly kind?: TaskKind | readonly TaskKind[];
  /** ISO 639-3 code ("eng") or full language-script code ("eng-Latn"); any subset language may match. */
  readonly language?: string | readonly string[];
  /** Restrict to the tasks of a suite (name or alias). */
  readonly suite?: string;
  /** Include tasks mteb marks `superseded_by` another (default true). */
  readonly includeSuperseded?: boolean;
}
