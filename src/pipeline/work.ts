/** What to evaluate: tasks with their splits and subsets (from a suite or names), filtered like mteb's selectors. */
import { getTask } from "../../tasks/registry/index.js";
import { suiteTasks } from "../../tasks/suites.js";
import type { TaskSpec } from "../../tasks/types.js";
import { EmbevalError } from "../errors.js";

/** One task with the (split, subset) pairs to evaluate, in mteb's order (eval_splits, then hf_subsets). */
export interface TaskWork {
  readonly spec: TaskSpec;
  readonly splits: readonly string[];
  readonly subsets: readonly string[];
}

/** Selection flags of `embeval run`. */
export interface Selection {
  suite?: string;
  tasks?: readonly string[];
  /** ISO 639-3 codes (or full lang-Script codes); a subset is kept if any of its languages matches. */
  languages?: readonly string[];
  subsets?: readonly string[];
  splits?: readonly string[];
}

function langMatch(langs: readonly string[], wanted: readonly string[]): boolean {
  return langs.some((l) => wanted.includes(l) || wanted.includes(l.split("-")[0]));
}

/** Resolve a selection to task work; unknown names are coded errors (with suggestions from the registry). */
export function selectWork(sel: Selection): TaskWork[] {
  let base: TaskWork[];
  if (sel.suite) {
    base = suiteTasks(sel.suite).map((t) => ({ spec: t.task, splits: t.evalSplits, subsets: t.hfSubsets }));
    if (sel.tasks) {
      const names = new Set(sel.tasks);
      for (const n of names) getTask(n);
      base = base.filter((w) => names.has(w.spec.name));
    }
  } else if (sel.tasks && sel.tasks.length > 0) {
    base = sel.tasks.map((n) => {
      const spec = getTask(n);
      return { spec, splits: spec.evalSplits, subsets: Object.keys(spec.hfSubsets) };
    });
  } else {
    throw new EmbevalError("E_INVALID_ARGUMENT", "nothing to evaluate: give --suite and/or --tasks", {
      hint: "e.g. `embeval run --suite mteb-eng --model random` or `--tasks STSBenchmark`",
    });
  }
  return base
    .map((w) => ({
      spec: w.spec,
      splits: sel.splits ? w.splits.filter((s) => sel.splits?.includes(s)) : w.splits,
      subsets: w.subsets.filter(
        (s) =>
          (!sel.subsets || sel.subsets.includes(s)) &&
          (!sel.languages || langMatch(w.spec.hfSubsets[s] ?? [], sel.languages)),
      ),
    }))
    .filter((w) => w.splits.length > 0 && w.subsets.length > 0);
}
