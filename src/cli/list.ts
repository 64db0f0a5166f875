/** `embeval list suites` and `embeval list tasks [--suite S] [--type T] [--language L]`: tables of the mteb task registry and benchmark suites. */
import { listTasks } from "../../tasks/registry/index.js";
import { didYouMean } from "../../tasks/registry/suggest.js";
import { getSuite, listSuites, suiteTasks } from "../../tasks/suites.js";
import { TASK_TYPES, type TaskType } from "../../tasks/types.js";
import { EmbevalError } from "../errors.js";
import type { CliIo } from "./io.js";
import { renderTable, summarizeList } from "./table.js";

/** Options of `list suites`. */
export interface ListSuitesOptions {
  readonly json?: boolean;
}

/** Options of `list tasks`. */
export interface ListTasksOptions {
  readonly suite?: string;
  readonly type?: string;
  readonly language?: string;
  readonly json?: boolean;
}

/** One printed row of `list tasks`. */
export interface TaskRow {
  readonly name: string;
  readonly type: string;
  readonly languages: readonly string[];
  readonly splits: readonly string[];
  readonly mainScore: string;
}

/** Prints the suites with their aliases and task counts. */
export function runListSuites(io: CliIo, opts: ListSuitesOptions): number {
  const suites = listSuites();
  if (opts.json) {
    io.out(`${JSON.stringify(suites, null, 2)}\n`);
    return 0;
  }
  const rows = suites.map((s) => [
    s.name,
    s.aliases.join(", "),
    String(s.publicTaskNames.length),
    s.privateTaskNames.length > 0 ? String(s.privateTaskNames.length) : "",
    s.displayName,
  ]);
  io.out(renderTable(["suite", "aliases", "tasks", "private", "display name"], rows));
  io.out(`${suites.length} suites; private tasks are listed by mteb but cannot be evaluated\n`);
  return 0;
}

/** Resolves a --type value case-insensitively to an mteb task type. */
export function parseTaskType(value: string): TaskType {
  const t = TASK_TYPES.find((x) => x.toLowerCase() === value.toLowerCase());
  if (t) return t;
  throw new EmbevalError("E_INVALID_ARGUMENT", `unknown task type "${value}"`, {
    hint: didYouMean(value, TASK_TYPES, `task types: ${TASK_TYPES.join(", ")}`),
  });
}

function splitCodes(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const codes = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (codes.length === 0) throw new EmbevalError("E_INVALID_ARGUMENT", "--language needs a language code");
  return codes;
}

/** The rows `list tasks` prints: suite task instances (their splits and subsets) or registry tasks. */
export function taskRows(opts: ListTasksOptions): TaskRow[] {
  const type = opts.type === undefined ? undefined : parseTaskType(opts.type);
  const languages = splitCodes(opts.language);
  if (opts.suite !== undefined) {
    return suiteTasks(opts.suite, languages ? { languages } : {})
      .filter((t) => type === undefined || t.type === type)
      .map((t) => ({
        name: t.name,
        type: t.type,
        languages: t.languages,
        splits: t.evalSplits,
        mainScore: t.task.mainScore,
      }));
  }
  return listTasks({ ...(type ? { type } : {}), ...(languages ? { language: languages } : {}) }).map((t) => ({
    name: t.name,
    type: t.type,
    languages: t.languages,
    splits: t.evalSplits,
    mainScore: t.mainScore,
  }));
}

/** Prints the matching tasks as a table (or JSON) and a count line. */
export function runListTasks(io: CliIo, opts: ListTasksOptions): number {
  const rows = taskRows(opts);
  if (opts.json) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const cells = rows.map((r) => [
    r.name,
    r.type,
    summarizeList(r.languages),
    summarizeList(r.splits),
    r.mainScore,
  ]);
  io.out(renderTable(["name", "type", "languages", "splits", "main score"], cells));
  const scope = opts.suite !== undefined ? ` in suite ${getSuite(opts.suite).name}` : "";
  io.out(`${rows.length} task${rows.length === 1 ? "" : "s"}${scope}\n`);
  return 0;
}
