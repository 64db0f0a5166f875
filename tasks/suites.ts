/** Benchmark suites of mteb 2.20.0 (mteb/benchmarks/benchmarks/benchmarks.py, rteb_benchmarks.py): task instances with their split and subset filters, by name or alias. */
import { getTask, matchesLanguage } from "./registry/index.js";
import { suiteRecords } from "./registry/load.js";
import type { SuiteRecord } from "./registry/records.js";
import { aliasesOf, resolveSuiteRecord } from "./registry/suite-lookup.js";
import type { JsonValue, TaskSpec, TaskType } from "./types.js";

export { EMBEVAL_SUITE_ALIASES } from "./registry/suite-lookup.js";

/** One benchmark: identity, aliases and its task list (including private tasks, which never run). */
export interface Suite {
  readonly name: string;
  /** mteb's aliases, then embeval's short ones (`mteb-eng`, `mmteb`, `beir`, `longembed`, `rteb`, ...). */
  readonly aliases: readonly string[];
  readonly displayName: string;
  readonly reference: string | null;
  readonly benchmarkClass: string;
  /** RtebBenchmark summaries leave private tasks out (mteb issue 3902). */
  readonly publicOnlySummary: boolean;
  /** Languages of the per-language leaderboard tab (empty if none). */
  readonly languageView: readonly string[];
  readonly taskNames: readonly string[];
  readonly publicTaskNames: readonly string[];
  /** Closed-dataset tasks (is_public=False): listed by mteb, not registered, never evaluated. */
  readonly privateTaskNames: readonly string[];
}

/** A task as a suite evaluates it: the benchmark's splits and hf_subsets, already filtered by mteb. */
export interface SuiteTask {
  readonly suite: string;
  readonly task: TaskSpec;
  readonly name: string;
  readonly type: TaskType;
  readonly evalSplits: readonly string[];
  readonly hfSubsets: readonly string[];
  /** Union of the selected subsets' languages, in first-seen order. */
  readonly languages: readonly string[];
  /** The filters mteb's benchmark definition passed (`languages`, `exclusive_language_filter`, `eval_splits`, `hf_subsets`). */
  readonly filters: Readonly<Record<string, JsonValue>>;
}

function toSuite(r: SuiteRecord): Suite {
  return {
    name: r.name,
    aliases: aliasesOf(r),
    displayName: r.displayName,
    reference: r.reference,
    benchmarkClass: r.benchmarkClass,
    publicOnlySummary: r.benchmarkClass === "RtebBenchmark",
    languageView: r.languageView,
    taskNames: r.tasks.map((t) => t.name),
    publicTaskNames: r.tasks.filter((t) => t.isPublic).map((t) => t.name),
    privateTaskNames: r.tasks.filter((t) => !t.isPublic).map((t) => t.name),
  };
}

/** Every suite, in mteb's benchmarks.json order (MTEB(eng, v2), MTEB(Multilingual, v2), BEIR, LongEmbed, RTEB(beta), ...). */
export function listSuites(): Suite[] {
  return suiteRecords().map(toSuite);
}

/** A suite by name or alias (case-insensitive fallback); unknown names throw E_TASK_NOT_FOUND with suggestions. */
export function getSuite(nameOrAlias: string): Suite {
  return toSuite(resolveSuiteRecord(nameOrAlias));
}

/**
 * The public task instances of a suite, in benchmark order, each with its evaluated splits and subsets
 * (`"all"` resolved to every subset of the task's metadata). Optionally only instances with a subset in
 * one of `languages` (ISO 639-3 or language-script codes).
 */
export function suiteTasks(nameOrAlias: string, opts: { languages?: readonly string[] } = {}): SuiteTask[] {
  const r = resolveSuiteRecord(nameOrAlias);
  const out: SuiteTask[] = [];
  for (const inst of r.tasks) {
    if (!inst.isPublic) continue;
    const task = getTask(inst.name);
    const hfSubsets = inst.hfSubsets === "all" ? Object.keys(task.hfSubsets) : inst.hfSubsets;
    const languages: string[] = [];
    for (const s of hfSubsets) {
      for (const l of task.hfSubsets[s] ?? []) if (!languages.includes(l)) languages.push(l);
    }
    if (opts.languages && !matchesLanguage(languages, opts.languages)) continue;
    out.push({
      suite: r.name,
      task,
      name: inst.name,
      type: task.type,
      evalSplits: inst.evalSplits,
      hfSubsets,
      languages,
      filters: inst.filters,
    });
  }
  return out;
}
