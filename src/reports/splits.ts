/**
 * Per-split tables for benchmarks whose tasks have several eval splits (LongEmbed's Needle/Passkey: `test_256` …
 * `test_32768`, one per context length): each (model, task) row gets the split's main score (mean over the
 * benchmark's subsets) ×100, next to the task score the summary uses (the flat mean over splits) and the max tokens
 * that produced the row (model_meta.json `max_tokens`; `--max-tokens` runs are rows of their own, from their
 * `experiments/…max_tokens_<n>/` folders, never mixed into the model's row).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type BenchmarkAggregate, type TaskDef, taskScore } from "../results/aggregate.js";
import { parseExperimentKey } from "../results/layout.js";
import { parsePythonJson } from "../results/python-json.js";
import type { TaskResult } from "../results/task-result.js";
import type { ResultTree } from "../results/tree.js";

/** One row of a per-split table. */
export interface SplitRow {
  /** The model, with ` [<experiment key>]` for a `--max-tokens` experiment. */
  model: string;
  task: string;
  /** split → score ×100, null when the split is missing. */
  splits: Record<string, number | null>;
  /** The task score ×100 (flat mean over splits), null when incomplete. */
  task_score: number | null;
  /** The max tokens the row's results were computed with; null when the results do not say. */
  max_tokens: number | null;
}

/** model_meta.json `max_tokens` of a result folder (null when absent, unreadable or not a number). */
function folderMaxTokens(dir: string): number | null {
  try {
    const meta = parsePythonJson(readFileSync(join(dir, "model_meta.json"), "utf8"));
    const v = meta !== null && typeof meta === "object" && !Array.isArray(meta) ? meta.max_tokens : null;
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

function splitScores(result: TaskResult | undefined, def: TaskDef): Record<string, number | null> {
  const splits: Record<string, number | null> = {};
  for (const split of def.evalSplits) {
    const entries = (result?.scores[split] ?? []).filter((e) => def.hfSubsets.includes(e.hf_subset));
    const values = entries.map((e) => e.main_score).filter((v): v is number => typeof v === "number");
    splits[split] =
      values.length === def.hfSubsets.length && values.length > 0
        ? (values.reduce((a, b) => a + b, 0) / values.length) * 100
        : null;
  }
  return splits;
}

const x100 = (v: number | null | undefined) => (v === null || v === undefined ? null : v * 100);

/** Rows for every multi-split task of the benchmark; [] when no task has more than one split. */
export function splitRows(tree: ResultTree, agg: BenchmarkAggregate): SplitRow[] {
  const rows: SplitRow[] = [];
  for (const def of agg.tasks.filter((t) => t.evalSplits.length > 1)) {
    for (const m of agg.models) {
      const file = tree.models.find((x) => x.model === m.model)?.tasks.get(def.name);
      rows.push({
        model: m.model,
        task: def.name,
        splits: splitScores(file?.result, def),
        task_score: x100(m.tasks[def.name]),
        max_tokens: file ? folderMaxTokens(dirname(file.path)) : null,
      });
    }
    for (const e of tree.experiments) {
      const limit = e.experiment === undefined ? undefined : parseExperimentKey(e.experiment)?.maxTokens;
      const file = e.files.get(def.name);
      if (limit === undefined || file === undefined) continue;
      if (!agg.models.some((m) => m.model === e.model)) continue;
      rows.push({
        model: `${e.model} [${e.experiment}]`,
        task: def.name,
        splits: splitScores(file.result, def),
        task_score: x100(taskScore(file.result, def)),
        max_tokens: limit,
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
    const head = `| Model | ${splits.map((s) => s.replace(/^test_/, "")).join(" | ")} | Task score | Max tokens |`;
    const sep = `|---|${splits.map(() => "---:").join("|")}|---:|---:|`;
    const fmt = (v: number | null) => (v === null ? "" : v.toFixed(2));
    const body = mine.map(
      (r) =>
        `| ${r.model} | ${splits.map((s) => fmt(r.splits[s])).join(" | ")} | ${fmt(r.task_score)} | ${r.max_tokens ?? ""} |`,
    );
    parts.push("", `### ${task}`, "", head, sep, ...body);
  }
  return parts.join("\n");
}
