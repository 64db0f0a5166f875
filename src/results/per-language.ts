/**
 * mteb's per-language leaderboard tab (mteb/benchmarks/_create_table.py
 * _create_per_language_table_from_benchmark_results): the benchmark's (split, subset) rows exploded on their
 * `languages`, kept when the language is in the benchmark's language_view, averaged per (model, language) with
 * nulls ignored (row-weighted across tasks), models ordered by a Borda rank over languages.
 */
import { getSuite } from "../../tasks/suites.js";
import { benchmarkTaskDefs, bordaRanks, REPORT_PRESETS } from "./aggregate.js";
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

/** The per-language table of a benchmark, or null when the benchmark has no language_view. */
export function perLanguageTable(tree: ResultTree, benchmark: string): PerLanguageTable | null {
  const { name, tasks } = benchmarkTaskDefs(benchmark);
  const view = getSuite(REPORT_PRESETS[benchmark]?.base ?? benchmark).languageView;
  if (view.length === 0) return null;
  const rows: { model: string; scores: Record<string, number | null> }[] = [];
  for (const m of tree.models) {
    const sum = new Map<string, number>();
    const count = new Map<string, number>();
    for (const def of tasks) {
      const result = m.tasks.get(def.name)?.result;
      if (!result) continue;
      const subsets = def.aggregateOf ? ["default"] : def.hfSubsets;
      for (const split of def.evalSplits) {
        for (const entry of result.scores[split] ?? []) {
          if (!subsets.includes(entry.hf_subset)) continue;
          const v = entry.main_score;
          if (typeof v !== "number") continue;
          for (const lang of entry.languages ?? []) {
            if (!view.includes(lang)) continue;
            sum.set(lang, (sum.get(lang) ?? 0) + v);
            count.set(lang, (count.get(lang) ?? 0) + 1);
          }
        }
      }
    }
    const scores: Record<string, number | null> = {};
    for (const l of view) scores[l] = count.has(l) ? (sum.get(l) as number) / (count.get(l) as number) : null;
    if (Object.values(scores).some((v) => v !== null)) rows.push({ model: m.model, scores });
  }
  const ranks = bordaRanks(
    rows.map((r) => r.scores),
    view,
  );
  const models = rows
    .map((r, i) => ({ ...r, bordaRank: ranks[i] }))
    .sort((a, b) => a.bordaRank - b.bordaRank || (a.model < b.model ? -1 : 1));
  return { benchmark: name, languages: view, models };
}
