/** The committed registry files: up to date with the generator, deterministic, small, and faithful to mteb's extracted metadata. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildRegistry } from "../../tasks/registry/build.js";
import { getTask } from "../../tasks/registry/index.js";
import { generatedFileUrl } from "../../tasks/registry/load.js";
import type { JsonValue } from "../../tasks/types.js";
import { SHARED_DIR } from "../helpers/shared.js";

const MTEB_DIR = join(SHARED_DIR, "mteb");
const TASKS_PATH = join(MTEB_DIR, "tasks-all-text.json");
const BENCH_PATH = join(MTEB_DIR, "benchmarks.json");
const hasShared = existsSync(TASKS_PATH) && existsSync(BENCH_PATH);

type Obj = Record<string, JsonValue>;
const readJson = (p: string) => JSON.parse(readFileSync(p, "utf8")) as JsonValue;
const committed = (name: string) => readFileSync(generatedFileUrl(name), "utf8");

describe("committed registry files", () => {
  it("stay under 3 MB in total and parse", () => {
    let total = 0;
    for (const f of ["tasks.json", "suites.json"]) {
      total += statSync(generatedFileUrl(f)).size;
      expect(() => JSON.parse(committed(f))).not.toThrow();
    }
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  it.skipIf(!hasShared)(
    "are byte-identical to what scripts/generate-registry.ts builds from ../shared/mteb",
    () => {
      const files = buildRegistry(readJson(TASKS_PATH), readJson(BENCH_PATH));
      expect(Object.keys(files).sort()).toEqual(["suites.json", "tasks.json"]);
      for (const [name, text] of Object.entries(files)) {
        // Compare lengths first so a stale file fails with a readable message, then the bytes.
        expect(text.length, `${name} is stale: run npx tsx scripts/generate-registry.ts`).toBe(
          committed(name).length,
        );
        expect(text === committed(name), `${name} is stale: run npx tsx scripts/generate-registry.ts`).toBe(
          true,
        );
      }
    },
  );

  it.skipIf(!hasShared)("does not depend on the input task order", () => {
    const tasks = readJson(TASKS_PATH) as JsonValue[];
    const bench = readJson(BENCH_PATH);
    const a = buildRegistry(tasks, bench);
    const b = buildRegistry([...tasks].reverse(), bench);
    expect(b["tasks.json"] === a["tasks.json"]).toBe(true);
    expect(b["suites.json"] === a["suites.json"]).toBe(true);
  });
});

describe.skipIf(!hasShared)("every task of tasks-all-text.json round-trips through the registry", () => {
  const source = (hasShared ? readJson(TASKS_PATH) : []) as Obj[];

  it("registers all 1,263 public text tasks", () => {
    expect(source.length).toBe(1263);
  });

  it("keeps identity, dataset, splits, subsets → languages (in order), scores and flags", () => {
    for (const s of source) {
      const t = getTask(s.name as string);
      const where = `task ${t.name}`;
      expect(t.type, where).toBe(s.type);
      expect(t.abstask, where).toBe(s.abstask_base);
      expect(t.taskClass, where).toBe(s.task_class);
      expect(t.dataset, where).toEqual(s.dataset);
      expect(t.evalSplits, where).toEqual(s.eval_splits);
      expect(Object.entries(t.hfSubsets), where).toEqual(Object.entries(s.hf_subsets as Obj));
      expect(t.languages, where).toEqual(s.languages);
      expect(t.isMultilingual, where).toBe(s.is_multilingual);
      expect(t.mainScore, where).toBe(s.main_score);
      expect(t.category, where).toBe(s.category);
      expect(t.modalities, where).toEqual(s.modalities);
      expect(t.domains, where).toEqual(s.domains ?? []);
      expect(t.license, where).toBe(s.license ?? null);
      expect(t.reference, where).toBe(s.reference ?? null);
      expect(t.supersededBy, where).toBe(s.superseded_by ?? null);
      expect(t.adaptedFrom, where).toEqual(s.adapted_from ?? []);
      expect(t.prompt, where).toEqual(s.prompt ?? null);
      expect(t.classAttrs, where).toEqual(s.task_class_attrs);
      expect(t.sourceFile, where).toBe(s.source_file);
      expect(t.benchmarks, where).toEqual(s.benchmarks);
      if (t.kind === "Aggregate") expect(t.aggregateOf, where).toEqual(s.aggregate_of);
      else expect(s.aggregate_of, where).toBeUndefined();
    }
  });

  it("keeps num_samples (and query/document counts) per split and per subset", () => {
    let checkedSubsets = 0;
    for (const s of source) {
      const t = getTask(s.name as string);
      const ds = s.descriptive_stats as Obj;
      if (ds.available === false) {
        expect(t.stats, t.name).toBeNull();
        continue;
      }
      if (ds.aggregate_of) {
        for (const [split, st] of Object.entries(t.stats ?? {})) {
          let n = 0;
          for (const sub of Object.values(ds.aggregate_of as Obj))
            n += ((sub as Obj)[split] as Obj).num_samples as number;
          expect(st.numSamples, `${t.name} ${split}`).toBe(n);
        }
        continue;
      }
      const splits = ds.splits as Obj;
      expect(Object.keys(t.stats ?? {}), t.name).toEqual(Object.keys(splits));
      for (const [split, raw] of Object.entries(splits)) {
        const r = raw as Obj;
        const st = t.stats?.[split];
        expect(st?.numSamples, `${t.name} ${split}`).toBe(r.num_samples);
        expect(st?.numQueries, `${t.name} ${split}`).toBe(r.num_queries);
        expect(st?.numDocuments, `${t.name} ${split}`).toBe(r.num_documents);
        for (const [sub, sr] of Object.entries((r.subsets ?? {}) as Obj)) {
          expect(st?.subsets?.[sub]?.numSamples, `${t.name} ${split} ${sub}`).toBe((sr as Obj).num_samples);
          checkedSubsets++;
        }
      }
    }
    expect(checkedSubsets).toBeGreaterThan(8000);
  });
});
