/** Result-tree side of the pipeline: which (split, subset) pairs a file already has; writing a task file + model_meta. */
import { access } from "node:fs/promises";
import { join } from "node:path";
import type { EmbedderInfo } from "../embedders/types.js";
import type { ExperimentSpec } from "../results/layout.js";
import { dumpsPython } from "../results/python-json.js";
import { readTaskResult, writeFileAtomic, writeTaskResult } from "../results/store.js";
import type { TaskResult } from "../results/task-result.js";
import { modelMeta } from "./model-meta.js";

/** The `split\0subset` pairs of an existing result file, or undefined when there is none. */
export async function existingPairs(path: string): Promise<Set<string> | undefined> {
  try {
    await access(path);
  } catch {
    return undefined;
  }
  const r = await readTaskResult(path);
  const out = new Set<string>();
  for (const [split, entries] of Object.entries(r.scores))
    for (const e of entries) out.add(`${split}\u0000${e.hf_subset}`);
  return out;
}

/** Write the task file and (re)write model_meta.json next to it, both atomically. */
export async function writeResultFiles(
  dir: string,
  path: string,
  result: TaskResult,
  info: EmbedderInfo,
  exp: ExperimentSpec | undefined,
): Promise<void> {
  await writeTaskResult(path, result);
  const kwargs = exp
    ? {
        ...(exp.dim !== undefined ? { embed_dim: exp.dim } : {}),
        ...(exp.renormalize ? { renormalize: true } : {}),
        ...(exp.quantize ? { quantize: exp.quantize } : {}),
      }
    : undefined;
  await writeFileAtomic(
    join(dir, "model_meta.json"),
    dumpsPython(modelMeta(info, kwargs), {
      indent: 2,
      isInt: (k) => k === "embed_dim" || k === "max_tokens",
    }),
  );
}
