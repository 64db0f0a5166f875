/**
 * mteb's per-language leaderboard tab (mteb/benchmarks/_create_table.py
 * _create_per_language_table_from_benchmark_results): the benchmark's (split, subset) rows exploded on their
 * `languages`, kept when the language is in the benchmark's language_view, averaged per (model, language) with
 * nulls ignored (row-weighted across tasks), models ordered by a Borda rank over languages.
 */
import { getSuite } from "../../tasks/suites.js";
import { benchmarkTaskDefs, bordaRanks, REPORT_PRESETS, type TaskDef } from "./aggregate.js";
import type { ScoresEntry } from "./task-result.js";
import type { ResultTree } from "./tree.js";

/** One model's per-language means (fractions) and its rank. */
export interface LanguageRow {
  readonly model: string;
  readonly scores: Readonly<Record<string, number | null>>;
  readonly bordaRank: number;
}

/** The per-language table; `languages` follows the benchmark's language_view order. */
export interface PerLanguageTable {
  readonly benchmark: string;
  readonly languages: readonly string[];
  readonly models: readonly LanguageRow[];
}

/** The language keys a result row adds its main score `v` under (none: the row does not count). */
export type RowKeys = (def: TaskDef, entry: ScoresEntry, v: number) => readonly string[];

/**
 * A model's per-language means (fractions) over the benchmark's (split, subset) rows: each row with a numeric main
 * score adds it under every key `keysOf` gives it (row-weighted across tasks); keys without a row are absent.
 */
export function languageMeans(
  model: ResultTree["models"][number],
  tasks: readonly TaskDef[],
  keysOf: RowKeys,
): Map<string, number> {
  const sum = new Map<string, number>();
  const count = new Map<string, number>();
  for (const def of tasks) {
    const result = model.tasks.get(def.name)?.result;
    if (!result) continue;
    const subsets = def.aggregateOf ? ["default"] : def.hfSubsets;
    for (const split of def.evalSplits) {
      for (const entry of result.scores[split] ?? []) {
        const v = entry.main_score;
        if (!subsets.includes(entry.hf_subset) || typeof v !== "number") continue;
        for (const key of keysOf(def, entry, v)) {
          sum.set(key, (sum.get(key) ?? 0) + v);
          count.set(key, (count.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return new Map([...sum].map(([key, total]) => [key, total / (count.get(key) as number)]));
}

/** The table of the given model rows, models ordered by a Borda rank over `languages` (ties by name). */
export function rankedLanguageTable(
  benchmark: string,
  languages: readonly string[],
  rows: readonly { model: string; scores: Record<string, number | null> }[],
): PerLanguageTable {
  const ranks = bordaRanks(
    rows.map((r) => r.scores),
    languages,
  );
  const models = rows
    .map((r, i) => ({ ...r, bordaRank: ranks[i] }))
    .sort((a, b) => a.bordaRank - b.bordaRank || (a.model < b.model ? -1 : 1));
  return { benchmark, languages, models };
}

/** The per-language table of a benchmark, or null when the benchmark has no language_view. */
export function perLanguageTable(tree: ResultTree, benchmark: string): PerLanguageTable | null {
  const { name, tasks } = benchmarkTaskDefs(benchmark);
  const view = getSuite(REPORT_PRESETS[benchmark]?.base ?? benchmark).languageView;
  if (view.length === 0) return null;
  const rows: { model: string; scores: Record<string, number | null> }[] = [];
  for (const m of tree.models) {
    const means = languageMeans(m, tasks, (_def, entry) =>
      (entry.languages ?? []).filter((l) => view.includes(l)),
    );
    const scores: Record<string, number | null> = {};
    for (const l of view) scores[l] = means.get(l) ?? null;
    if (Object.values(scores).some((v) => v !== null)) rows.push({ model: m.model, scores });
  }
  return rankedLanguageTable(name, view, rows);
}
