/**
 * An independent, deliberately simple re-implementation of the mteb leaderboard numbers for tests: reads the raw
 * result JSON and ../shared/mteb/benchmarks.json + tasks.json directly (no embeval results/aggregate code).
 * Revision choice is simplified: a hash revision folder beats `external` / `no_revision_available` (the shared
 * copy has one hash folder per model, so this is join_revisions' outcome there).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { SHARED_DIR } from "../../helpers/shared.js";

type Entry = { hf_subset: string; main_score: number | null; languages?: string[] };
type RawResult = { task_name: string; scores: Record<string, Entry[]> };

/** Reference numbers of one model; fractions as stored. */
export interface RefModel {
  tasks: Record<string, number | null>;
  byType: Record<string, number | null>;
  meanTask: number | null;
  meanTaskType: number | null;
}

const parse = (text: string): unknown =>
  JSON.parse(text.replace(/\bNaN\b/g, "null").replace(/-?Infinity\b/g, "null"));

interface BenchTask {
  name: string;
  type: string;
  eval_splits: string[];
  hf_subsets: "all" | string[];
}

/** name → {type, splits, subsets} of a benchmark, straight from the shared extraction. */
export function refBenchmark(
  name: string,
): { name: string; type: string; splits: string[]; subsets: string[] }[] {
  const b = parse(readFileSync(join(SHARED_DIR, "mteb", "benchmarks.json"), "utf8")) as {
    benchmarks: Record<string, { name: string; tasks: (BenchTask & { is_public: boolean })[] }>;
  };
  const tasks = parse(readFileSync(join(SHARED_DIR, "mteb", "tasks.json"), "utf8")) as {
    name: string;
    hf_subsets: Record<string, string[]>;
    abstask_base: string;
  }[];
  const bench = Object.values(b.benchmarks).find((x) => x.name === name);
  if (!bench) throw new Error(`no benchmark ${name}`);
  return bench.tasks
    .filter((t) => t.is_public)
    .map((t) => {
      const meta = tasks.find((x) => x.name === t.name);
      if (!meta) throw new Error(`no task ${t.name}`);
      const subsets = t.hf_subsets === "all" ? Object.keys(meta.hf_subsets) : t.hf_subsets;
      return { name: t.name, type: t.type, splits: t.eval_splits, subsets };
    });
}

/** model name → task name → raw result, hash revisions preferred. */
export function refLoad(resultsDir: string): Map<string, Map<string, RawResult>> {
  const out = new Map<string, Map<string, RawResult>>();
  for (const modelDir of readdirSync(resultsDir)) {
    const mdir = join(resultsDir, modelDir);
    if (!statSync(mdir).isDirectory()) continue;
    const revs = readdirSync(mdir).sort((a, b) => {
      const rank = (r: string) => (r === "external" || r === "no_revision_available" ? 1 : 0);
      return rank(a) - rank(b);
    });
    for (const rev of revs) {
      const rdir = join(mdir, rev);
      const metaFile = join(rdir, "model_meta.json");
      const name = (parse(readFileSync(metaFile, "utf8")) as { name: string }).name;
      const tasks = out.get(name) ?? new Map<string, RawResult>();
      out.set(name, tasks);
      for (const f of readdirSync(rdir)) {
        if (!f.endsWith(".json") || f === "model_meta.json") continue;
        const r = parse(readFileSync(join(rdir, f), "utf8")) as RawResult;
        if (!tasks.has(r.task_name) && Object.keys(r.scores).length > 0) tasks.set(r.task_name, r);
      }
    }
  }
  return out;
}

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const strict = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : avg(xs as number[]));

/** The leaderboard numbers of every model of `resultsDir` on `benchmark`. */
export function refScores(resultsDir: string, benchmark: string): Map<string, RefModel> {
  const defs = refBenchmark(benchmark);
  const out = new Map<string, RefModel>();
  for (const [model, files] of refLoad(resultsDir)) {
    const tasks: Record<string, number | null> = {};
    for (const d of defs) {
      const r = files.get(d.name);
      const vals: (number | null)[] = [];
      for (const split of d.splits) {
        for (const subset of d.subsets) {
          const e = r?.scores[split]?.find((x) => x.hf_subset === subset);
          vals.push(typeof e?.main_score === "number" ? e.main_score : null);
        }
      }
      tasks[d.name] = strict(vals);
    }
    const types = [...new Set(defs.map((d) => d.type))];
    const byType: Record<string, number | null> = {};
    for (const t of types) byType[t] = strict(defs.filter((d) => d.type === t).map((d) => tasks[d.name]));
    out.set(model, {
      tasks,
      byType,
      meanTask: strict(defs.map((d) => tasks[d.name])),
      meanTaskType: strict(types.map((t) => byType[t])),
    });
  }
  return out;
}

/** The benchmark's language_view from benchmarks.json. */
export function refLanguageView(name: string): string[] {
  const b = parse(readFileSync(join(SHARED_DIR, "mteb", "benchmarks.json"), "utf8")) as {
    benchmarks: Record<string, { name: string; language_view: string[] }>;
  };
  const bench = Object.values(b.benchmarks).find((x) => x.name === name);
  if (!bench) throw new Error(`no benchmark ${name}`);
  return bench.language_view;
}

/** mteb's per-language means: every required row's main score counted once per view language it lists. */
export function refPerLanguage(
  resultsDir: string,
  benchmark: string,
): Map<string, Record<string, number | null>> {
  const defs = refBenchmark(benchmark);
  const view = refLanguageView(benchmark);
  const out = new Map<string, Record<string, number | null>>();
  for (const [model, files] of refLoad(resultsDir)) {
    const acc: Record<string, number[]> = Object.fromEntries(view.map((l) => [l, []]));
    for (const d of defs) {
      const r = files.get(d.name);
      for (const split of d.splits) {
        for (const e of r?.scores[split] ?? []) {
          if (!d.subsets.includes(e.hf_subset) || typeof e.main_score !== "number") continue;
          for (const l of e.languages ?? []) if (l in acc) acc[l].push(e.main_score);
        }
      }
    }
    out.set(model, Object.fromEntries(view.map((l) => [l, acc[l].length ? avg(acc[l]) : null])));
  }
  return out;
}
