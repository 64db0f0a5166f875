/** Typed task data the runners consume, one shape per task kind (what mteb's evaluators read from a loaded split). */
import type { CorpusDoc } from "./text.js";

/** A label as datasets store it. */
export type Label = number | string;

/** Retrieval / reranking / instruction tasks (spec §4.1): qrels and runs keyed by id in insertion order. */
export interface RetrievalData {
  readonly kind: "retrieval";
  readonly corpus: readonly CorpusDoc[];
  /** Queries reduced to those with qrels, dataset order kept. */
  readonly queries: readonly { id: string; text: string; instruction?: string }[];
  readonly qrels: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Candidate lists of reranking tasks. */
  readonly topRanked?: ReadonlyMap<string, readonly string[]>;
  /** Instruction reranking (FollowIR): per query id (no suffix), the docs whose relevance the changed instruction flips. */
  readonly changed?: ReadonlyMap<string, readonly string[]>;
}

/** STS pairs with gold scores (not yet normalised). */
export interface StsData {
  readonly kind: "sts";
  readonly sentence1: readonly string[];
  readonly sentence2: readonly string[];
  readonly scores: readonly number[];
}

/** Pair classification rows with 0/1 labels. */
export interface PairData {
  readonly kind: "pair";
  readonly sentence1: readonly string[];
  readonly sentence2: readonly string[];
  readonly labels: readonly number[];
}

/** Classification: one split's texts and labels (train and eval splits are loaded separately). */
export interface ClassificationData {
  readonly kind: "classification";
  readonly texts: readonly string[];
  readonly labels: readonly Label[];
}

/** Multilabel classification: each row has a list of labels (possibly empty). */
export interface MultilabelData {
  readonly kind: "multilabel";
  readonly texts: readonly string[];
  readonly labels: readonly (readonly Label[])[];
}

/** Legacy clustering: each dataset row is one cluster set. */
export interface ClusteringLegacyData {
  readonly kind: "clustering-legacy";
  readonly sets: readonly { sentences: readonly string[]; labels: readonly Label[] }[];
}

/** Fast clustering: one row per document; hierarchical tasks carry a label list per document. */
export interface ClusteringFastData {
  readonly kind: "clustering-fast";
  readonly sentences: readonly string[];
  readonly labels: readonly (Label | readonly Label[])[];
}

/** Bitext mining: row i of sentence1 translates row i of sentence2 unless `gold` pairs are given. */
export interface BitextData {
  readonly kind: "bitext";
  readonly sentence1: readonly string[];
  readonly sentence2: readonly string[];
  readonly gold?: readonly (readonly [number, number])[];
}

/** Summarization: per text, its human and machine summaries and one relevance per machine summary. */
export interface SummarizationData {
  readonly kind: "summarization";
  readonly human: readonly (readonly string[])[];
  readonly machine: readonly (readonly string[])[];
  readonly relevance: readonly (readonly number[])[];
}

/** Data of one (split, hf_subset) of a task. */
export type TaskData =
  | RetrievalData
  | StsData
  | PairData
  | ClassificationData
  | MultilabelData
  | ClusteringLegacyData
  | ClusteringFastData
  | BitextData
  | SummarizationData;

/** How many items mteb's descriptive statistics count for this data (`num_samples`). */
export function sampleCount(d: TaskData): number {
  switch (d.kind) {
    case "retrieval":
      return d.corpus.length + d.queries.length;
    case "sts":
    case "pair":
    case "bitext":
      return d.sentence1.length;
    case "classification":
    case "multilabel":
      return d.texts.length;
    case "clustering-legacy":
      return d.sets.reduce((n, s) => n + s.sentences.length, 0);
    case "clustering-fast":
      return d.sentences.length;
    case "summarization":
      return d.machine.length;
  }
}
