/** The machine-readable report of issue 6 (`embeval report --format json`): scores ×100, unrounded, nulls kept. */
import type { BenchmarkAggregate } from "../results/aggregate.js";

/** One model entry of the JSON report. */
export interface JsonReportModel {
  model: string;
  revision: string | null;
  mean_task: number | null;
  mean_task_type: number | null;
  by_type: Record<string, number | null>;
  tasks: Record<string, number | null>;
  missing: string[];
}

/** The JSON report; `rebuilt` appears only when `--rebuild-cqadupstack` was used (tasks rebuilt per model). */
export interface JsonReport {
  benchmark: string;
  models: JsonReportModel[];
  rebuilt?: Record<string, string[]>;
}

const pct = (x: number | null): number | null => (x === null ? null : x * 100);

function mapPct(o: Readonly<Record<string, number | null>>): Record<string, number | null> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, pct(v)]));
}

/** Builds the JSON report object from an aggregate (models in Borda order). */
export function jsonReport(agg: BenchmarkAggregate): JsonReport {
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
  if (agg.rebuildCqadupstack) {
    out.rebuilt = Object.fromEntries(agg.models.map((m) => [m.model, [...m.rebuilt]]));
  }
  return out;
}

/** The JSON report as text (two-space indent, trailing newline). */
export function renderJsonReport(agg: BenchmarkAggregate): string {
  return `${JSON.stringify(jsonReport(agg), null, 2)}\n`;
}
