/** Test access to the offline fixture cache (../shared/hf-home) as pipeline data sources, and result-file helpers. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createHubClient } from "../../src/data/hub/index.js";
import { type DatasetSource, hubSource } from "../../src/data/source.js";
import { FIXTURE_HF_HOME } from "./shared.js";

/** An offline hub client over the fixture cache. */
export const fixtureClient = createHubClient({
  cacheDir: join(FIXTURE_HF_HOME, "hub"),
  offline: true,
  progress: false,
});

/** A task's dataset at its pinned revision in the fixture cache (evaluate's `source`). */
export function fixtureSource(spec: { dataset: { path: string; revision: string } }): DatasetSource {
  return hubSource(fixtureClient, spec.dataset.path, spec.dataset.revision);
}

/** A result file with its two clock fields blanked (mteb writes the run's duration and start time). */
export function withoutClock(path: string): string {
  return readFileSync(path, "utf8").replace(/"(evaluation_time|date)": [^,\n]+/g, '"$1": 0');
}
