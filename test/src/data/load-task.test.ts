/**
 * Every registered task whose dataset is in the offline fixture cache loads, and its row counts per split/subset
 * equal mteb's descriptive statistics. Driven by what the cache holds: a dataset added to the cache adds tests.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createHubClient } from "../../../src/data/hub/index.js";
import { loadTaskData, selectSubsets, subsetAvailable } from "../../../src/data/load-task.js";
import { hubSource } from "../../../src/data/source.js";
import { datasetConfigs } from "../../../src/data/splits.js";
import { sampleCount } from "../../../tasks/data.js";
import { listTasks } from "../../../tasks/registry/index.js";
import type { TaskSpec } from "../../../tasks/types.js";
import { FIXTURE_HF_HOME } from "../../helpers/shared.js";

const HUB = join(FIXTURE_HF_HOME, "hub");
const client = createHubClient({ cacheDir: HUB, offline: true, progress: false });

function cachedRevisions(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of readdirSync(HUB)) {
    if (!d.startsWith("datasets--")) continue;
    const id = d.slice("datasets--".length).replace("--", "/");
    const snaps = join(HUB, d, "snapshots");
    out.set(id, existsSync(snaps) ? readdirSync(snaps) : []);
  }
  return out;
}

const cached = cachedRevisions();
const tasks = listTasks().filter(
  (t) => cached.get(t.dataset.path)?.includes(t.dataset.revision) && t.kind !== "Aggregate",
);

function expectedCount(spec: TaskSpec, split: string, subset: string): number | undefined {
  const s = spec.stats?.[split];
  if (!s) return undefined;
  return (
    s.subsets?.[subset]?.numSamples ?? (Object.keys(spec.hfSubsets).length === 1 ? s.numSamples : undefined)
  );
}

describe("tasks in the offline fixture cache", () => {
  it("finds cached tasks", () => {
    expect(tasks.length).toBeGreaterThanOrEqual(12);
  });
  for (const spec of tasks) {
    it(`${spec.name}: every cached split/subset loads with mteb's row counts`, async () => {
      const source = hubSource(client, spec.dataset.path, spec.dataset.revision);
      const configs = new Set((await datasetConfigs(source)).map((c) => c.name));
      let loaded = 0;
      for (const split of spec.evalSplits) {
        for (const subset of selectSubsets(spec)) {
          if (!subsetAvailable(spec, configs, subset)) {
            await expect(loadTaskData(spec, source, split, subset)).rejects.toMatchObject({
              code: "E_DATASET_MISSING",
              message: expect.stringContaining(subset),
            });
            continue;
          }
          const data = await loadTaskData(spec, source, split, subset);
          const want = expectedCount(spec, split, subset);
          if (want !== undefined) expect(sampleCount(data), `${split}/${subset}`).toBe(want);
          loaded++;
        }
      }
      expect(loaded).toBeGreaterThan(0);
    });
  }
});
