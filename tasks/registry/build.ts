/** Pure builder of the committed registry files from mteb 2.20.0's extracted task metadata (tasks-all-text.json) and benchmarks (benchmarks.json). */
import { ABS_TASK_BASES, type JsonValue, TASK_TYPES, type TaskPrompt } from "../types.js";
import { buildSuites } from "./build-suites.js";
import {
  arr,
  bool,
  type JsonObject,
  num,
  obj,
  parseFail,
  str,
  strList,
  strListOrNull,
  strOrNull,
} from "./read-source.js";
import type {
  SplitStatsRecord,
  SubsetStatsRecord,
  SuiteRecord,
  SuitesFile,
  TaskRecord,
  TasksFile,
} from "./records.js";
import { deriveSubsetLangs, sameList } from "./subset-langs.js";

/** The generated files: relative file name → exact contents. */
export type GeneratedFiles = Readonly<Record<string, string>>;

/** Deterministic name order: case-insensitive, then by code point. */
export function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function subsetStats(s: JsonObject, where: string): SubsetStatsRecord {
  const r: SubsetStatsRecord = { n: num(s.num_samples, `${where}.num_samples`) };
  if (s.num_queries !== undefined) r.q = num(s.num_queries, `${where}.num_queries`);
  if (s.num_documents !== undefined) r.d = num(s.num_documents, `${where}.num_documents`);
  if (s.number_of_characters !== undefined)
    r.c = num(s.number_of_characters, `${where}.number_of_characters`);
  return r;
}

function splitStats(s: JsonObject, where: string): SplitStatsRecord {
  const r: SplitStatsRecord = subsetStats(s, where);
  if (s.num_relevant_docs !== undefined) r.rel = num(s.num_relevant_docs, `${where}.num_relevant_docs`);
  if (s.num_top_ranked !== undefined) r.top = num(s.num_top_ranked, `${where}.num_top_ranked`);
  if (s.unique_labels !== undefined) r.labels = num(s.unique_labels, `${where}.unique_labels`);
  if (s.subsets !== undefined) {
    const subs = obj(s.subsets, `${where}.subsets`);
    r.subsets = {};
    for (const [k, v] of Object.entries(subs))
      r.subsets[k] = subsetStats(obj(v, `${where}.subsets.${k}`), where);
  }
  return r;
}

const SUMMED = ["n", "q", "d", "c", "rel", "top"] as const;

/** Aggregate tasks: per split, the sum of the sub-tasks' counts. */
function aggregateStats(agg: JsonObject, where: string): Record<string, SplitStatsRecord> {
  const out: Record<string, SplitStatsRecord> = {};
  for (const [sub, splits] of Object.entries(agg)) {
    for (const [split, s] of Object.entries(obj(splits, `${where}.${sub}`))) {
      const one = splitStats(obj(s, `${where}.${sub}.${split}`), `${where}.${sub}.${split}`);
      const acc: SplitStatsRecord = out[split] ?? { n: 0 };
      for (const k of SUMMED) {
        const v = one[k];
        if (v !== undefined) acc[k] = (acc[k] ?? 0) + v;
      }
      out[split] = acc;
    }
  }
  return out;
}

function statsOf(t: JsonObject, where: string): Pick<TaskRecord, "stats" | "statsMissing"> {
  const ds = obj(t.descriptive_stats, `${where}.descriptive_stats`);
  if (!bool(ds.available, `${where}.descriptive_stats.available`)) {
    return { stats: null, statsMissing: str(ds.reason, `${where}.descriptive_stats.reason`) };
  }
  if (ds.aggregate_of !== undefined) {
    return { stats: aggregateStats(obj(ds.aggregate_of, `${where}.aggregate_of`), where) };
  }
  const stats: Record<string, SplitStatsRecord> = {};
  for (const [split, s] of Object.entries(obj(ds.splits, `${where}.descriptive_stats.splits`))) {
    stats[split] = splitStats(obj(s, `${where}.stats.${split}`), `${where}.stats.${split}`);
  }
  return { stats };
}

function promptOf(v: JsonValue | undefined, where: string): TaskPrompt | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v;
  const o = obj(v, where);
  const p: { query?: string; document?: string } = {};
  for (const k of Object.keys(o)) {
    if (k !== "query" && k !== "document") parseFail(`${where}.${k}`, "unknown prompt key");
  }
  if (o.query !== undefined) p.query = str(o.query, `${where}.query`);
  if (o.document !== undefined) p.document = str(o.document, `${where}.document`);
  return p;
}

/** Converts one task object of tasks-all-text.json into its compact record. */
export function taskRecord(t: JsonObject): TaskRecord {
  const name = str(t.name, "task.name");
  const w = `task ${name}`;
  const dsIn = obj(t.dataset, `${w}.dataset`);
  const dataset: TaskRecord["dataset"] = {
    path: str(dsIn.path, `${w}.dataset.path`),
    revision: str(dsIn.revision, `${w}.dataset.revision`),
    ...(dsIn.name !== undefined ? { name: str(dsIn.name, `${w}.dataset.name`) } : {}),
    ...(dsIn.split !== undefined ? { split: str(dsIn.split, `${w}.dataset.split`) } : {}),
  };
  const languages = strList(t.languages, `${w}.languages`);
  const hf = obj(t.hf_subsets, `${w}.hf_subsets`);
  const keys = Object.keys(hf);
  const subsetLangs: Record<string, string[]> = {};
  for (const k of keys) {
    const langs = strList(hf[k], `${w}.hf_subsets.${k}`);
    const derived = deriveSubsetLangs(k, languages);
    if (derived === null || !sameList(derived, langs)) subsetLangs[k] = langs;
  }
  const attrs = obj(t.task_class_attrs, `${w}.task_class_attrs`);
  const benchmarks = strList(t.benchmarks, `${w}.benchmarks`);
  const adaptedFrom = strListOrNull(t.adapted_from, `${w}.adapted_from`);
  const aggregateOf = strListOrNull(t.aggregate_of, `${w}.aggregate_of`);
  const supersededBy = strOrNull(t.superseded_by, `${w}.superseded_by`);
  const prompt = promptOf(t.prompt, `${w}.prompt`);
  if (!bool(t.is_public, `${w}.is_public`)) parseFail(`${w}.is_public`, "private tasks are not registered");
  const type = str(t.type, `${w}.type`);
  const abstask = str(t.abstask_base, `${w}.abstask_base`);
  if (!(TASK_TYPES as readonly string[]).includes(type)) parseFail(`${w}.type`, `unknown task type ${type}`);
  if (!(ABS_TASK_BASES as readonly string[]).includes(abstask))
    parseFail(`${w}.abstask_base`, `unknown ${abstask}`);
  return {
    name,
    type,
    abstask,
    taskClass: str(t.task_class, `${w}.task_class`),
    dataset,
    evalSplits: strList(t.eval_splits, `${w}.eval_splits`),
    ...(keys.length === 1 && keys[0] === "default" ? {} : { subsets: keys }),
    ...(Object.keys(subsetLangs).length > 0 ? { subsetLangs } : {}),
    languages,
    isMultilingual: bool(t.is_multilingual, `${w}.is_multilingual`),
    mainScore: str(t.main_score, `${w}.main_score`),
    category: str(t.category, `${w}.category`),
    modalities: strList(t.modalities, `${w}.modalities`),
    domains: strListOrNull(t.domains, `${w}.domains`),
    license: strOrNull(t.license, `${w}.license`),
    reference: strOrNull(t.reference, `${w}.reference`),
    ...(supersededBy !== null ? { supersededBy } : {}),
    ...(adaptedFrom !== null ? { adaptedFrom } : {}),
    ...(aggregateOf !== null ? { aggregateOf } : {}),
    ...(prompt !== undefined ? { prompt } : {}),
    ...(Object.keys(attrs).length > 0 ? { attrs: { ...attrs } } : {}),
    sourceFile: str(t.source_file, `${w}.source_file`),
    ...(benchmarks.length > 0 ? { benchmarks } : {}),
    ...statsOf(t, w),
  };
}

/** JSON with one array element per line, so diffs of the committed files stay readable. */
export function linesJson(head: Record<string, JsonValue>, key: string, items: readonly unknown[]): string {
  const headText = JSON.stringify(head).slice(0, -1);
  const sep = headText.length > 1 ? "," : "";
  const body = items.map((x) => JSON.stringify(x)).join(",\n");
  return `${headText}${sep}${JSON.stringify(key)}:[\n${body}\n]}\n`;
}

/** Builds tasks.json and suites.json from the parsed source files; same input → byte-identical output. */
export function buildRegistry(tasksAll: JsonValue, benchmarks: JsonValue): GeneratedFiles {
  const bench = obj(benchmarks, "benchmarks.json");
  const meta = obj(bench._meta, "benchmarks.json._meta");
  const mtebCommit = str(meta.mteb_commit, "benchmarks.json._meta.mteb_commit");
  const records = arr(tasksAll, "tasks-all-text.json").map((t, i) => taskRecord(obj(t, `task #${i}`)));
  records.sort((a, b) => compareNames(a.name, b.name));
  for (let i = 1; i < records.length; i++) {
    if (records[i].name === records[i - 1].name) parseFail(`task ${records[i].name}`, "duplicate task name");
  }
  const suites: SuiteRecord[] = buildSuites(bench);
  const tasksHead: Omit<TasksFile, "tasks"> = { format: 1, source: { mtebCommit, nTasks: records.length } };
  const suitesHead: Omit<SuitesFile, "suites"> = { format: 1, source: { mtebCommit } };
  return {
    "tasks.json": linesJson(tasksHead, "tasks", records),
    "suites.json": linesJson(suitesHead, "suites", suites),
  };
}
