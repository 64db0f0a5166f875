/**
 * Pre-v1.11 mteb result files converted the way mteb's TaskResult.from_disk does
 * (mteb/results/task_result.py: _convert_from_before_v1_11_0, _fix_pair_classification_scores).
 */
import { getTask, hasTask, taskNames } from "../../tasks/registry/index.js";
import type { TaskSpec } from "../../tasks/types.js";
import { EmbevalError } from "../errors.js";
import { parseMtebVersion, versionBelow } from "./mteb-version.js";
import type { PyJson } from "./python-json.js";
import { asTaskResult, type ScoresEntry, type TaskResult } from "./task-result.js";

/** mteb's `renamed_tasks`: old file stems mapped to current task names. */
export const RENAMED_TASKS: Readonly<Record<string, string>> = {
  NorwegianParliament: "NorwegianParliamentClassification",
  CMedQAv2: "CMedQAv2-reranking",
  CMedQAv1: "CMedQAv1-reranking",
  "8TagsClustering": "EightTagsClustering",
  PPC: "PpcPC",
};

/** Keys whose dict values are metric groups, not subsets (mteb's contains_hf_subset test). */
const GROUP_KEYS = new Set(["v_measures", "cos_sim", "euclidean", "manhattan", "dot", "max"]);
/** Old similarity prefixes renamed to mteb's ScoringFunction values. */
const PREFIXES: readonly [string, string][] = [
  ["cosine", "cos_sim"],
  ["manhattan", "manhattan"],
  ["euclidean", "euclidean"],
  ["dot", "dot"],
  ["max", "max"],
  ["similarity", "similarity"],
];

type Obj = { [k: string]: PyJson };
const isObj = (v: PyJson | undefined): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** Whether mteb would load this object with the historic converter (mteb_version < 1.11.0 or absent, no `scores`). */
export function isLegacyResult(data: PyJson): boolean {
  if (!isObj(data) || "scores" in data) return false;
  const v = data.mteb_version;
  return !("mteb_version" in data) || (v !== null && versionBelow(v, "1.11.0"));
}

/** The registered task for a legacy file's name: renamed_tasks, then exact, then case-insensitive; undefined if unknown. */
export function resolveLegacyTask(name: string): TaskSpec | undefined {
  const renamed = RENAMED_TASKS[name] ?? name;
  if (hasTask(renamed)) return getTask(renamed);
  const lower = renamed.toLowerCase();
  const hit = taskNames().find((t) => t.toLowerCase() === lower);
  return hit === undefined ? undefined : getTask(hit);
}

/** Converts a pre-1.11 result object to the current TaskResult shape; `source` names the file in errors. */
export function convertLegacyResult(data: PyJson, source: string): TaskResult {
  if (!isObj(data) || typeof data.mteb_dataset_name !== "string") {
    throw new EmbevalError(
      "E_PARSE",
      `${source}: neither a TaskResult nor a pre-1.11 result (no "mteb_dataset_name")`,
    );
  }
  const scores: Obj = structuredClone(data);
  const datasetRevision = scores.dataset_revision ?? "dataset revision not available";
  const taskNameRaw = scores.mteb_dataset_name as string;
  const mtebVersion = "mteb_version" in scores ? scores.mteb_version : "mteb version not available";
  delete scores.dataset_revision;
  delete scores.mteb_dataset_name;
  delete scores.mteb_version;
  let evaluationTime = 0;
  for (const split of Object.values(scores)) {
    if (isObj(split) && typeof split.evaluation_time === "number") {
      evaluationTime += split.evaluation_time;
      delete split.evaluation_time;
    }
  }
  const containsSubset = Object.values(scores).some(
    (split) => isObj(split) && Object.entries(split).some(([k, v]) => !GROUP_KEYS.has(k) && isObj(v)),
  );
  const bySplit: Record<string, Record<string, Obj>> = {};
  for (const [split, s] of Object.entries(scores)) {
    if (!isObj(s)) throw new EmbevalError("E_PARSE", `${source}: split "${split}" is not an object`);
    bySplit[split] = containsSubset ? (s as Record<string, Obj>) : { default: s };
  }
  const task = resolveLegacyTask(taskNameRaw);
  if (task === undefined) {
    throw new EmbevalError("E_PARSE", `${source}: legacy result for unknown task "${taskNameRaw}"`, {
      hint: "mteb loads such files as dummy tasks of removed datasets; embeval skips them",
    });
  }
  const taskName = task.name;
  const mainKey: string = task.mainScore;
  for (const subsets of Object.values(bySplit)) {
    for (const entry of Object.values(subsets)) {
      for (const [name, prev] of PREFIXES) {
        const group = entry[prev];
        if (group === undefined || group === null) continue;
        delete entry[prev];
        if (isObj(group)) for (const [k, v] of Object.entries(group)) entry[`${name}_${k}`] = v;
      }
      if (!("main_score" in entry)) {
        const v = entry[mainKey];
        entry.main_score = typeof v === "number" ? v : null;
      }
    }
  }
  if (["MLSUMClusteringP2P", "MLSUMClusteringS2S"].includes(taskName)) {
    if (mtebVersion === "1.1.2.dev0" || mtebVersion === "1.1.3.dev0") {
      const test = bySplit.test;
      if (test?.default) {
        test.fr = test.default;
        delete test.default;
      }
    }
  }
  if (taskName === "XPQARetrieval" && bySplit.test?.fr) {
    bySplit.test["fra-fra"] = bySplit.test.fr;
    delete bySplit.test.fr;
  }
  const flat: Record<string, ScoresEntry[]> = {};
  for (const [split, subsets] of Object.entries(bySplit)) {
    flat[split] = Object.entries(subsets).map(([hf, e]) => ({
      ...e,
      main_score: e.main_score as number | null,
      hf_subset: hf,
      languages: [...(task.hfSubsets[hf] ?? [])],
    }));
  }
  return {
    dataset_revision: typeof datasetRevision === "string" ? datasetRevision : String(datasetRevision),
    task_name: taskName,
    mteb_version: typeof mtebVersion === "string" ? mtebVersion : null,
    scores: flat,
    evaluation_time: evaluationTime,
    kg_co2_emissions: null,
  };
}

/** Files older than mteb 1.12.48 nest PairClassification metrics (`max: {ap}`); flatten to `max_ap` (in place on a copy). */
export function fixPairClassificationScores(result: TaskResult): TaskResult {
  const task = hasTask(result.task_name) ? getTask(result.task_name) : undefined;
  if (task?.type !== "PairClassification") return result;
  const scores: Record<string, ScoresEntry[]> = {};
  for (const [split, entries] of Object.entries(result.scores)) {
    scores[split] = entries.map((e) => {
      const out: ScoresEntry = { ...e };
      for (const [k, v] of Object.entries(e)) {
        if (isObj(v as PyJson)) {
          for (const [kk, vv] of Object.entries(v as Obj)) out[`${k}_${kk}`] = vv;
          delete out[k];
        }
      }
      return out;
    });
  }
  return { ...result, scores };
}

/** mteb's TaskResult.from_disk on already-parsed JSON: validate, else convert historic data; then the 1.12.48 fix. */
export function loadTaskResultData(data: PyJson, source: string): TaskResult {
  const result = isLegacyResult(data) ? convertLegacyResult(data, source) : asTaskResult(data, source);
  const v = isObj(data) ? data.mteb_version : null;
  return parseMtebVersion(v) !== null && versionBelow(v, "1.12.48")
    ? fixPairClassificationScores(result)
    : result;
}
