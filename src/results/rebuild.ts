/**
 * Rebuilds an aggregate task's result from its sub-task files as mteb's AbsTaskAggregate.combine_task_results /
 * task_results_to_scores does when the aggregate is evaluated (mteb/abstasks/aggregated_task.py). mteb's loader
 * never does this; embeval only does it on request (`--rebuild-cqadupstack`).
 */

import type { TaskResult } from "./task-result.js";
import type { LoadedTaskFile } from "./tree.js";

/**
 * Per split: the mean over sub-tasks of each sub-task's mean main_score on that split, as one `default` entry.
 * Undefined when any sub-task file, split or main_score is missing.
 */
export function rebuildAggregate(
  name: string,
  subTasks: readonly string[],
  splits: readonly string[],
  files: ReadonlyMap<string, LoadedTaskFile>,
): TaskResult | undefined {
  const scores: TaskResult["scores"] = {};
  for (const split of splits) {
    const perTask: number[] = [];
    for (const sub of subTasks) {
      const entries = files.get(sub)?.result.scores[split];
      if (!entries || entries.length === 0) return undefined;
      const values = entries.map((e) => e.main_score);
      if (values.some((v) => typeof v !== "number")) return undefined;
      perTask.push((values as number[]).reduce((a, b) => a + b, 0) / values.length);
    }
    const main = perTask.reduce((a, b) => a + b, 0) / perTask.length;
    scores[split] = [{ main_score: main, hf_subset: "default", languages: ["eng-Latn"] }];
  }
  return {
    dataset_revision: "rebuilt",
    task_name: name,
    mteb_version: null,
    scores,
    evaluation_time: null,
    kg_co2_emissions: null,
  };
}
