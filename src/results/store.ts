/** Reading and atomically writing TaskResult files (temp file + rename), byte-compatible with mteb's to_disk. */

import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { EmbevalError } from "../errors.js";
import { tempSibling } from "../tmp-name.js";
import { dumpsPython, type PyJson, parsePythonJson } from "./python-json.js";
import { asTaskResult, roundFloats, type TaskResult } from "./task-result.js";

/** Write text atomically: a temp file in the same folder, then rename over the target. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempSibling(path, "tmp");
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new EmbevalError("E_IO", `cannot write ${path}: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * Serialize a TaskResult exactly as mteb does: floats under `scores` rounded to 6 decimals, json.dump(indent=2),
 * keys in the object's own order (build new results in mteb's order: dataset_revision, task_name, mteb_version,
 * scores, evaluation_time, kg_co2_emissions, date, evaluation_phases).
 */
export function serializeTaskResult(result: TaskResult, opts: { round?: boolean } = {}): string {
  const round = opts.round ?? true;
  const out: Record<string, PyJson> = {};
  for (const [k, v] of Object.entries(result)) {
    if (v === undefined) continue;
    out[k] = k === "scores" && round ? roundFloats(v as PyJson) : (v as PyJson);
  }
  return dumpsPython(out, { indent: 2 });
}

/** Write one TaskResult file atomically. */
export async function writeTaskResult(path: string, result: TaskResult): Promise<void> {
  await writeFileAtomic(path, serializeTaskResult(result));
}

/** Read and validate one TaskResult file (bare NaN tokens accepted). */
export async function readTaskResult(path: string): Promise<TaskResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new EmbevalError("E_IO", `cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  return asTaskResult(parsePythonJson(text, path), path);
}
