/**
 * The runner contract: a runner gets a task spec, one (split, subset)'s data, an `encode` function and the task's
 * long-lived RNG state, and returns mteb's score dict for that subset. It never sees a model, a file or a cache.
 */
import { EmbevalError } from "../metrics/errors.js";
import type { Run } from "../metrics/retrieval/types.js";
import type { Generator } from "../metrics/rng/generator.js";
import { defaultRng } from "../metrics/rng/generator.js";
import { PythonRandom } from "../metrics/rng/python-random.js";
import type { SimilarityFn } from "../metrics/similarity.js";
import type { TaskData } from "./data.js";
import type { Encode } from "./encode.js";
import type { CorpusDoc } from "./text.js";
import type { TaskSpec } from "./types.js";

/** A JSON-able score value as mteb stores it. */
export type ScoreValue = number | string | boolean | null | ScoreValue[] | { [key: string]: ScoreValue };

/** mteb's per-subset score dict (metric keys + main_score; hf_subset/languages are added by the pipeline). */
export type ScoreDict = { main_score: number } & { [key: string]: ScoreValue };

/** Which scikit-learn behaviour the probes reproduce (MiniBatchKMeans batch draws changed in 1.7–1.9). */
export type SklearnBehaviour = "1.9" | "1.6";

/**
 * RNG state that lives on mteb's task object and is never reset (spec §1.1): fast clustering's
 * `random.Random(seed)` and multilabel's `default_rng(seed)`. One per task per model run, advanced across
 * splits (eval_splits order) and subsets (hf_subsets order).
 */
export interface TaskRngState {
  readonly clustering: PythonRandom;
  readonly multilabel: Generator;
}

/** Fresh task-level RNGs, as `AbsTask.__init__(seed)` creates them. */
export function newTaskRngState(seed = 42): TaskRngState {
  return { clustering: new PythonRandom(seed), multilabel: defaultRng(seed) };
}

/**
 * A lexical search backend (BM25) instead of embeddings: ranks the corpus for each query; retrieval runners use it
 * when present. Queries arrive with their final text (query + " " + instruction).
 */
export type SearchFn = (
  corpus: readonly CorpusDoc[],
  queries: readonly { id: string; text: string }[],
  topK: number,
) => Promise<Run>;

/** The per-item values behind a main score (for the CI gate's paired test; src/results/items.ts stores them). */
export type ItemValues =
  | { metric: string; kind: "mean" | "accuracy"; ids: string[]; values: number[] }
  | {
      metric: string;
      kind: "correlation";
      statistic?: "spearman" | "pearson";
      ids: string[];
      values: [number, number][];
    };

/** Everything a runner needs besides the data. */
export interface RunContext {
  readonly spec: TaskSpec;
  readonly split: string;
  readonly subset: string;
  readonly encode: Encode;
  /** The model's similarity function (ModelMeta.similarity_fn_name). */
  readonly similarity: SimilarityFn;
  readonly sklearn: SklearnBehaviour;
  readonly rng: TaskRngState;
  /** The task seed (42 in mteb). */
  readonly seed: number;
  /** Receives the per-item values behind the main score, where the score is a mean or a correlation of items. */
  readonly emitItems?: (items: ItemValues) => void;
  /** Set for search backends (BM25): retrieval runners search with it instead of encoding. */
  readonly search?: SearchFn;
  /** Loads another split of the same subset (classification/multilabel training rows). */
  readonly loadSplit: (split: string) => Promise<TaskData>;
}

/** Narrow task data to the kind a runner expects, or fail with a clear message. */
export function expectData<K extends TaskData["kind"]>(
  data: TaskData,
  kind: K,
  task: string,
): Extract<TaskData, { kind: K }> {
  if (data.kind !== kind)
    throw new EmbevalError("E_INVALID_ARGUMENT", `${task}: expected ${kind} data, got ${data.kind}`);
  return data as Extract<TaskData, { kind: K }>;
}

/** Per-experiment score records as JSON score values (their fields are numbers or null). */
export function asScoreValues<T extends object>(records: readonly T[]): ScoreValue[] {
  return records.map((r) => ({ ...r }) as unknown as ScoreValue);
}
