/** Which registered tasks (and which of their subsets) the local Hugging Face cache can serve without a download. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { listTasks } from "../../tasks/registry/index.js";
import type { HubClient } from "../data/hub/client.js";
import { repoFolderName } from "../data/hub/index.js";
import { subsetAvailable } from "../data/load-task.js";
import { hubSource } from "../data/source.js";
import { datasetConfigs } from "../data/splits.js";
import type { TaskWork } from "./work.js";

/** Tasks whose pinned dataset revision is in the cache, restricted to the subsets the cached snapshot has. */
export async function cachedWork(client: HubClient): Promise<TaskWork[]> {
  const out: TaskWork[] = [];
  for (const spec of listTasks()) {
    if (spec.kind === "Aggregate" || spec.kind === "Regression") continue;
    const folder = join(client.cacheDir, repoFolderName("dataset", spec.dataset.path));
    if (!existsSync(join(folder, "snapshots", spec.dataset.revision))) continue;
    const configs = new Set(
      (await datasetConfigs(hubSource(client, spec.dataset.path, spec.dataset.revision))).map((c) => c.name),
    );
    const subsets = Object.keys(spec.hfSubsets).filter((s) => subsetAvailable(spec, configs, s));
    if (subsets.length > 0) out.push({ spec, splits: spec.evalSplits, subsets });
  }
  return out;
}
