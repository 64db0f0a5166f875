/**
 * One side (baseline or candidate) of `embeval compare`: the model picked from a results tree, its task scores over
 * the (split, subset) pairs being compared (flat mean, like mteb's leaderboard task score) and its per-item sidecars.
 */
import { dirname } from "node:path";
import { EmbevalError } from "../errors.js";
import type { TaskDef } from "../results/aggregate.js";
import { type ItemRecord, readTaskItems } from "../results/items.js";
import type { TaskResult } from "../results/task-result.js";
import type { LoadedTaskFile, ModelResults, ResultTree } from "../results/tree.js";
import { recordScore } from "./paired.js";

/** A (split, hf_subset) pair. */
export interface SplitSubset {
  readonly split: string;
  readonly subset: string;
}

/** The one model of a tree (or the one named); E_INVALID_ARGUMENT when that is ambiguous or absent. */
export function pickModel(tree: ResultTree, side: string, model?: string): ModelResults {
  const withTasks = tree.models.filter((m) => m.tasks.size > 0);
  if (model !== undefined) {
    const found = withTasks.find((m) => m.model === model);
    if (!found) {
      throw new EmbevalError("E_INVALID_ARGUMENT", `the ${side} results have no model "${model}"`, {
        hint: `models there: ${withTasks.map((m) => m.model).join(", ") || "none"}`,
      });
    }
    return found;
  }
  if (withTasks.length !== 1) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `the ${side} results hold ${withTasks.length} models (${withTasks.map((m) => m.model).join(", ")})`,
      { hint: `pass --model org/name (or --${side}-model) to pick the one to compare` },
    );
  }
  return withTasks[0];
}

/** The pairs a benchmark's task instance asks for (aggregate tasks: the "default" subset). */
export function pairsOfDef(def: TaskDef): SplitSubset[] {
  const subsets = def.aggregateOf ? ["default"] : def.hfSubsets;
  return def.evalSplits.flatMap((split) => subsets.map((subset) => ({ split, subset })));
}

/** Every pair of a result file with a numeric main score, in file order. */
export function pairsOfResult(result: TaskResult): SplitSubset[] {
  return Object.entries(result.scores).flatMap(([split, entries]) =>
    entries
      .filter((e) => typeof e.main_score === "number" && !Number.isNaN(e.main_score))
      .map((e) => ({ split, subset: e.hf_subset })),
  );
}

/** Flat mean of main_score over the pairs; null when a pair or its score is missing (or there are no pairs). */
export function scoreOver(result: TaskResult | undefined, pairs: readonly SplitSubset[]): number | null {
  if (!result || pairs.length === 0) return null;
  let s = 0;
  for (const p of pairs) {
    const v = result.scores[p.split]?.find((e) => e.hf_subset === p.subset)?.main_score;
    if (typeof v !== "number" || Number.isNaN(v)) return null;
    s += v;
  }
  return s / pairs.length;
}

/** A side's per-item records for the pairs, in pair order, or why there are none. */
export type SideItems =
  | { readonly records: readonly ItemRecord[]; readonly note: null }
  | { readonly records: null; readonly note: string };

/**
 * How far (as a fraction) a record's item-derived score may sit from the stored main_score (6 decimals) before the
 * sidecar counts as stale, i.e. not from the run that wrote the result file.
 */
export const ITEMS_TOLERANCE = 1e-4;

/**
 * Reads the task's items sidecar next to its result file and keeps the records of the pairs; a record whose score
 * (mean or correlation of its items) differs from the stored main_score by more than ITEMS_TOLERANCE disables the
 * paired test for the task (the plain max-drop rule applies).
 */
export async function itemsFor(file: LoadedTaskFile, pairs: readonly SplitSubset[]): Promise<SideItems> {
  const all = await readTaskItems(dirname(file.path), file.task);
  if (all === null) return { records: null, note: "no items sidecar" };
  const records: ItemRecord[] = [];
  for (const p of pairs) {
    const r = all.find((x) => x.split === p.split && x.subset === p.subset);
    if (!r) return { records: null, note: `no items for ${p.split}/${p.subset}` };
    const main = file.result.scores[p.split]?.find((e) => e.hf_subset === p.subset)?.main_score;
    const fromItems = recordScore(r);
    if (typeof main !== "number" || !(Math.abs(fromItems - main) <= ITEMS_TOLERANCE)) {
      return {
        records: null,
        note: `items of ${p.split}/${p.subset} give ${fromItems.toFixed(6)} but main_score is ${main}`,
      };
    }
    records.push(r);
  }
  return { records, note: null };
}
