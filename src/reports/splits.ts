/**
 * Per-split tables for benchmarks whose tasks have several eval splits (LongEmbed's Needle/Passkey: `test_256` …
 * `test_32768`, one per context length): each (model, task) row gets the split's main score (mean over the
 * benchmark's subsets) ×100, next to the task score the summary uses (the flat mean over splits).
 */
import type { BenchmarkAggregate } from "../results/aggregate.js";
import type { ResultTree } from "../results/tree.js";

/** One row of a per-split table. */
export interface SplitRow {
  model: string;
  task: string;
  /** split → score ×100, null when the split is missing. */
  splits: Record<string, number | null>;
  /** The task score ×100 (flat mean over splits), null when incomplete. */
  task_score: number | null;
}

/** Rows for every multi-split task of the benchmark; [] when no task has more than one split. */
export function splitRows(tree: ResultTree, agg: BenchmarkAggregate): SplitRow[] {
  const rows: SplitRow[] = [];
  for (const def of agg.tasks.filter((t) => t.evalSplits.length > 1)) {
    for (const m of agg.models) {
      const file = tree.models.find((x) => x.model === m.model)?.tasks.get(def.name);
      const splits: Record<string, number | null> = {};
      for (const split of def.evalSplits) {
        const entries = (file?.result.scores[split] ?? []).filter((e) => def.hfSubsets.includes(e.hf_subset));
        const values = entries.map((e) => e.main_score).filter((v): v is number => typeof v === "number");
        splits[split] =
          values.length === def.hfSubsets.length && values.length > 0
            ? (values.reduce((a, b) => a + b, 0) / values.length) * 100
            : null;
      }
      const t = m.tasks[def.name];
      rows.push({
        model: m.model,
        task: def.name,
        splits,
        task_score: t === null || t === undefined ? null : t * 100,
      });
    }
  }
  return rows;
}

/** A markdown section with one table per multi-split task, or "" when there is none. */
export function splitSection(rows: readonly SplitRow[]): string {
  if (rows.length === 0) return "";
  const parts = ["## Scores by split (context length)"];
  for (const task of [...new Set(rows.map((r) => r.task))]) {
    const mine = rows.filter((r) => r.task === task);
    const splits = Object.keys(mine[0].splits);
    const head = `| Model | ${splits.map((s) => s.replace(/^test_/, "")).join(" | ")} | Task score |`;
    const sep = `|---|${splits.map(() => "---:").join("|")}|---:|`;
    const fmt = (v: number | null) => (v === null ? "" : v.toFixed(2));
    const body = mine.map(
      (r) => `| ${r.model} | ${splits.map((s) => fmt(r.splits[s])).join(" | ")} | ${fmt(r.task_score)} |`,
    );
    parts.push("", `### ${task}`, "", head, sep, ...body);
  }
  return parts.join("\n");
}
