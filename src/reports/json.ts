/** The machine-readable report of issue 6 (`embeval report --format json`): scores ×100, unrounded, nulls kept. */
import type { BenchmarkAggregate } from "../results/aggregate.js";
import type { PerLanguageTable } from "../results/per-language.js";
import type { LanguageMethod } from "../results/per-language-paper.js";
import type { ExperimentTable } from "./experiments.js";
import { type ExperimentJson, experimentsJson } from "./experiments-render.js";

/** One model entry of the JSON report. */
export interface JsonReportModel {
  model: string;
  revision: string | null;
  mean_task: number | null;
  mean_task_type: number | null;
  by_type: Record<string, number | null>;
  tasks: Record<string, number | null>;
  missing: string[];
  /** Per-language scores ×100 by `languages_method` (only when a recipe was asked for). */
  languages?: Record<string, number | null>;
}

/** The JSON report; `rebuilt` appears only when `--rebuild-cqadupstack` was used (tasks rebuilt per model). */
export interface JsonReport {
  benchmark: string;
  models: JsonReportModel[];
  rebuilt?: Record<string, string[]>;
  /** The per-language recipe of the models' `languages` (only when one was asked for). */
  languages_method?: LanguageMethod;
  /** Dims × quantization tables per model (only when the tree holds experiments of the benchmark's tasks). */
  experiments?: ExperimentJson[];
}

/** Per-language scores to add to the JSON report: the table and the recipe that made it. */
export interface JsonLanguages {
  readonly method: LanguageMethod;
  /** Null when the recipe has no table for this benchmark (mteb's without a language_view): every map is {}. */
  readonly table: PerLanguageTable | null;
}

const pct = (x: number | null): number | null => (x === null ? null : x * 100);

function mapPct(o: Readonly<Record<string, number | null>>): Record<string, number | null> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, pct(v)]));
}

/**
 * Builds the JSON report object from an aggregate (models in Borda order), with per-language scores and
 * dims × quantization tables if given.
 */
export function jsonReport(
  agg: BenchmarkAggregate,
  languages?: JsonLanguages,
  experiments: readonly ExperimentTable[] = [],
): JsonReport {
  const out: JsonReport = {
    benchmark: agg.benchmark,
    models: agg.models.map((m) => ({
      model: m.model,
      revision: m.revision,
      mean_task: pct(m.meanTask),
      mean_task_type: pct(m.meanTaskType),
      by_type: mapPct(m.byType),
      tasks: mapPct(m.tasks),
      missing: [...m.missing],
    })),
  };
  if (languages) {
    out.languages_method = languages.method;
    const langs = languages.table?.languages ?? [];
    for (const m of out.models) {
      const row = languages.table?.models.find((r) => r.model === m.model);
      m.languages = Object.fromEntries(langs.map((l) => [l, pct(row?.scores[l] ?? null)]));
    }
  }
  if (agg.rebuildCqadupstack) {
    out.rebuilt = Object.fromEntries(agg.models.map((m) => [m.model, [...m.rebuilt]]));
  }
  if (experiments.length > 0) out.experiments = experimentsJson(experiments);
  return out;
}

/** The JSON report as text (two-space indent, trailing newline). */
export function renderJsonReport(
  agg: BenchmarkAggregate,
  languages?: JsonLanguages,
  experiments: readonly ExperimentTable[] = [],
): string {
  return `${JSON.stringify(jsonReport(agg, languages, experiments), null, 2)}\n`;
}
