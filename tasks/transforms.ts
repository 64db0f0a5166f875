/**
 * Load-time data transforms of mteb tasks (their `dataset_transform`), declared as data. Only column renames are
 * covered so far; stratified subsampling and filters are listed in issue 9 and not applied yet.
 */

/** A declarative transform of one task's loaded rows. */
export interface TaskTransform {
  /** `rename_column(from, to)` applied to every subset and split. */
  readonly renameColumns?: Readonly<Record<string, string>>;
}

/** Transforms by task name, each read from the task's mteb source file. */
export const TASK_TRANSFORMS: Readonly<Record<string, TaskTransform>> = {
  // mteb/tasks/sts/multilingual/sts_benchmark_multilingual_sts.py
  STSBenchmarkMultilingualSTS: { renameColumns: { similarity_score: "score" } },
};
