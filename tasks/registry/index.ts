/** The task registry: every public mteb 2.20.0 text task by name (mteb.get_task / mteb.get_tasks), loaded lazily from tasks/registry/generated/tasks.json. */
import { EmbevalError } from "../../metrics/errors.js";
import type { TaskFilter, TaskKind, TaskSpec, TaskType } from "../types.js";
import { decodeTask } from "./decode.js";
import { taskTable } from "./load.js";
import { didYouMean } from "./suggest.js";
import { resolveSuiteRecord } from "./suite-lookup.js";

const specs = new Map<string, TaskSpec>();

function specOf(name: string): TaskSpec | undefined {
  const cached = specs.get(name);
  if (cached) return cached;
  const rec = taskTable().byName.get(name);
  if (!rec) return undefined;
  const spec = decodeTask(rec);
  specs.set(name, spec);
  return spec;
}

/** True if a task of that exact name is registered. */
export function hasTask(name: string): boolean {
  return taskTable().byName.has(name);
}

/** The task of that exact (case-sensitive, mteb-pinned) name; unknown names throw E_TASK_NOT_FOUND. */
export function getTask(name: string): TaskSpec {
  const spec = specOf(name);
  if (spec) return spec;
  throw new EmbevalError("E_TASK_NOT_FOUND", `unknown task "${name}"`, {
    hint: didYouMean(name, taskTable().byName.keys(), "run `embeval list tasks` to see the registered tasks"),
  });
}

/** Several tasks by name, in the given order (each must exist). */
export function getTasks(names: readonly string[]): TaskSpec[] {
  return names.map(getTask);
}

/** Every registered task name, in registry order (case-insensitive alphabetical). */
export function taskNames(): readonly string[] {
  return taskTable().records.map((r) => r.name);
}

/** The mteb commit the registry was generated from, and the number of tasks. */
export function registryInfo(): { mtebCommit: string; nTasks: number } {
  const t = taskTable();
  return { mtebCommit: t.mtebCommit, nTasks: t.records.length };
}

function asList<T>(v: T | readonly T[] | undefined): readonly T[] | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? (v as readonly T[]) : [v as T];
}

/** True if a language code ("eng" or "eng-Latn", case-insensitive) matches any of `languages`. */
export function matchesLanguage(languages: readonly string[], codes: readonly string[]): boolean {
  const want = codes.map((c) => c.toLowerCase());
  return languages.some((l) => {
    const lower = l.toLowerCase();
    const iso = lower.split("-")[0];
    return want.includes(lower) || want.includes(iso);
  });
}

/** Registered tasks satisfying every criterion of `filter`, in registry order (or suite order with `suite`). */
export function listTasks(filter: TaskFilter = {}): TaskSpec[] {
  const types = asList<TaskType>(filter.type);
  const kinds = asList<TaskKind>(filter.kind);
  const langs = asList<string>(filter.language);
  const names =
    filter.suite !== undefined
      ? resolveSuiteRecord(filter.suite)
          .tasks.filter((t) => t.isPublic)
          .map((t) => t.name)
      : taskNames();
  const out: TaskSpec[] = [];
  for (const name of names) {
    const t = getTask(name);
    if (types && !types.includes(t.type)) continue;
    if (kinds && !kinds.includes(t.kind)) continue;
    if (langs && !matchesLanguage(t.languages, langs)) continue;
    if (filter.includeSuperseded === false && t.supersededBy !== null) continue;
    out.push(t);
  }
  return out;
}
