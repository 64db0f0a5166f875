/**
 * Dims × quantization table of a benchmark (the paper's Figure 5 / Table 6): per model, one row per experiment
 * folder of its main revision (`embed_dim_<n>[_renorm]`, `quantize_<kind>`, `embed_dim_<n>__quantize_<kind>`) plus
 * the full-precision result, each with the benchmark mean and the retrieval mean over the tasks scored in every
 * compared result, and the delta to full precision in points.
 */
import { type BenchmarkAggregate, taskScore } from "../results/aggregate.js";
import { parseExperimentKey } from "../results/layout.js";
import type { ResultTree } from "../results/tree.js";

/** What an experiment folder key says (results/layout.ts experimentKey). */
export interface ExperimentKind {
  /** Truncation dim; null when the experiment does not truncate. */
  readonly dim: number | null;
  readonly renormalize: boolean;
  /** mteb CompressionWrapper kind; null for float32. */
  readonly quantization: string | null;
}

/**
 * The kind of an experiment folder key (results/layout.ts parseExperimentKey); null for keys embeval does not
 * write and for `--max-tokens` experiments (not a dims × quantization run).
 */
export function experimentKind(key: string | undefined): ExperimentKind | null {
  const spec = key === undefined ? undefined : parseExperimentKey(key);
  if (spec === undefined || spec.maxTokens !== undefined) return null;
  return {
    dim: spec.dim ?? null,
    renormalize: spec.renormalize ?? false,
    quantization: spec.quantize ?? null,
  };
}

/** One row: the full-precision result (`key` null) or one experiment. Means are fractions, deltas points. */
export interface ExperimentRow {
  readonly key: string | null;
  readonly kind: ExperimentKind;
  /** The embedding dim of the row: the truncation dim, else the model's full dim (null when unknown). */
  readonly dim: number | null;
  readonly mean: number | null;
  readonly retrievalMean: number | null;
  /** (mean − full-precision mean) × 100. */
  readonly deltaMean: number | null;
  readonly deltaRetrieval: number | null;
}

/** A task scored in some compared results but not in all, and where it lacks a score. */
export interface LeftOutTask {
  readonly task: string;
  /** Row labels ("full precision", experiment keys) without a score for it. */
  readonly missingIn: readonly string[];
}

/** One model's table. */
export interface ExperimentTable {
  readonly model: string;
  readonly benchmark: string;
  /** model_meta embed_dim of the full-precision result (null when unknown). */
  readonly fullDim: number | null;
  /** Full precision first, then float32 truncations, then each quantization kind; dims descending within. */
  readonly rows: readonly ExperimentRow[];
  /** The tasks every mean averages (scored in every row). */
  readonly tasks: readonly string[];
  /** Those of type Retrieval (the retrieval mean's tasks). */
  readonly retrievalTasks: readonly string[];
  readonly leftOut: readonly LeftOutTask[];
  /** Benchmark tasks scored in none of the compared results. */
  readonly notRun: number;
  readonly benchmarkTasks: number;
}

/** The label of a row in outputs. */
export function rowLabel(key: string | null): string {
  return key ?? "full precision";
}

function meanOver(tasks: readonly string[], scores: ReadonlyMap<string, number>): number | null {
  if (tasks.length === 0) return null;
  let s = 0;
  for (const t of tasks) s += scores.get(t) as number;
  return s / tasks.length;
}

const delta = (x: number | null, full: number | null): number | null =>
  x === null || full === null ? null : (x - full) * 100;

function order(a: ExperimentRow, b: ExperimentRow): number {
  if (a.key === null || b.key === null) return a.key === null ? -1 : 1;
  const qa = a.kind.quantization ?? "";
  const qb = b.kind.quantization ?? "";
  if (qa !== qb) return qa < qb ? -1 : 1;
  if (a.kind.renormalize !== b.kind.renormalize) return a.kind.renormalize ? 1 : -1;
  return (b.dim ?? Number.POSITIVE_INFINITY) - (a.dim ?? Number.POSITIVE_INFINITY);
}

/**
 * Tables for the aggregate's models that have experiment folders (under their main revision) holding at least
 * one task of the benchmark; models without such folders are left out.
 */
export function experimentTables(tree: ResultTree, agg: BenchmarkAggregate): ExperimentTable[] {
  const out: ExperimentTable[] = [];
  for (const m of agg.models) {
    const series: { key: string | null; kind: ExperimentKind; scores: Map<string, number> }[] = [];
    const main = new Map<string, number>();
    for (const def of agg.tasks) {
      const v = m.tasks[def.name];
      if (typeof v === "number") main.set(def.name, v);
    }
    series.push({ key: null, kind: { dim: null, renormalize: false, quantization: null }, scores: main });
    for (const e of tree.experiments) {
      const kind = experimentKind(e.experiment);
      if (e.model !== m.model || e.revision !== m.revision || kind === null) continue;
      if (!agg.tasks.some((d) => e.files.has(d.name))) continue;
      const scores = new Map<string, number>();
      for (const def of agg.tasks) {
        const v = taskScore(e.files.get(def.name)?.result, def);
        if (v !== null) scores.set(def.name, v);
      }
      series.push({ key: e.experiment ?? null, kind, scores });
    }
    if (series.length === 1) continue;
    const names = agg.tasks.map((d) => d.name);
    const tasks = names.filter((t) => series.every((s) => s.scores.has(t)));
    const retrievalTasks = agg.tasks
      .filter((d) => d.type === "Retrieval" && tasks.includes(d.name))
      .map((d) => d.name);
    const leftOut = names
      .filter((t) => !tasks.includes(t) && series.some((s) => s.scores.has(t)))
      .map((task) => ({
        task,
        missingIn: series.filter((s) => !s.scores.has(task)).map((s) => rowLabel(s.key)),
      }));
    const notRun = names.filter((t) => series.every((s) => !s.scores.has(t))).length;
    const fullDim = m.meta?.embedDim ?? null;
    const fullMean = meanOver(tasks, main);
    const fullRetrieval = meanOver(retrievalTasks, main);
    const rows = series
      .map((s) => {
        const mean = meanOver(tasks, s.scores);
        const retrievalMean = meanOver(retrievalTasks, s.scores);
        return {
          key: s.key,
          kind: s.kind,
          dim: s.kind.dim ?? fullDim,
          mean,
          retrievalMean,
          deltaMean: delta(mean, fullMean),
          deltaRetrieval: delta(retrievalMean, fullRetrieval),
        };
      })
      .sort(order);
    out.push({
      model: m.model,
      benchmark: agg.benchmark,
      fullDim,
      rows,
      tasks,
      retrievalTasks,
      leftOut,
      notRun,
      benchmarkTasks: names.length,
    });
  }
  return out;
}
