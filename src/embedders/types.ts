/**
 * The Embedder plug-in interface: a small object made by a factory function per backend (onnx, openai, tei, random,
 * static vectors). Runners never see it; the embedding service calls it with texts and the context mteb passes to
 * `encode` (prompt type = role, task name, task type), so prompts and task adapters are resolved as mteb resolves them.
 */
import type { SimilarityFn } from "../../metrics/similarity.js";
import type { EncodeContext } from "../../tasks/encode.js";
import type { SearchFn } from "../../tasks/runner.js";

export type { EncodeContext, Role } from "../../tasks/encode.js";

/** The backends embeval drives. */
export type EmbedderBackend = "onnx" | "openai" | "tei" | "random" | "static" | "bm25";

/** What an embedder declares about itself; everything that changes a vector (except text, role, prompt) is in `cacheKey`. */
export interface EmbedderInfo {
  /** Model id as results are filed under, e.g. "jinaai/jina-embeddings-v5-text-small" or "mteb/baseline-random-encoder". */
  id: string;
  /** Model revision (a commit, a version, or a content hash of local files). */
  revision: string;
  backend: EmbedderBackend;
  /** Native output dimension. */
  dim: number;
  /** Longest input in tokens, if the model has a limit. */
  maxTokens?: number;
  /** mteb ModelMeta.similarity_fn_name. */
  similarity: SimilarityFn;
  /** True when the model's own output is L2-normalized. */
  normalizes: boolean;
  /** Stable string of every setting that changes vectors: backend, pooling, normalization, max tokens, dtype... */
  cacheKey: string;
  /** Free-form backend details recorded in results provenance (package versions, device, endpoint count). */
  details?: Record<string, string | number | boolean>;
}

/** A text-embedding model behind one interface. */
export interface Embedder {
  readonly info: EmbedderInfo;
  /**
   * The prompt (or instruction) the model applies for this context, exactly as it will be prepended/sent; undefined
   * when none. Used for cache keys and provenance; `embed` applies it itself.
   */
  promptFor(ctx: EncodeContext): string | undefined;
  /** Embed texts; returns `texts.length × info.dim` float32 values, row-major. Rejects NaN/Inf with E_NOT_FINITE. */
  embed(texts: readonly string[], ctx: EncodeContext, signal?: AbortSignal): Promise<Float32Array>;
  /** Cumulative tokens fed to the model (backends that tokenize locally), for tokens/s in progress output. */
  readonly usage?: { readonly tokens: number };
  /** Lexical search backends (BM25) rank documents instead of embedding them; retrieval runners use this. */
  readonly search?: SearchFn;
  /** Release sessions, sockets, worker threads. */
  close(): Promise<void>;
}
