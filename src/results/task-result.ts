/** mteb's TaskResult JSON (mteb/results/task_result.py, schema ≥ v1.11): types, validation, 6-decimal rounding. */
import { pyRound } from "../../metrics/numeric.js";
import { EmbevalError } from "../errors.js";
import type { PyJson } from "./python-json.js";

/** One (split, hf_subset) entry of `scores`: the task type's metric keys plus these fixed ones. */
export interface ScoresEntry {
  main_score: number | null;
  hf_subset: string;
  languages: string[];
  [metric: string]: PyJson;
}

/** A phase of `evaluation_phases`. */
export interface EvaluationPhase {
  name: string;
  start: number;
  end: number;
  split?: string;
  subset?: string;
}

/** A result file as mteb writes it. Key order is the order mteb's pydantic model dumps. */
export interface TaskResult {
  dataset_revision: string;
  task_name: string;
  mteb_version: string | null;
  scores: Record<string, ScoresEntry[]>;
  evaluation_time: number | null;
  kg_co2_emissions: number | null;
  date?: number | null;
  evaluation_phases?: EvaluationPhase[] | null;
  [extra: string]: unknown;
}

/** Python `round(x, 6)` applied to every float in a JSON value (TaskResult.to_disk), recursively. */
export function roundFloats(value: PyJson, ndigits = 6): PyJson {
  if (typeof value === "number") return Number.isFinite(value) ? pyRound(value, ndigits) : value;
  if (Array.isArray(value)) return value.map((v) => roundFloats(v, ndigits));
  if (value !== null && typeof value === "object") {
    const out: { [k: string]: PyJson } = {};
    for (const [k, v] of Object.entries(value)) out[k] = roundFloats(v, ndigits);
    return out;
  }
  return value;
}

function fail(source: string, what: string): never {
  throw new EmbevalError("E_PARSE", `${source}: ${what}`, {
    hint: "the file is not an mteb TaskResult (schema ≥ 1.11); pre-1.11 files are converted by the results reader",
  });
}

/** Check a parsed value has the TaskResult shape; returns it typed. Missing subset fields are coded errors. */
export function asTaskResult(v: PyJson, source: string): TaskResult {
  if (v === null || typeof v !== "object" || Array.isArray(v)) fail(source, "expected a JSON object");
  const o = v as Record<string, PyJson>;
  if (typeof o.task_name !== "string") fail(source, 'missing "task_name"');
  if (o.scores === null || typeof o.scores !== "object" || Array.isArray(o.scores))
    fail(source, 'missing "scores"');
  for (const [split, entries] of Object.entries(o.scores)) {
    if (!Array.isArray(entries)) fail(source, `scores["${split}"] must be a list of subset entries`);
    entries.forEach((e, i) => {
      if (e === null || typeof e !== "object" || Array.isArray(e))
        fail(source, `scores["${split}"][${i}] is not an object`);
      const entry = e as Record<string, PyJson>;
      if (typeof entry.hf_subset !== "string") fail(source, `scores["${split}"][${i}] has no "hf_subset"`);
      if (entry.main_score !== null && typeof entry.main_score !== "number") {
        fail(source, `scores["${split}"][${i}].main_score is not a number`);
      }
    });
  }
  return o as unknown as TaskResult;
}

/** The main score of one (split, subset), or undefined when that pair is absent. */
export function mainScoreOf(result: TaskResult, split: string, subset: string): number | null | undefined {
  const entry = result.scores[split]?.find((e) => e.hf_subset === subset);
  return entry === undefined ? undefined : entry.main_score;
}
