/**
 * End to end: `evaluate` with mteb's random encoder on every task whose dataset is in the offline fixture cache
 * writes results equal to mteb's published random-encoder results (../shared/results) to the 6 decimals stored
 * there, for every task, split, subset and metric those files hold (scikit-learn 1.6 behaviour, as published).
 */
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createHubClient } from "../../../src/data/hub/index.js";
import { subsetAvailable } from "../../../src/data/load-task.js";
import { hubSource } from "../../../src/data/source.js";
import { datasetConfigs } from "../../../src/data/splits.js";
import { createRandomEmbedder } from "../../../src/embedders/random.js";
import { evaluate } from "../../../src/pipeline/evaluate.js";
import { selectWork } from "../../../src/pipeline/work.js";
import { readTaskResult } from "../../../src/results/store.js";
import type { ScoresEntry } from "../../../src/results/task-result.js";
import { FIXTURE_HF_HOME, SHARED_DIR } from "../../helpers/shared.js";

const PUBLISHED = join(SHARED_DIR, "results", "mteb__baseline-random-encoder", "1");
const tasks = readdirSync(PUBLISHED)
  .filter((f) => f.endsWith(".json") && f !== "model_meta.json")
  .map((f) => f.replace(/\.json$/, ""));

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)) || a === b;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a as object);
    return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

describe("mteb's published random-encoder results", () => {
  it("covers the tasks of the fixture cache", () => {
    expect(tasks.sort()).toEqual(
      [
        "AmazonCounterfactualClassification",
        "Banking77Classification",
        "MasakhaNEWSClusteringS2S",
        "SICK-R",
        "STSBenchmark",
        "Tatoeba",
      ].sort(),
    );
  });

  it("are reproduced to every stored digit", async () => {
    const out = mkdtempSync(join(tmpdir(), "embeval-parity-"));
    const client = createHubClient({
      cacheDir: join(FIXTURE_HF_HOME, "hub"),
      offline: true,
      progress: false,
    });
    // The subsets the published files hold that the cache has (it lacks most MasakhaNEWS languages).
    const work = [];
    const compare = new Map<string, Set<string>>();
    for (const t of tasks) {
      const pub = await readTaskResult(join(PUBLISHED, `${t}.json`));
      const [w] = selectWork({ tasks: [t] });
      const configs = new Set(
        (await datasetConfigs(hubSource(client, w.spec.dataset.path, w.spec.dataset.revision))).map(
          (c) => c.name,
        ),
      );
      const cached = (s: string) => subsetAvailable(w.spec, configs, s);
      const wanted = new Set(
        Object.values(pub.scores)
          .flatMap((es) => es.map((e) => e.hf_subset))
          .filter(cached),
      );
      compare.set(t, wanted);
      work.push({ ...w, subsets: w.subsets.filter((s) => wanted.has(s)) });
    }
    const summary = await evaluate({
      work,
      embedder: createRandomEmbedder(),
      output: out,
      source: (spec) => hubSource(client, spec.dataset.path, spec.dataset.revision),
      sklearn: "1.6",
    });
    expect(summary.written).toHaveLength(tasks.length);
    let compared = 0;
    for (const t of tasks) {
      const path = join(out, "mteb__baseline-random-encoder", "1", `${t}.json`);
      expect(existsSync(path)).toBe(true);
      const mine = await readTaskResult(path);
      const pub = await readTaskResult(join(PUBLISHED, `${t}.json`));
      for (const [split, entries] of Object.entries(pub.scores)) {
        for (const e of entries) {
          if (!compare.get(t)?.has(e.hf_subset)) continue;
          const m = mine.scores[split]?.find((x: ScoresEntry) => x.hf_subset === e.hf_subset);
          expect(m, `${t} ${split}/${e.hf_subset}`).toBeDefined();
          for (const [key, value] of Object.entries(e)) {
            if (key === "mteb_version" || key === "hf_subset") continue;
            expect(
              sameValue(m?.[key], value),
              `${t} ${split}/${e.hf_subset} ${key}: ${JSON.stringify(m?.[key])} vs ${JSON.stringify(value)}`,
            ).toBe(true);
            compared++;
          }
        }
      }
      expect(mine.dataset_revision).toBe(pub.dataset_revision);
    }
    expect(compared).toBeGreaterThan(400);
  });
});
