/** Lazy loaders of the committed registry files (tasks/registry/generated/*.json, mteb 2.20.0 metadata): read and parsed on first use, never at import. */
import { readFileSync } from "node:fs";
import { EmbevalError } from "../../metrics/errors.js";
import type { SuiteRecord, SuitesFile, TaskRecord, TasksFile } from "./records.js";

/** URL of a file in the generated directory. */
export function generatedFileUrl(name: string): URL {
  return new URL(`./generated/${name}`, import.meta.url);
}

function readGenerated<T extends { format: number }>(name: string): T {
  const url = generatedFileUrl(name);
  let parsed: T;
  try {
    parsed = JSON.parse(readFileSync(url, "utf8")) as T;
  } catch (cause) {
    throw new EmbevalError("E_IO", `cannot read the task registry file ${url.pathname}`, {
      hint: "restore tasks/registry/generated/ from git or run: npx tsx scripts/generate-registry.ts",
      cause,
    });
  }
  if (parsed.format !== 1) {
    throw new EmbevalError("E_PARSE", `unsupported registry format in ${name}`, {
      hint: "regenerate the registry: npx tsx scripts/generate-registry.ts",
    });
  }
  return parsed;
}

/** The loaded task records, indexed by name. */
export interface TaskTable {
  readonly mtebCommit: string;
  readonly records: readonly TaskRecord[];
  readonly byName: ReadonlyMap<string, TaskRecord>;
}

let tasks: TaskTable | null = null;
let suites: readonly SuiteRecord[] | null = null;

/** All task records (loaded once, on first call). */
export function taskTable(): TaskTable {
  if (tasks === null) {
    const f = readGenerated<TasksFile>("tasks.json");
    tasks = {
      mtebCommit: f.source.mtebCommit,
      records: f.tasks,
      byName: new Map(f.tasks.map((t) => [t.name, t])),
    };
  }
  return tasks;
}

/** All suite records (loaded once, on first call). */
export function suiteRecords(): readonly SuiteRecord[] {
  if (suites === null) suites = readGenerated<SuitesFile>("suites.json").suites;
  return suites;
}

/** True once tasks.json has been read (for tests of the lazy loading). */
export function isTaskTableLoaded(): boolean {
  return tasks !== null;
}
