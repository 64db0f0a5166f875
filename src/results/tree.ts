/**
 * Reads mteb results trees (`<org>__<model>/<revision>/<Task>.json`, model_meta.json, external /
 * no_revision_available folders, `experiments/<key>/`) and picks one revision per (model, task) like mteb's
 * BenchmarkResults.join_revisions (mteb/results/benchmark_results.py).
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { EmbevalError } from "../errors.js";
import { modelNameFromFolder } from "./layout.js";
import { loadTaskResultData, RENAMED_TASKS } from "./legacy.js";
import { compareMtebVersions, parseMtebVersion } from "./mteb-version.js";
import { type PyJson, parsePythonJson } from "./python-json.js";
import type { TaskResult } from "./task-result.js";

/** What embeval uses of model_meta.json. */
export interface ModelMetaInfo {
  readonly name: string | null;
  readonly revision: string | null;
  readonly nParameters: number | null;
  /** The leaderboard's embedding size: an int, or the max of a list. */
  readonly embedDim: number | null;
}

/** One task file as loaded (converted from the pre-1.11 format when needed). */
export interface LoadedTaskFile {
  readonly task: string;
  readonly path: string;
  /** The revision it was read under (model_meta revision, else the folder name). */
  readonly revision: string;
  readonly result: TaskResult;
}

/** One `<model>/<revision>/` folder, or one `experiments/<key>/` folder inside it. */
export interface RevisionFolder {
  readonly model: string;
  readonly revision: string;
  readonly path: string;
  readonly meta: ModelMetaInfo | null;
  readonly files: ReadonlyMap<string, LoadedTaskFile>;
  /** Set for experiment folders: the folder key, e.g. `embed_dim_256`. */
  readonly experiment?: string;
}

/** A model's results: its revision folders and the per-task choice of join_revisions. */
export interface ModelResults {
  readonly model: string;
  /** The revision embeval treats as mteb's ModelMeta main revision (see `chooseMainRevision`). */
  readonly mainRevision: string | null;
  readonly meta: ModelMetaInfo | null;
  readonly revisions: readonly RevisionFolder[];
  /** task name → the chosen file. */
  readonly tasks: ReadonlyMap<string, LoadedTaskFile>;
}

/** Everything found under the roots; experiments are kept apart from the main results. */
export interface ResultTree {
  readonly models: readonly ModelResults[];
  readonly experiments: readonly RevisionFolder[];
  /** Files skipped with the reason (e.g. legacy files of tasks no longer in mteb). */
  readonly skipped: readonly string[];
}

/** Options of `readResultTree`. */
export interface ReadTreeOptions {
  /** Keep only these model names ("org/name"). */
  readonly models?: readonly string[];
  /** Read only these task files (by stem; renamed legacy stems are included). */
  readonly tasks?: ReadonlySet<string>;
  /** Main revision per model, overriding `chooseMainRevision` (mteb takes it from its model registry). */
  readonly mainRevisions?: Readonly<Record<string, string>>;
}

const NO_REVISION = new Set(["no_revision_available", "external"]);

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function listDirs(p: string): Promise<string[]> {
  const entries = await readdir(p, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
}

async function readJson(path: string): Promise<PyJson> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new EmbevalError("E_IO", `cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  return parsePythonJson(text, path);
}

function num(v: PyJson | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Reads the fields embeval uses from a model_meta.json object. */
export function modelMetaInfo(v: PyJson, source: string): ModelMetaInfo {
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    throw new EmbevalError("E_PARSE", `${source}: model_meta.json is not a JSON object`);
  }
  const dim = v.embed_dim;
  const dims = Array.isArray(dim) ? dim.map(num).filter((x): x is number => x !== null) : [];
  return {
    name: typeof v.name === "string" ? v.name : null,
    revision: typeof v.revision === "string" ? v.revision : null,
    nParameters: num(v.n_parameters),
    embedDim: Array.isArray(dim) ? (dims.length ? Math.max(...dims) : null) : num(dim),
  };
}

function wanted(stem: string, tasks: ReadonlySet<string> | undefined): boolean {
  if (tasks === undefined || tasks.has(stem)) return true;
  const renamed = RENAMED_TASKS[stem];
  return renamed !== undefined && tasks.has(renamed);
}

async function readFolder(
  path: string,
  modelFolder: string,
  revisionFolder: string,
  inherited: ModelMetaInfo | null,
  opts: ReadTreeOptions,
  skipped: string[],
  experiment?: string,
): Promise<RevisionFolder> {
  const names = (await readdir(path, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => e.name)
    .sort();
  const meta = names.includes("model_meta.json")
    ? modelMetaInfo(await readJson(join(path, "model_meta.json")), join(path, "model_meta.json"))
    : inherited;
  const model = meta?.name ?? modelNameFromFolder(modelFolder);
  const revision = meta?.revision ?? revisionFolder;
  const files = new Map<string, LoadedTaskFile>();
  if (opts.models && !opts.models.includes(model)) return { model, revision, path, meta, files, experiment };
  for (const name of names) {
    const stem = name.slice(0, -".json".length);
    if (name === "model_meta.json" || !wanted(stem, opts.tasks)) continue;
    const file = join(path, name);
    let result: TaskResult;
    try {
      result = loadTaskResultData(await readJson(file), file);
    } catch (e) {
      if (e instanceof EmbevalError && e.message.includes("legacy result for unknown task")) {
        skipped.push(e.message);
        continue;
      }
      throw e;
    }
    files.set(result.task_name, { task: result.task_name, path: file, revision, result });
  }
  return { model, revision, path, meta, files, experiment };
}

/** The newest parsed mteb_version among a folder's files with scores (null if none parses). */
function newestVersion(folder: RevisionFolder) {
  let best = null as ReturnType<typeof parseMtebVersion>;
  for (const f of folder.files.values()) {
    if (Object.keys(f.result.scores).length === 0) continue;
    const v = parseMtebVersion(f.result.mteb_version);
    if (v && (best === null || compareMtebVersions(v, best) > 0)) best = v;
  }
  return best;
}

function byNewest(a: RevisionFolder, b: RevisionFolder): number {
  const va = newestVersion(a);
  const vb = newestVersion(b);
  if (va && vb) return compareMtebVersions(vb, va);
  return va ? -1 : vb ? 1 : 0;
}

/**
 * embeval's stand-in for mteb's registry main revision (which it does not have): among real revisions
 * (not external / no_revision_available), those whose model_meta.json names the folder's own revision;
 * of these (or, if none, of all folders) the one with the newest mteb_version.
 */
export function chooseMainRevision(revisions: readonly RevisionFolder[]): string | null {
  const real = revisions.filter((r) => !NO_REVISION.has(r.revision));
  const matching = real.filter((r) => r.meta !== null && r.meta.revision === r.revision);
  const pool = [...(matching.length ? matching : real.length ? real : revisions)].sort(byNewest);
  return pool[0]?.revision ?? null;
}

/**
 * mteb's join_revisions for one model: per task, files with empty `scores` are dropped; priority +1000 for the
 * main revision, +100 when mteb_version parses, +10 when the revision is not external/no_revision_available;
 * highest priority wins, then the newer mteb_version (unparseable last), then the first folder read.
 */
export function joinRevisions(
  revisions: readonly RevisionFolder[],
  mainRevision: string | null,
): Map<string, LoadedTaskFile> {
  const best = new Map<string, { file: LoadedTaskFile; priority: number }>();
  for (const folder of revisions) {
    for (const file of folder.files.values()) {
      if (Object.keys(file.result.scores).length === 0) continue;
      const version = parseMtebVersion(file.result.mteb_version);
      const priority =
        (file.revision === mainRevision ? 1000 : 0) +
        (version ? 100 : 0) +
        (NO_REVISION.has(file.revision) ? 0 : 10);
      const cur = best.get(file.task);
      if (cur === undefined || priority > cur.priority) {
        best.set(file.task, { file, priority });
        continue;
      }
      if (priority < cur.priority) continue;
      const cv = parseMtebVersion(cur.file.result.mteb_version);
      if (version && (!cv || compareMtebVersions(version, cv) > 0)) best.set(file.task, { file, priority });
    }
  }
  return new Map([...best].map(([k, v]) => [k, v.file]));
}

/** The folder holding model folders: the root itself, or its `results/` child (a clone of mteb's results repo). */
async function resultsRoot(root: string): Promise<string> {
  if (!(await isDir(root))) {
    throw new EmbevalError("E_IO", `results folder ${root} does not exist`, {
      hint: "pass --results <dir> with <org>__<model>/<revision>/<Task>.json inside",
    });
  }
  const nested = join(root, "results");
  return (await isDir(nested)) ? nested : root;
}

/** Reads every model folder under the roots (several roots merge by model name). */
export async function readResultTree(
  roots: readonly string[],
  opts: ReadTreeOptions = {},
): Promise<ResultTree> {
  const folders: RevisionFolder[] = [];
  const experiments: RevisionFolder[] = [];
  const skipped: string[] = [];
  for (const r of roots) {
    const root = await resultsRoot(r);
    for (const modelFolder of await listDirs(root)) {
      for (const revFolder of await listDirs(join(root, modelFolder))) {
        const path = join(root, modelFolder, revFolder);
        const folder = await readFolder(path, modelFolder, revFolder, null, opts, skipped);
        folders.push(folder);
        const expRoot = join(path, "experiments");
        if (!(await isDir(expRoot))) continue;
        for (const key of await listDirs(expRoot)) {
          experiments.push(
            await readFolder(join(expRoot, key), modelFolder, revFolder, folder.meta, opts, skipped, key),
          );
        }
      }
    }
  }
  const byModel = new Map<string, RevisionFolder[]>();
  for (const f of folders) {
    if (opts.models && !opts.models.includes(f.model)) continue;
    byModel.set(f.model, [...(byModel.get(f.model) ?? []), f]);
  }
  const models: ModelResults[] = [];
  for (const [model, revisions] of byModel) {
    const mainRevision = opts.mainRevisions?.[model] ?? chooseMainRevision(revisions);
    const main = revisions.find((r) => r.revision === mainRevision);
    const meta = main?.meta ?? revisions.find((r) => r.meta)?.meta ?? null;
    models.push({ model, mainRevision, meta, revisions, tasks: joinRevisions(revisions, mainRevision) });
  }
  if (models.every((m) => m.tasks.size === 0)) {
    throw new EmbevalError("E_IO", `no mteb results found under ${roots.join(", ")}`, {
      hint: opts.models
        ? `no results for ${opts.models.join(", ")}; check the model names (org/name)`
        : "expected <org>__<model>/<revision>/<Task>.json files",
    });
  }
  models.sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
  const keptExperiments = experiments.filter((e) => !opts.models || opts.models.includes(e.model));
  return { models, experiments: keptExperiments, skipped };
}
