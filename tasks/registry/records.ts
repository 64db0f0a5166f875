/** Shapes of the committed registry files under tasks/registry/generated/ (compact records of mteb 2.20.0 task metadata and benchmarks). */
import type { DatasetRef, JsonValue, TaskPrompt } from "../types.js";

/** Per-subset counts: `n` samples, `q` queries, `d` documents, `c` characters. */
export interface SubsetStatsRecord {
  n: number;
  q?: number;
  d?: number;
  c?: number;
}

/** Per-split counts; `rel` relevant docs, `top` top-ranked entries, `labels` unique labels. */
export interface SplitStatsRecord extends SubsetStatsRecord {
  rel?: number;
  top?: number;
  labels?: number;
  subsets?: Record<string, SubsetStatsRecord>;
}

/**
 * One task. Subset languages are stored only where they cannot be derived: `default` takes the task's
 * `languages`, and a key like `eng_Latn-deu_Latn` takes `["eng-Latn", "deu-Latn"]`.
 */
export interface TaskRecord {
  name: string;
  type: string;
  abstask: string;
  taskClass: string;
  dataset: DatasetRef;
  evalSplits: string[];
  /** hf_subset keys in order; omitted when the only subset is `default`. */
  subsets?: string[];
  /** Languages of the subsets whose languages are not derivable from their key. */
  subsetLangs?: Record<string, string[]>;
  languages: string[];
  isMultilingual: boolean;
  mainScore: string;
  category: string;
  modalities: string[];
  domains: string[] | null;
  license: string | null;
  reference: string | null;
  supersededBy?: string;
  adaptedFrom?: string[];
  aggregateOf?: string[];
  prompt?: TaskPrompt;
  attrs?: Record<string, JsonValue>;
  sourceFile: string;
  benchmarks?: string[];
  stats: Record<string, SplitStatsRecord> | null;
  statsMissing?: string;
}

/** One task instance of a benchmark, with the benchmark's filters already applied by mteb. */
export interface SuiteTaskRecord {
  name: string;
  type: string;
  isPublic: boolean;
  evalSplits: string[];
  hfSubsets: "all" | string[];
  filters: Record<string, JsonValue>;
}

/** One benchmark of mteb's registry. */
export interface SuiteRecord {
  name: string;
  aliases: string[];
  displayName: string;
  reference: string | null;
  benchmarkClass: string;
  languageView: string[];
  tasks: SuiteTaskRecord[];
}

/** Top-level layout of tasks.json. */
export interface TasksFile {
  format: 1;
  source: { mtebCommit: string; nTasks: number };
  tasks: TaskRecord[];
}

/** Top-level layout of suites.json. */
export interface SuitesFile {
  format: 1;
  source: { mtebCommit: string };
  suites: SuiteRecord[];
}
