/**
 * Leaderboard-exact aggregation of a benchmark (mteb/benchmarks/_create_table.py _create_summary_table,
 * _benchmark_metrics.py, _borda_rank_from_long): task score = flat mean over the benchmark's (split, subset)
 * pairs, Mean (Task), per-type means, Mean (TaskType) — null when any member is null — and the Borda rank.
 */
import { getSuite, suiteTasks } from "../../tasks/suites.js";
import { EmbevalError, isEmbevalError } from "../errors.js";
import { rebuildAggregate } from "./rebuild.js";
import type { TaskResult } from "./task-result.js";
import type { ModelMetaInfo, ModelResults, ResultTree } from "./tree.js";

/** A benchmark task instance as scoring needs it. */
export interface TaskDef {
  readonly name: string;
  readonly type: string;
  readonly evalSplits: readonly string[];
  readonly hfSubsets: readonly string[];
  /** Aggregate tasks (CQADupstackRetrieval): the sub-tasks a rebuild averages. */
  readonly aggregateOf?: readonly string[];
}

/** One model's row. Scores are fractions as stored (×100 happens in the reports). */
export interface ModelAggregate {
  readonly model: string;
  readonly revision: string | null;
  /** task → revision the score came from (join_revisions picks per task). */
  readonly taskRevisions: Readonly<Record<string, string>>;
  readonly meta: ModelMetaInfo | null;
  /** Strict task scores: null when a required (split, subset) pair is missing. */
  readonly tasks: Readonly<Record<string, number | null>>;
  readonly byType: Readonly<Record<string, number | null>>;
  readonly meanTask: number | null;
  /** Null for benchmarks without a Mean (TaskType) aggregation (RTEB). */
  readonly meanTaskType: number | null;
  readonly missing: readonly string[];
  readonly bordaRank: number;
  /** Aggregate tasks whose score was rebuilt from sub-task files (only with `rebuildCqadupstack`). */
  readonly rebuilt: readonly string[];
}

/** A benchmark's table. */
export interface BenchmarkAggregate {
  readonly benchmark: string;
  readonly tasks: readonly TaskDef[];
  /** Task types in first-seen task order. */
  readonly types: readonly string[];
  readonly hasTaskTypeMean: boolean;
  readonly rebuildCqadupstack: boolean;
  /** Sorted by Borda rank, then model name. */
  readonly models: readonly ModelAggregate[];
  /** Models of the tree without any score on this benchmark (left out, as on the leaderboard). */
  readonly excluded: readonly string[];
}

/** Options of `aggregateBenchmark`. */
export interface AggregateOptions {
  /** Rebuild CQADupstackRetrieval from its 12 sub-task files when its own file is absent (mteb never does). */
  readonly rebuildCqadupstack?: boolean;
}

const REBUILDABLE = "CQADupstackRetrieval";

/** The benchmark's public task instances (splits and subsets already filtered like mteb). */
/**
 * embeval report presets derived from mteb benchmarks: the 16 public RTEB(beta) tasks papers used before
 * SWEbenchCodeRetrieval was added to mteb (e.g. jina-embeddings-v5-text's Table 4).
 */
export const REPORT_PRESETS: Readonly<
  Record<string, { name: string; base: string; exclude: readonly string[] }>
> = {
  "rteb-16": { name: "RTEB(beta, 16 public)", base: "RTEB(beta)", exclude: ["SWEbenchCodeRetrieval"] },
  "RTEB(beta, 16 public)": {
    name: "RTEB(beta, 16 public)",
    base: "RTEB(beta)",
    exclude: ["SWEbenchCodeRetrieval"],
  },
};

export function benchmarkTaskDefs(benchmark: string): {
  name: string;
  tasks: TaskDef[];
  hasTaskTypeMean: boolean;
} {
  const preset = REPORT_PRESETS[benchmark];
  if (preset) {
    const base = benchmarkTaskDefs(preset.base);
    return { ...base, name: preset.name, tasks: base.tasks.filter((t) => !preset.exclude.includes(t.name)) };
  }
  let suite: ReturnType<typeof getSuite>;
  try {
    suite = getSuite(benchmark);
  } catch (e) {
    if (!isEmbevalError(e)) throw e;
    throw new EmbevalError("E_INVALID_ARGUMENT", `unknown benchmark "${benchmark}"`, {
      hint: e.hint ?? "run `embeval list suites`",
      cause: e,
    });
  }
  const tasks = suiteTasks(suite.name).map((t) => ({
    name: t.name,
    type: t.type,
    evalSplits: t.evalSplits,
    hfSubsets: t.hfSubsets,
    aggregateOf: t.task.kind === "Aggregate" ? t.task.aggregateOf : undefined,
  }));
  return { name: suite.name, tasks, hasTaskTypeMean: !suite.publicOnlySummary };
}

/** The stored main scores of the (split, subset) pairs a task instance asks for; undefined marks a missing pair. */
export function requiredScores(result: TaskResult | undefined, def: TaskDef): (number | null | undefined)[] {
  const out: (number | null | undefined)[] = [];
  const subsets = def.aggregateOf ? ["default"] : def.hfSubsets;
  for (const split of def.evalSplits) {
    const entries = result?.scores[split] ?? [];
    for (const subset of subsets) out.push(entries.find((e) => e.hf_subset === subset)?.main_score);
  }
  return out;
}

/** Leaderboard task score: the flat mean over all required pairs, null if any pair (or its main_score) is missing. */
export function taskScore(result: TaskResult | undefined, def: TaskDef): number | null {
  const values = requiredScores(result, def);
  if (values.length === 0 || values.some((v) => typeof v !== "number" || Number.isNaN(v))) return null;
  return mean(values as number[]);
}

/** The Borda frame's task score: the mean of the required pairs that are present (null if none). */
export function lenientTaskScore(result: TaskResult | undefined, def: TaskDef): number | null {
  const values = requiredScores(result, def).filter((v): v is number => typeof v === "number");
  return values.length === 0 ? null : mean(values);
}

function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Mean that is null as soon as one member is null (polars mean_horizontal(ignore_nulls=False)). */
export function strictMean(values: readonly (number | null)[]): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return mean(values as number[]);
}

/** Ranks with ties averaged, highest score = rank 1 (polars rank("average", descending=True)). */
function averageRanks(scores: readonly number[]): number[] {
  return scores.map((s) => {
    const higher = scores.filter((x) => x > s).length;
    const equal = scores.filter((x) => x === s).length;
    return higher + (equal + 1) / 2;
  });
}

/**
 * mteb's Borda rank: per task, models with a score are ranked (ties averaged) and earn n_models − rank, where
 * n_models counts models with at least one non-null task; totals are ranked with the "min" method, descending.
 */
export function bordaRanks(
  rows: readonly Readonly<Record<string, number | null>>[],
  taskNames: readonly string[],
): number[] {
  const nModels = rows.filter((r) => taskNames.some((t) => typeof r[t] === "number")).length;
  const totals = rows.map(() => 0);
  for (const t of taskNames) {
    const idx = rows.map((r, i) => (typeof r[t] === "number" ? i : -1)).filter((i) => i >= 0);
    const ranks = averageRanks(idx.map((i) => rows[i][t] as number));
    idx.forEach((i, k) => {
      totals[i] += nModels - ranks[k];
    });
  }
  return totals.map((b) => 1 + totals.filter((x) => x > b).length);
}

function aggregateModel(
  m: ModelResults,
  defs: readonly TaskDef[],
  types: readonly string[],
  opts: AggregateOptions,
  hasTaskTypeMean: boolean,
) {
  const tasks: Record<string, number | null> = {};
  const lenient: Record<string, number | null> = {};
  const taskRevisions: Record<string, string> = {};
  const rebuilt: string[] = [];
  for (const def of defs) {
    let file = m.tasks.get(def.name);
    let result = file?.result;
    if (!result && opts.rebuildCqadupstack && def.name === REBUILDABLE && def.aggregateOf) {
      result = rebuildAggregate(def.name, def.aggregateOf, def.evalSplits, m.tasks);
      if (result) rebuilt.push(def.name);
    }
    if (file) taskRevisions[def.name] = file.revision;
    tasks[def.name] = taskScore(result, def);
    lenient[def.name] = lenientTaskScore(result, def);
    file = undefined;
  }
  const byType: Record<string, number | null> = {};
  for (const type of types)
    byType[type] = strictMean(defs.filter((d) => d.type === type).map((d) => tasks[d.name]));
  return {
    row: {
      model: m.model,
      revision: m.mainRevision,
      taskRevisions,
      meta: m.meta,
      tasks,
      byType,
      meanTask: strictMean(defs.map((d) => tasks[d.name])),
      meanTaskType: hasTaskTypeMean ? strictMean(types.map((t) => byType[t])) : null,
      missing: defs.filter((d) => tasks[d.name] === null).map((d) => d.name),
      rebuilt,
    },
    lenient,
  };
}

/** Aggregates every model of a tree on a benchmark, like the leaderboard's summary and per-task tables. */
export function aggregateBenchmark(
  tree: ResultTree,
  benchmark: string,
  opts: AggregateOptions = {},
): BenchmarkAggregate {
  const { name, tasks: defs, hasTaskTypeMean } = benchmarkTaskDefs(benchmark);
  const types: string[] = [];
  for (const d of defs) if (!types.includes(d.type)) types.push(d.type);
  const all = tree.models.map((m) => aggregateModel(m, defs, types, opts, hasTaskTypeMean));
  // The leaderboard drops models without a single score on the benchmark (_build_per_task_pivot).
  const parts = all.filter((p) => Object.values(p.lenient).some((v) => v !== null));
  const excluded = all.filter((p) => !parts.includes(p)).map((p) => p.row.model);
  const names = defs.map((d) => d.name);
  const ranks = bordaRanks(
    parts.map((p) => p.lenient),
    names,
  );
  const models = parts
    .map((p, i) => ({ ...p.row, bordaRank: ranks[i] }))
    .sort((a, b) => a.bordaRank - b.bordaRank || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
  return {
    benchmark: name,
    tasks: defs,
    types,
    hasTaskTypeMean,
    rebuildCqadupstack: opts.rebuildCqadupstack ?? false,
    models,
    excluded,
  };
}

/** The task files a benchmark reads (including aggregate sub-tasks when rebuilding), for `readResultTree`'s filter. */
export function benchmarkTaskFiles(benchmark: string, opts: AggregateOptions = {}): Set<string> {
  const out = new Set<string>();
  for (const d of benchmarkTaskDefs(benchmark).tasks) {
    out.add(d.name);
    if (opts.rebuildCqadupstack && d.name === REBUILDABLE) for (const s of d.aggregateOf ?? []) out.add(s);
  }
  return out;
}
