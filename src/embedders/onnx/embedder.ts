/**
 * The local ONNX embedder: a sentence-transformers or Optimum export run with onnxruntime-node and the `tokenizers`
 * binding, encoding as sentence-transformers 5.x `SentenceTransformer.encode` does (prompt prepended, strip, truncate,
 * pool, normalize) under mteb 2.20's prompt resolution. Batches are length-sorted and dynamically right-padded.
 */
import { basename, join, resolve } from "node:path";
import { EmbevalError } from "../../errors.js";
import type { Embedder, EmbedderInfo, EncodeContext } from "../types.js";
import { detectFolder } from "./detect.js";
import { adapterDims, checkInputs, chooseOutput } from "./graph.js";
import { l2NormalizeRows, orderPoolingModes, poolTokens } from "./pooling.js";
import { resolveAdapter, resolvePrompt } from "./prompts.js";
import { contentRevision } from "./revision.js";
import { type Int64Feed, type OnnxSession, openSession } from "./runtime.js";
import { loadTokenizer, padBatch, type TextTokenizer, type TokenizedText } from "./tokenize.js";
import type { DetectedFolder, OnnxEmbedderOptions, PoolingMode } from "./types.js";

/** The ONNX embedder: an Embedder plus the adapter id it feeds per context (part of what changes vectors). */
export interface OnnxEmbedder extends Embedder {
  /** The task adapter id fed for a context, or undefined for models without adapters. */
  adapterFor(ctx: EncodeContext): number | undefined;
  /** What was detected in the folder and graph. */
  readonly detected: DetectedFolder;
}

function aborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EmbevalError("E_ABORTED", "embedding was aborted", { cause: signal.reason });
}

interface Settings {
  modes: PoolingMode[];
  normalize: boolean;
  includePrompt: boolean;
  output: string;
  graphPools: boolean;
  adapterInput: string | undefined;
}

async function runBatch(
  session: OnnxSession,
  s: Settings,
  texts: readonly TokenizedText[],
  padId: number,
  promptLength: number,
  adapterId: number | undefined,
): Promise<{ data: Float32Array; dim: number }> {
  const p = padBatch(texts, padId);
  const dims = [p.batch, p.seqLen];
  const feeds: Record<string, Int64Feed> = {};
  for (const i of session.inputs) {
    if (i.name === "input_ids") feeds[i.name] = { data: p.inputIds, dims };
    else if (i.name === "attention_mask") feeds[i.name] = { data: p.attentionMask, dims };
    else if (i.name === "token_type_ids") feeds[i.name] = { data: p.tokenTypeIds, dims };
    else if (i.name === "position_ids") feeds[i.name] = { data: p.positionIds, dims };
    else if (i.name === s.adapterInput && adapterId !== undefined) {
      const d = adapterDims(i, p.batch);
      const n = d.length === 0 ? 1 : d[0];
      feeds[i.name] = { data: new BigInt64Array(n).fill(BigInt(adapterId)), dims: d };
    }
  }
  const out = await session.run(feeds, s.output);
  if (s.graphPools) {
    const dim = out.dims[out.dims.length - 1];
    return { data: s.normalize ? l2NormalizeRows(out.data, dim) : out.data, dim };
  }
  const hidden = out.dims[2];
  const pooled = poolTokens(
    { data: out.data, batch: p.batch, seqLen: p.seqLen, hidden, mask: p.mask },
    s.modes,
    s.includePrompt ? 0 : promptLength,
  );
  const dim = hidden * s.modes.length;
  return { data: s.normalize ? l2NormalizeRows(pooled, dim) : pooled, dim };
}

/** Load a local ONNX model folder (sentence-transformers or Optimum layout) as an Embedder. */
export async function createOnnxEmbedder(opts: OnnxEmbedderOptions): Promise<OnnxEmbedder> {
  const det = detectFolder(resolve(opts.dir.startsWith("onnx:") ? opts.dir.slice(5) : opts.dir), opts.file);
  if (opts.batchSize !== undefined && !(Number.isInteger(opts.batchSize) && opts.batchSize > 0))
    throw new EmbevalError("E_CONFIG", `batchSize must be a positive integer, got ${opts.batchSize}`);
  if (opts.maxTokens !== undefined && !(Number.isInteger(opts.maxTokens) && opts.maxTokens > 0))
    throw new EmbevalError("E_CONFIG", `maxTokens must be a positive integer, got ${opts.maxTokens}`);
  const session = await openSession(join(det.dir, det.modelFile), {
    device: opts.device ?? "cpu",
    threads: opts.threads,
  });
  try {
    const choice = chooseOutput(session.outputs, opts.pooling !== undefined);
    if (det.unsupportedModules.length > 0 && !choice.graphPools)
      throw new EmbevalError(
        "E_UNSUPPORTED",
        `modules.json has modules embeval cannot run: ${det.unsupportedModules.join(", ")}`,
        {
          hint: "export the model with those modules inside the graph (a sentence_embedding output)",
        },
      );
    const adapterInput = checkInputs(session.inputs, opts.adapter?.input);
    if (adapterInput !== undefined && opts.adapter === undefined)
      throw new EmbevalError(
        "E_CONFIG",
        `the graph takes a task adapter id (${adapterInput}) and no adapter map was given`,
        {
          hint: 'pass adapter: { map: { Retrieval: "retrieval", ..., default: "text-matching" } }',
        },
      );
    const poolingOpt = opts.pooling;
    const modes = orderPoolingModes(
      poolingOpt === undefined ? det.pooling : typeof poolingOpt === "string" ? [poolingOpt] : poolingOpt,
    );
    if (modes.length === 0) throw new EmbevalError("E_CONFIG", "pooling needs at least one mode");
    if (choice.graphPools && !(opts.includePrompt ?? det.includePrompt))
      throw new EmbevalError(
        "E_UNSUPPORTED",
        "include_prompt=false needs token states, but the graph pools itself",
        {
          hint: "pass a pooling option so embeval pools the token states without the prompt",
        },
      );
    const settings: Settings = {
      modes,
      normalize: opts.normalize ?? det.normalize,
      includePrompt: opts.includePrompt ?? det.includePrompt,
      output: choice.name,
      graphPools: choice.graphPools,
      adapterInput,
    };
    const maxTokens = opts.maxTokens ?? det.maxTokens;
    const tokenizer: TextTokenizer = await loadTokenizer(det.dir, {
      maxTokens,
      side: det.truncationSide,
      lowercase: det.doLowerCase,
    });
    const prompts = opts.prompts ?? det.prompts;
    const defaultPromptName =
      opts.defaultPromptName !== undefined ? opts.defaultPromptName : det.defaultPromptName;
    const adapterFor = (ctx: EncodeContext) =>
      opts.adapter && adapterInput !== undefined
        ? resolveAdapter(opts.adapter, det.adapterNames, ctx)
        : undefined;
    const batchSize = opts.batchSize ?? 32;
    if (opts.adapter)
      for (const v of Object.values(opts.adapter.map))
        if (typeof v === "string")
          resolveAdapter({ map: { default: v } }, det.adapterNames, { role: "symmetric" });
    const adapterProbe = adapterInput === undefined ? undefined : 0;

    let dim =
      choice.width === undefined ? undefined : choice.graphPools ? choice.width : choice.width * modes.length;
    if (dim === undefined) {
      const [probe] = await tokenizer.encode([""]);
      dim = (await runBatch(session, settings, [probe], tokenizer.padId, 0, adapterProbe)).dim;
    }
    const revision = opts.revision ?? (await contentRevision(det.dir, det.files));
    const adapterKey = opts.adapter ? JSON.stringify(opts.adapter) : "none";
    const info: EmbedderInfo = {
      id: opts.id ?? basename(det.dir),
      revision,
      backend: "onnx",
      dim,
      maxTokens,
      similarity: opts.similarity ?? det.similarity,
      normalizes: settings.normalize,
      cacheKey: [
        `onnx:${det.modelFile}`,
        `out=${choice.name}`,
        `pool=${choice.graphPools ? "graph" : modes.join("+")}`,
        `norm=${settings.normalize ? 1 : 0}`,
        `max=${maxTokens ?? "none"}-${det.truncationSide}`,
        `lower=${det.doLowerCase ? 1 : 0}`,
        `prompt=${settings.includePrompt ? "in" : "out"}`,
        `adapter=${adapterKey}`,
        "f32",
      ].join("|"),
      details: { ...session.details, layout: det.layout, modelFile: det.modelFile, batchSize },
    };
    const promptLengths = new Map<string, number>();
    let closed = false;

    const usage = { tokens: 0 };
    return {
      info,
      detected: det,
      promptFor: (ctx) => resolvePrompt(prompts, defaultPromptName, ctx),
      adapterFor,
      usage,
      async embed(texts, ctx, signal) {
        aborted(signal);
        if (closed) throw new EmbevalError("E_CONFIG", "the ONNX embedder was closed");
        const prompt = resolvePrompt(prompts, defaultPromptName, ctx);
        const adapterId = adapterFor(ctx);
        let promptLength = 0;
        if (prompt !== undefined && !settings.includePrompt) {
          if (!promptLengths.has(prompt)) promptLengths.set(prompt, await tokenizer.promptLength(prompt));
          promptLength = promptLengths.get(prompt) ?? 0;
        }
        const tokens = await tokenizer.encode(prompt === undefined ? texts : texts.map((t) => prompt + t));
        for (const t of tokens) usage.tokens += t.ids.length;
        const order = tokens
          .map((_, i) => i)
          .sort((a, b) => tokens[b].ids.length - tokens[a].ids.length || a - b);
        const out = new Float32Array(texts.length * dim);
        for (let start = 0; start < order.length; start += batchSize) {
          aborted(signal);
          const idx = order.slice(start, start + batchSize);
          const r = await runBatch(
            session,
            settings,
            idx.map((i) => tokens[i]),
            tokenizer.padId,
            promptLength,
            adapterId,
          );
          if (r.dim !== dim)
            throw new EmbevalError("E_MODEL", `the model returned ${r.dim} dimensions, expected ${dim}`);
          for (let k = 0; k < r.data.length; k++)
            if (!Number.isFinite(r.data[k]))
              throw new EmbevalError(
                "E_NOT_FINITE",
                `the model produced ${r.data[k]} for text ${idx[Math.floor(k / dim)]}`,
                {
                  hint: "check the model file (fp16 overflow, broken export) or its inputs",
                },
              );
          idx.forEach((i, j) => {
            out.set(r.data.subarray(j * dim, (j + 1) * dim), i * dim);
          });
        }
        return out;
      },
      async close() {
        if (!closed) {
          closed = true;
          await session.release();
        }
      },
    };
  } catch (e) {
    await session.release();
    throw e;
  }
}
