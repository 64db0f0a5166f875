/**
 * Where results live, in mteb's layout: `<root>/<org>__<model>/<revision>/<Task>.json` (+ `model_meta.json`),
 * truncation / quantization / `--max-tokens` runs under `<revision>/experiments/<key>/`, and embeval's own sidecars (provenance,
 * per-item values) under `<revision>/.embeval/` so mteb's `*.json` scan never sees them.
 */
import { join } from "node:path";
import { EmbevalError } from "../errors.js";

/** mteb's folder name for a model: "org/name" → "org__name". */
export function modelFolderName(modelName: string): string {
  if (modelName.length === 0 || modelName.includes("..") || modelName.includes("\\")) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `invalid model name "${modelName}"`, {
      hint: 'use "org/name"',
    });
  }
  return modelName.replaceAll("/", "__");
}

/** The model name back from a folder name ("org__name" → "org/name"), used when model_meta.json is absent. */
export function modelNameFromFolder(folder: string): string {
  return folder.replace("__", "/");
}

/** What makes a run an experiment rather than the model's full-precision result. */
export interface ExperimentSpec {
  /** Truncation dim (sentence-transformers truncate_dim semantics). */
  dim?: number;
  /** Renormalise after slicing (not mteb's default; recorded in the folder name). */
  renormalize?: boolean;
  /** mteb CompressionWrapper kind, e.g. "binary", "int8", "float16". */
  quantize?: string;
  /** A token limit other than the model's own (`--max-tokens`): inputs truncated to it. */
  maxTokens?: number;
}

function positiveInt(v: number, what: string): void {
  if (!Number.isInteger(v) || v <= 0)
    throw new EmbevalError("E_INVALID_ARGUMENT", `${what} must be a positive integer, got ${v}`);
}

/**
 * The experiment folder key: `embed_dim_256`, `quantize_binary`, `max_tokens_8192`, joined by `__` in that order
 * (`embed_dim_256__quantize_binary__max_tokens_8192`), `_renorm` after a renormalised dim.
 */
export function experimentKey(spec: ExperimentSpec): string | undefined {
  const parts: string[] = [];
  if (spec.dim !== undefined) {
    positiveInt(spec.dim, "truncation dim");
    parts.push(`embed_dim_${spec.dim}${spec.renormalize ? "_renorm" : ""}`);
  }
  if (spec.quantize !== undefined) {
    if (!/^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(spec.quantize))
      throw new EmbevalError("E_INVALID_ARGUMENT", `bad quantization "${spec.quantize}"`);
    parts.push(`quantize_${spec.quantize}`);
  }
  if (spec.maxTokens !== undefined) {
    positiveInt(spec.maxTokens, "--max-tokens");
    parts.push(`max_tokens_${spec.maxTokens}`);
  }
  return parts.length === 0 ? undefined : parts.join("__");
}

/** An experiment folder key back to its spec; undefined for a key embeval does not write. */
export function parseExperimentKey(key: string): ExperimentSpec | undefined {
  const m =
    /^(?:embed_dim_(\d+)(_renorm)?)?(?:(?:^|__)quantize_([a-z0-9]+(?:_[a-z0-9]+)*))?(?:(?:^|__)max_tokens_(\d+))?$/.exec(
      key,
    );
  if (m === null) return undefined;
  const spec: ExperimentSpec = {
    ...(m[1] !== undefined ? { dim: Number(m[1]) } : {}),
    ...(m[2] !== undefined ? { renormalize: true } : {}),
    ...(m[3] !== undefined ? { quantize: m[3] } : {}),
    ...(m[4] !== undefined ? { maxTokens: Number(m[4]) } : {}),
  };
  try {
    return experimentKey(spec) === key ? spec : undefined;
  } catch {
    return undefined; // e.g. embed_dim_0
  }
}

/** The folder holding one model revision's (or one experiment's) task files. */
export function resultDir(
  root: string,
  modelName: string,
  revision: string,
  experiment?: ExperimentSpec,
): string {
  if (revision.length === 0 || revision.includes("/") || revision.includes("..")) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `invalid model revision "${revision}"`);
  }
  const base = join(root, modelFolderName(modelName), revision);
  const key = experiment ? experimentKey(experiment) : undefined;
  return key ? join(base, "experiments", key) : base;
}

/** The path of one task's result file. */
export function taskResultPath(dir: string, taskName: string): string {
  if (taskName.includes("/") || taskName.length === 0)
    throw new EmbevalError("E_INVALID_ARGUMENT", `invalid task "${taskName}"`);
  return join(dir, `${taskName}.json`);
}

/** The path of an embeval sidecar for a task (`provenance` JSON or `items` JSON Lines). */
export function sidecarPath(dir: string, taskName: string, kind: "provenance" | "items"): string {
  return join(dir, ".embeval", `${taskName}.${kind === "provenance" ? "provenance.json" : "items.jsonl"}`);
}
