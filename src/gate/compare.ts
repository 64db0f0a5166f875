/**
 * `embeval compare` without the CLI: reads a baseline and a candidate mteb results tree (+ per-item sidecars),
 * compares every task's main score (×100 points) with a seeded paired bootstrap where items exist, and the
 * benchmark means (mteb leaderboard aggregation, src/results/aggregate.ts) when a benchmark is named.
 */
import { resolve } from "node:path";
import { EmbevalError } from "../errors.js";
import {
  aggregateBenchmark,
  benchmarkTaskDefs,
  benchmarkTaskFiles,
  type ModelAggregate,
  type TaskDef,
} from "../results/aggregate.js";
import { type ModelResults, readResultTree } from "../results/tree.js";
import { itemsFor, pairsOfDef, pairsOfResult, pickModel, type SplitSubset, scoreOver } from "./sides.js";
import {
  compareTask,
  DEFAULT_GATE,
  type GateOptions,
  type TaskComparison,
  type TaskSide,
} from "./verdict.js";

/** What to compare. Thresholds default to DEFAULT_GATE. */
export interface CompareInput extends Partial<GateOptions> {
  readonly baseline: readonly string[];
  readonly candidate: readonly string[];
  /** Compare this benchmark's tasks and (split, subset) pairs, and its means. */
  readonly benchmark?: string;
  /** The model to take from each tree when a tree holds several. */
  readonly model?: string;
  /** Per-side model, overriding `model` (e.g. to compare two models of one tree). */
  readonly baselineModel?: string;
  readonly candidateModel?: string;
}

/** Which model and revision a side resolved to. */
export interface SideInfo {
  readonly roots: readonly string[];
  readonly model: string;
  readonly revision: string | null;
}

/** One benchmark mean, in points. */
export interface BenchmarkRow {
  readonly label: string;
  readonly baseline: number | null;
  readonly candidate: number | null;
  readonly delta: number | null;
}

/** The benchmark means of both sides (null means: a task of the benchmark is missing on that side). */
export interface BenchmarkComparison {
  readonly benchmark: string;
  readonly rows: readonly BenchmarkRow[];
  readonly missingBaseline: readonly string[];
  readonly missingCandidate: readonly string[];
}

/** The whole comparison. */
export interface CompareReport {
  readonly baseline: SideInfo;
  readonly candidate: SideInfo;
  readonly options: GateOptions;
  readonly tasks: readonly TaskComparison[];
  readonly benchmark: BenchmarkComparison | null;
  /** Names of the tasks that fail the gate. */
  readonly failing: readonly string[];
  readonly pass: boolean;
}

/** Fills defaults and rejects bad thresholds with E_INVALID_ARGUMENT. */
export function gateOptions(input: Partial<GateOptions>): GateOptions {
  const o = {
    ...DEFAULT_GATE,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
  };
  const bad = (what: string, hint: string) =>
    new EmbevalError("E_INVALID_ARGUMENT", what, { hint }) satisfies EmbevalError;
  if (!Number.isFinite(o.maxDrop) || o.maxDrop < 0)
    throw bad(`--max-drop must be a number ≥ 0, got ${o.maxDrop}`, "points on the ×100 scale, e.g. 0.5");
  if (!Number.isFinite(o.alpha) || o.alpha <= 0 || o.alpha > 1)
    throw bad(`--alpha must be in (0, 1], got ${o.alpha}`, "e.g. 0.05");
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff)
    throw bad(`--seed must be an integer in [0, 2^32), got ${o.seed}`, "e.g. 42");
  if (!Number.isInteger(o.resamples) || o.resamples < 1 || o.resamples > 1_000_000)
    throw bad(`--resamples must be an integer in [1, 10^6], got ${o.resamples}`, "e.g. 1000");
  return o as GateOptions;
}

async function sideOf(
  m: ModelResults,
  task: string,
  pairs: readonly SplitSubset[],
): Promise<TaskSide | undefined> {
  const file = m.tasks.get(task);
  if (!file) return undefined;
  const score = scoreOver(file.result, pairs);
  if (score === null) return { score, records: null, note: "not scored" };
  const items = await itemsFor(file, pairs);
  return { score, records: items.records, note: items.note };
}

async function readSide(
  roots: readonly string[],
  side: string,
  name: string | undefined,
  tasks?: Set<string>,
) {
  if (roots.length === 0) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `--${side} <dir> is required`, {
      hint: "an mteb results tree: <org>__<model>/<revision>/<Task>.json",
    });
  }
  const abs = roots.map((r) => resolve(r));
  const tree = await readResultTree(abs, { tasks });
  const model = pickModel(tree, side, name);
  return { model, info: { roots: abs, model: model.model, revision: model.mainRevision } };
}

function benchmarkRows(
  b: ModelAggregate | undefined,
  c: ModelAggregate | undefined,
  types: readonly string[],
) {
  const row = (label: string, get: (m: ModelAggregate) => number | null): BenchmarkRow => {
    const bv = b ? get(b) : null;
    const cv = c ? get(c) : null;
    const base = bv === null ? null : bv * 100;
    const cand = cv === null ? null : cv * 100;
    return {
      label,
      baseline: base,
      candidate: cand,
      delta: base === null || cand === null ? null : cand - base,
    };
  };
  return [
    row("Mean (Task)", (m) => m.meanTask),
    row("Mean (TaskType)", (m) => m.meanTaskType),
    ...types.map((t) => row(t, (m) => m.byType[t] ?? null)),
  ];
}

function compareBenchmark(name: string, base: ModelResults, cand: ModelResults): BenchmarkComparison {
  const one = (m: ModelResults) => aggregateBenchmark({ models: [m], experiments: [], skipped: [] }, name);
  const b = one(base);
  const c = one(cand);
  const rows = benchmarkRows(b.models[0], c.models[0], b.types).filter(
    (r) => b.hasTaskTypeMean || r.label !== "Mean (TaskType)",
  );
  const allNames = b.tasks.map((t) => t.name);
  return {
    benchmark: b.benchmark,
    rows,
    missingBaseline: b.models[0]?.missing ?? allNames,
    missingCandidate: c.models[0]?.missing ?? allNames,
  };
}

/** Runs the comparison (reads both trees and their sidecars). Coded errors for unreadable input. */
export async function compareResults(input: CompareInput): Promise<CompareReport> {
  const options = gateOptions(input);
  let defs: TaskDef[] | null = null;
  let filter: Set<string> | undefined;
  let benchmarkName: string | undefined;
  if (input.benchmark !== undefined) {
    const resolved = benchmarkTaskDefs(input.benchmark);
    benchmarkName = resolved.name;
    defs = resolved.tasks;
    filter = benchmarkTaskFiles(resolved.name);
  }
  const base = await readSide(input.baseline, "baseline", input.baselineModel ?? input.model, filter);
  const cand = await readSide(input.candidate, "candidate", input.candidateModel ?? input.model, filter);
  const names = [...new Set([...base.model.tasks.keys(), ...cand.model.tasks.keys()])].sort();
  const jobs: { task: string; type: string | null; pairs: SplitSubset[] }[] = [];
  if (defs) {
    for (const d of defs)
      if (names.includes(d.name)) jobs.push({ task: d.name, type: d.type, pairs: pairsOfDef(d) });
  } else {
    for (const task of names) {
      const ref = base.model.tasks.get(task) ?? cand.model.tasks.get(task);
      if (ref) jobs.push({ task, type: null, pairs: pairsOfResult(ref.result) });
    }
  }
  const tasks: TaskComparison[] = [];
  for (const j of jobs) {
    const b = await sideOf(base.model, j.task, j.pairs);
    const c = await sideOf(cand.model, j.task, j.pairs);
    if ((b?.score ?? null) === null && (c?.score ?? null) === null) continue;
    tasks.push(compareTask(j.task, j.type, b, c, options));
  }
  const benchmark = benchmarkName ? compareBenchmark(benchmarkName, base.model, cand.model) : null;
  const failing = tasks.filter((t) => t.failing).map((t) => t.task);
  return {
    baseline: base.info,
    candidate: cand.info,
    options,
    tasks,
    benchmark,
    failing,
    pass: failing.length === 0,
  };
}
