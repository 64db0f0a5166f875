/**
 * The cross-benchmark retrieval table (jina-embeddings-v5-text's Table 4): per model, the retrieval mean of
 * MTEB(Multilingual, v2), MTEB(eng, v2), RTEB's 16 public tasks papers used, BEIR (CQADupstackRetrieval rebuilt
 * from its 12 sub-tasks) and LongEmbed, and their mean. A cell over an incomplete task set is null with a reason.
 */
import {
  aggregateBenchmark,
  type BenchmarkAggregate,
  benchmarkTaskFiles,
  REPORT_PRESETS,
} from "../results/aggregate.js";
import type { ResultTree } from "../results/tree.js";

/** The five benchmarks the paper tables read (keys used by check-against too). */
export const CROSS_BENCHMARKS = {
  mmteb: "MTEB(Multilingual, v2)",
  eng: "MTEB(eng, v2)",
  beir: "BEIR",
  long: "LongEmbed",
  rteb: "RTEB(beta)",
} as const;

/** A key of CROSS_BENCHMARKS. */
export type CrossBenchKey = keyof typeof CROSS_BENCHMARKS;

/** One aggregate per benchmark, computed once per tree. */
export type CrossAggregates = Readonly<Record<CrossBenchKey, BenchmarkAggregate>>;

/** Aggregates the five benchmarks (BEIR with CQADupstackRetrieval rebuilt from its 12 sub-tasks, as papers do). */
export function crossAggregates(tree: ResultTree): CrossAggregates {
  const out = {} as Record<CrossBenchKey, BenchmarkAggregate>;
  for (const k of Object.keys(CROSS_BENCHMARKS) as CrossBenchKey[])
    out[k] = aggregateBenchmark(tree, CROSS_BENCHMARKS[k], { rebuildCqadupstack: k === "beir" });
  return out;
}

/** The task files `crossAggregates` reads (for readResultTree's filter). */
export function crossBenchmarkTaskFiles(): Set<string> {
  const out = new Set<string>();
  for (const k of Object.keys(CROSS_BENCHMARKS) as CrossBenchKey[])
    for (const t of benchmarkTaskFiles(CROSS_BENCHMARKS[k], { rebuildCqadupstack: k === "beir" })) out.add(t);
  return out;
}

/** A column of the table. */
export type RetrievalColumn = "MTEB-M" | "MTEB-E" | "RTEB" | "BEIR" | "Long";

/** The columns in the paper's order, with the benchmark each averages and how. */
export const RETRIEVAL_COLUMNS: readonly {
  readonly key: RetrievalColumn;
  readonly bench: CrossBenchKey;
  readonly description: string;
}[] = [
  { key: "MTEB-M", bench: "mmteb", description: "MTEB(Multilingual, v2), tasks of type Retrieval" },
  { key: "MTEB-E", bench: "eng", description: "MTEB(eng, v2), tasks of type Retrieval" },
  {
    key: "RTEB",
    bench: "rteb",
    description: "RTEB(beta) without SWEbenchCodeRetrieval: the 16 public tasks papers used (preset rteb-16)",
  },
  {
    key: "BEIR",
    bench: "beir",
    description: "BEIR, CQADupstackRetrieval rebuilt from its 12 sub-task files when absent",
  },
  { key: "Long", bench: "long", description: "LongEmbed, all tasks" },
];

/** One cell: a fraction (×100 in the renderers), or null with the reason. */
export interface RetrievalCell {
  readonly value: number | null;
  /** The tasks averaged. */
  readonly tasks: readonly string[];
  /** Tasks without a score (a non-empty list makes the value null). */
  readonly missing: readonly string[];
  /** Why the value is null (null when it is not). */
  readonly reason: string | null;
}

/** One model's row. */
export interface RetrievalRow {
  readonly model: string;
  readonly cells: Readonly<Record<RetrievalColumn, RetrievalCell>>;
  /** The mean of the five columns; null when any column is. */
  readonly avg: RetrievalCell;
  /** True when BEIR's CQADupstackRetrieval was rebuilt from its sub-task files for this model. */
  readonly cqadupstackRebuilt: boolean;
}

/** The whole table. */
export interface RetrievalTable {
  readonly columns: typeof RETRIEVAL_COLUMNS;
  readonly rows: readonly RetrievalRow[];
}

const RTEB_EXCLUDED: readonly string[] = REPORT_PRESETS["rteb-16"].exclude;

/** The tasks a column averages. */
export function retrievalColumnTasks(aggs: CrossAggregates, column: RetrievalColumn): string[] {
  const spec = RETRIEVAL_COLUMNS.find((c) => c.key === column);
  if (!spec) return [];
  const tasks = aggs[spec.bench].tasks;
  if (column === "MTEB-M" || column === "MTEB-E")
    return tasks.filter((t) => t.type === "Retrieval").map((t) => t.name);
  if (column === "RTEB") return tasks.map((t) => t.name).filter((t) => !RTEB_EXCLUDED.includes(t));
  return tasks.map((t) => t.name);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function meanCell(
  tasks: readonly string[],
  scores: Readonly<Record<string, number | null>> | undefined,
  benchmark: string,
): RetrievalCell {
  if (tasks.length === 0) return { value: null, tasks, missing: [], reason: `${benchmark} has no such task` };
  if (scores === undefined)
    return { value: null, tasks, missing: [...tasks], reason: `no result on ${benchmark}` };
  const missing = tasks.filter((t) => typeof scores[t] !== "number");
  if (missing.length > 0) {
    const names = `${missing.slice(0, 8).join(", ")}${missing.length > 8 ? ", ..." : ""}`;
    return {
      value: null,
      tasks,
      missing,
      reason: `${missing.length} of ${plural(tasks.length, "task")} missing: ${names}`,
    };
  }
  let s = 0;
  for (const t of tasks) s += scores[t] as number;
  return { value: s / tasks.length, tasks, missing, reason: null };
}

/** A model's row (every column null with "no result" reasons when the model is in no aggregate). */
export function retrievalRow(aggs: CrossAggregates, model: string): RetrievalRow {
  const cells = {} as Record<RetrievalColumn, RetrievalCell>;
  for (const c of RETRIEVAL_COLUMNS) {
    const agg = aggs[c.bench];
    const m = agg.models.find((x) => x.model === model);
    cells[c.key] = meanCell(retrievalColumnTasks(aggs, c.key), m?.tasks, agg.benchmark);
  }
  const parts = RETRIEVAL_COLUMNS.map((c) => cells[c.key]);
  const absent = RETRIEVAL_COLUMNS.filter((c) => cells[c.key].value === null).map((c) => c.key);
  const avg: RetrievalCell =
    absent.length > 0
      ? {
          value: null,
          tasks: [],
          missing: parts.flatMap((p) => p.missing),
          reason: `column${absent.length === 1 ? "" : "s"} missing: ${absent.join(", ")}`,
        }
      : {
          value: parts.reduce((a, p) => a + (p.value as number), 0) / parts.length,
          tasks: [],
          missing: [],
          reason: null,
        };
  const beir = aggs.beir.models.find((x) => x.model === model);
  return { model, cells, avg, cqadupstackRebuilt: (beir?.rebuilt.length ?? 0) > 0 };
}

/**
 * The table for `models` (in that order), or for every model with a result on at least one of the five
 * benchmarks (in the aggregates' model-name order).
 */
export function retrievalTable(aggs: CrossAggregates, models?: readonly string[]): RetrievalTable {
  let names = models ? [...models] : [];
  if (!models) {
    const seen = new Set<string>();
    for (const k of Object.keys(CROSS_BENCHMARKS) as CrossBenchKey[])
      for (const m of aggs[k].models) seen.add(m.model);
    names = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return { columns: RETRIEVAL_COLUMNS, rows: names.map((m) => retrievalRow(aggs, m)) };
}
