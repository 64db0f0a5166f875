/** Builds the suite records from mteb 2.20.0's benchmarks.json (mteb/benchmarks/benchmarks/*.py, filters already applied by mteb). */
import type { JsonValue } from "../types.js";
import { arr, bool, type JsonObject, obj, str, strList, strOrNull } from "./read-source.js";
import type { SuiteRecord, SuiteTaskRecord } from "./records.js";

function suiteTask(t: JsonObject, where: string): SuiteTaskRecord {
  const hf = t.hf_subsets;
  const filters: Record<string, JsonValue> = { ...obj(t.filters, `${where}.filters`) };
  return {
    name: str(t.name, `${where}.name`),
    type: str(t.type, `${where}.type`),
    isPublic: bool(t.is_public, `${where}.is_public`),
    evalSplits: strList(t.eval_splits, `${where}.eval_splits`),
    hfSubsets: hf === "all" ? "all" : strList(hf, `${where}.hf_subsets`),
    filters,
  };
}

/** Suite records in benchmarks.json order (the five headline benchmarks first). */
export function buildSuites(bench: JsonObject): SuiteRecord[] {
  const all = obj(bench.benchmarks, "benchmarks.json.benchmarks");
  return Object.entries(all).map(([key, v]) => {
    const b = obj(v, `benchmark ${key}`);
    const w = `benchmark ${key}`;
    const name = str(b.name, `${w}.name`);
    return {
      name,
      aliases: strList(b.aliases, `${w}.aliases`),
      displayName: str(b.display_name, `${w}.display_name`),
      reference: strOrNull(b.reference, `${w}.reference`),
      benchmarkClass: str(b.benchmark_class, `${w}.benchmark_class`),
      languageView: strList(b.language_view, `${w}.language_view`),
      tasks: arr(b.tasks, `${w}.tasks`).map((t, i) =>
        suiteTask(obj(t, `${w}.tasks[${i}]`), `${w}.tasks[${i}]`),
      ),
    };
  });
}
