/**
 * Result-tree side of the pipeline: which experiment folder a run writes to (dims, quantization, a `--max-tokens`
 * other than the model's own), which (split, subset) pairs a file already has; writing a task file + model_meta.
 */
import { access } from "node:fs/promises";
import { join } from "node:path";
import type { EmbedderInfo } from "../embedders/types.js";
import { EmbevalError } from "../errors.js";
import type { ExperimentSpec } from "../results/layout.js";
import { dumpsPython } from "../results/python-json.js";
import { readTaskResult, writeFileAtomic, writeTaskResult } from "../results/store.js";
import type { TaskResult } from "../results/task-result.js";
import { modelMeta } from "./model-meta.js";

/** The token limits of a run: asked for (`--max-tokens`), the model's own, and the one the embedder applies. */
export interface MaxTokens {
  requested: number | null;
  model: number | null;
  effective: number | null;
}

/**
 * The run's token limits; a `--max-tokens` the embedder does not apply is refused (E_CONFIG) so that results are
 * never filed under a limit that did not produce them.
 */
export function maxTokensOf(info: EmbedderInfo, requested?: number, model?: number): MaxTokens {
  const effective = info.maxTokens ?? null;
  if (requested !== undefined && requested !== effective) {
    throw new EmbevalError(
      "E_CONFIG",
      `--max-tokens ${requested} asked for, but ${info.id} (${info.backend}) truncates at ${effective ?? "no limit"}`,
      { hint: "--max-tokens applies to models embeval tokenizes (ONNX); drop it for other backends" },
    );
  }
  return {
    requested: requested ?? null,
    model: model ?? (requested === undefined ? effective : null),
    effective,
  };
}

/** The experiment of one (dim) target: truncation, quantization, and a limit other than the model's own. */
export function targetExperiment(
  info: EmbedderInfo,
  dim: number,
  opts: { renormalize?: boolean; quantize?: string; maxTokens: MaxTokens },
): ExperimentSpec | undefined {
  const truncated = dim !== info.dim;
  const { requested, model } = opts.maxTokens;
  const ownLimit = requested !== null && requested !== model ? requested : undefined;
  if (!truncated && !opts.quantize && ownLimit === undefined) return undefined;
  return {
    ...(truncated ? { dim, renormalize: opts.renormalize } : {}),
    ...(opts.quantize ? { quantize: opts.quantize } : {}),
    ...(ownLimit !== undefined ? { maxTokens: ownLimit } : {}),
  };
}

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
        ...(exp.maxTokens !== undefined ? { max_tokens: exp.maxTokens } : {}),
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
