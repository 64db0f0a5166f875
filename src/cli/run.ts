/** `embeval run` (= `npm run eval`): flags → selection, model, evaluate(); prints progress and a table of main scores. */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { QUANTIZATION_KINDS, type QuantizationKind } from "../../metrics/quantize.js";
import { createHubClient } from "../data/hub/index.js";
import { hubSource } from "../data/source.js";
import { createEmbedder } from "../embedders/factory.js";
import { withInstructions } from "../embedders/instruct.js";
import type { OnnxEmbedder } from "../embedders/onnx/embedder.js";
import type { Embedder } from "../embedders/types.js";
import { type CacheFlags, cacheFromFlags } from "../embedding/open-cache.js";
import { EmbevalError } from "../errors.js";
import { cachedWork } from "../pipeline/cached.js";
import { evaluate, type OverwriteStrategy } from "../pipeline/evaluate.js";
import { selectWork, type TaskWork } from "../pipeline/work.js";
import { type CliIo, processIo } from "./io.js";
import { planRun } from "./plan.js";
import { terminalEncodeProgress } from "./progress.js";
import { renderTable } from "./table.js";

/** Raw flags as commander gives them. */
export interface RunFlags extends CacheFlags {
  suite?: string;
  tasks?: string;
  languages?: string;
  subsets?: string;
  splits?: string;
  model: string;
  batchSize?: string;
  dims?: string;
  quantize?: string;
  output: string;
  cache?: string;
  overwrite: string;
  device?: string;
  threads?: string;
  seed: string;
  sklearn: string;
  endpoint?: string[];
  dryRun?: boolean;
  maxTokens?: string;
  prompts?: string;
  instructionTemplate?: string;
  instructionsOnDocuments?: boolean;
}

const list = (v?: string) =>
  v === undefined
    ? undefined
    : v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0)
    throw new EmbevalError("E_INVALID_ARGUMENT", `--${name} must be a positive integer, got "${v}"`);
  return n;
}

function oneOf<T extends string>(name: string, v: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(v)) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `--${name} must be one of ${allowed.join(", ")}, got "${v}"`,
    );
  }
  return v as T;
}

/** A prompts JSON file: an object of string values (task name / task type / role keys). */
async function readPrompts(path: string): Promise<Record<string, string>> {
  let v: unknown;
  try {
    v = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    throw new EmbevalError("E_CONFIG", `cannot read prompts from ${path}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  if (
    v === null ||
    typeof v !== "object" ||
    Array.isArray(v) ||
    Object.values(v).some((x) => typeof x !== "string")
  ) {
    throw new EmbevalError("E_CONFIG", `${path}: prompts must be a JSON object of strings`, {
      hint: '{"query": "query: ", "Retrieval-document": "passage: ", "STS": "..."}',
    });
  }
  return v as Record<string, string>;
}

/**
 * The model's own token limit, before any `--max-tokens`: ONNX folders' sentence-transformers / tokenizer config;
 * other backends never receive `--max-tokens`, so their declared limit is their own.
 */
function ownTokenLimit(e: Embedder): number | undefined {
  const onnx = e as Partial<Pick<OnnxEmbedder, "detected">>;
  return onnx.detected ? onnx.detected.maxTokens : e.info.maxTokens;
}

/** Run the command; resolves to the exit code. */
export async function runRun(io: CliIo, flags: RunFlags): Promise<number> {
  const quantize =
    flags.quantize === undefined
      ? undefined
      : oneOf<QuantizationKind>("quantize", flags.quantize, QUANTIZATION_KINDS);
  const overwrite = oneOf<OverwriteStrategy>("overwrite", flags.overwrite, [
    "only-missing",
    "always",
    "never",
  ]);
  const sklearn = oneOf("sklearn", flags.sklearn, ["1.9", "1.6"] as const);
  const device =
    flags.device === undefined ? undefined : oneOf("device", flags.device, ["cpu", "cuda"] as const);
  const dims = list(flags.dims)?.map((d) => int("dims", d) as number);
  const client = createHubClient({ cacheDir: flags.cache, progress: undefined });
  let work: TaskWork[];
  if (!flags.suite && !flags.tasks) {
    work = await cachedWork(client);
    if (work.length === 0) {
      throw new EmbevalError(
        "E_DATASET_MISSING",
        `no MTEB dataset is in the Hugging Face cache ${client.cacheDir}`,
        {
          hint:
            "point HF_HOME (or --cache) at a cache that has them, or go online (unset HF_HUB_OFFLINE) and name what to run, " +
            "e.g. `embeval run --suite mteb-eng --model random`",
        },
      );
    }
    io.err(`no --suite/--tasks: running the ${work.length} tasks whose datasets are in ${client.cacheDir}\n`);
  } else {
    work = selectWork({
      suite: flags.suite,
      tasks: list(flags.tasks),
      languages: list(flags.languages),
      subsets: list(flags.subsets),
      splits: list(flags.splits),
    });
    if (work.length === 0)
      throw new EmbevalError("E_INVALID_ARGUMENT", "the filters leave no task, split or subset to run");
  }
  const cache = cacheFromFlags(flags, (line) => io.err(`${line}\n`));
  const prompts = flags.prompts === undefined ? undefined : await readPrompts(flags.prompts);
  const maxTokens = int("max-tokens", flags.maxTokens);
  const base = await createEmbedder(flags.model, {
    batchSize: int("batch-size", flags.batchSize),
    device,
    threads: int("threads", flags.threads),
    endpoints: flags.endpoint,
    maxTokens,
    hubCacheDir: flags.cache,
    // With an instruction template the prompts are the model's instruction overrides, not ST-style prefixes.
    prompts: flags.instructionTemplate === undefined ? prompts : undefined,
  });
  const embedder =
    flags.instructionTemplate === undefined
      ? base
      : withInstructions(base, {
          template: flags.instructionTemplate,
          prompts,
          applyToDocuments: flags.instructionsOnDocuments === true,
        });
  const plan = await planRun(work, embedder, {
    batchSize: int("batch-size", flags.batchSize) ?? 32,
    cacheDir: cache?.dir,
    cacheDtype: cache?.dtype ?? "float32",
    measure: flags.dryRun === true,
  });
  if (flags.dryRun) {
    io.out(`${plan.table}\n`);
    await embedder.close();
    cache?.close();
    return 0;
  }
  try {
    const summary = await evaluate({
      work,
      embedder,
      output: resolve(flags.output),
      source: (spec) => hubSource(client, spec.dataset.path, spec.dataset.revision),
      overwrite,
      sklearn,
      seed: int("seed", flags.seed),
      batchSize: int("batch-size", flags.batchSize),
      dims,
      quantize,
      // A limit other than the model's own files its results under experiments/max_tokens_<n>/.
      maxTokens,
      modelMaxTokens: ownTokenLimit(base),
      cache,
      log: (line) => io.err(`${line}\n`),
      onEncodeProgress: io === processIo ? terminalEncodeProgress() : undefined,
    });
    // One row per task (and dim): mteb's task score = flat mean of main_score over the (split, subset) pairs.
    const byTask = new Map<string, { task: string; dim: number; scores: number[] }>();
    for (const r of summary.rows) {
      const key = `${r.task}\u0000${r.dim}`;
      const e = byTask.get(key) ?? { task: r.task, dim: r.dim, scores: [] };
      e.scores.push(r.mainScore);
      byTask.set(key, e);
    }
    const rows = [...byTask.values()].map((e) => [
      e.task,
      String(e.dim),
      String(e.scores.length),
      ((e.scores.reduce((a, b) => a + b, 0) / e.scores.length) * 100).toFixed(2),
    ]);
    if (rows.length > 0)
      io.out(`${renderTable(["task", "dim", "subsets×splits", "main score ×100"], rows)}\n`);
    io.out(
      `${summary.written.length} result files written under ${resolve(flags.output)}, ${summary.skipped.length} tasks already done; ` +
        `${summary.encode.texts} texts encoded in ${summary.encode.calls} batches` +
        `${cache ? `, ${summary.encode.diskHits} from the embedding cache (${cache.dtype})` : ""}\n`,
    );
    return 0;
  } finally {
    await embedder.close();
    await cache?.close();
  }
}
