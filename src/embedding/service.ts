/**
 * The embedding service: dedupes identical (text, role) requests within a task, takes what the optional disk cache
 * (disk-cache.ts) holds, batches the rest longest first, calls the embedder once per batch at full dimension, checks
 * shape and finiteness, stores each batch in the disk cache before the next one (so a killed run resumes), and
 * serves truncated views for each requested dim (sentence-transformers truncate_dim: slice, no renormalisation
 * unless asked).
 */
import { type Matrix, matrix } from "../../metrics/matrix.js";
import type { EncodeContext, EncodeRequest } from "../../tasks/encode.js";
import type { TaskPrompt, TaskType } from "../../tasks/types.js";
import type { Embedder } from "../embedders/types.js";
import { EmbevalError } from "../errors.js";
import { namespaceFor } from "./cache-key.js";
import type { EmbeddingCache } from "./disk-cache.js";

/** Counters the pipeline reports (and tests assert). */
export interface EncodeStats {
  /** Embedder calls (batches). */
  calls: number;
  /** Texts sent to the embedder. */
  texts: number;
  /** Texts served from the in-memory cache. */
  hits: number;
  /** Distinct texts served from the disk cache. */
  diskHits: number;
  /** Milliseconds spent inside the embedder. */
  ms: number;
}

/** Options of one task's embedding service. */
export interface ServiceOptions {
  embedder: Embedder;
  /** The task (mteb passes its name and type to `encode`; prompts and adapters may depend on them). */
  taskName?: string;
  taskType?: TaskType;
  /** The task's metadata prompt, passed to instruction-following models. */
  taskPrompt?: TaskPrompt;
  batchSize: number;
  signal?: AbortSignal;
  /** After each batch: texts done / total of the current request, and tokens so far when the embedder counts them. */
  onBatch?: (done: number, total: number, tokens?: number) => void;
  /** A disk cache shared across tasks and runs; vectors are looked up there first and stored after each batch. */
  cache?: EmbeddingCache;
}

/** A task-scoped encoder with a full-dimension memory cache; `encodeAt(dim)` gives the runner's encode function. */
export interface EmbeddingService {
  readonly stats: EncodeStats;
  /** Full-dimension vectors for a request. */
  encode(req: EncodeRequest): Promise<Matrix>;
  /** An encode function returning the first `dim` values of each vector (optionally renormalised). */
  encodeAt(dim: number | undefined, renormalize?: boolean): (req: EncodeRequest) => Promise<Matrix>;
}

/** Create the service for one task of one model. */
export function createEmbeddingService(opts: ServiceOptions): EmbeddingService {
  const { embedder } = opts;
  const dim = embedder.info.dim;
  const cache = new Map<string, Float32Array>();
  const stats: EncodeStats = { calls: 0, texts: 0, hits: 0, diskHits: 0, ms: 0 };
  const disk = opts.cache;
  const keyOf = (text: string, ctx: EncodeContext) => `${ctx.role}\u0000${text}`;

  async function encode(req: EncodeRequest): Promise<Matrix> {
    const ctx: EncodeContext = {
      role: req.role,
      taskName: opts.taskName,
      taskType: opts.taskType,
      ...(opts.taskPrompt ? { taskPrompt: opts.taskPrompt } : {}),
    };
    let missing: string[] = [];
    const seen = new Set<string>();
    for (const t of req.texts) {
      const k = keyOf(t, ctx);
      if (cache.has(k)) stats.hits++;
      else if (!seen.has(k)) {
        seen.add(k);
        missing.push(t);
      }
    }
    const ns = disk ? namespaceFor(embedder, ctx) : undefined;
    if (disk && ns && missing.length > 0) {
      const found = await disk.get(ns, missing);
      const rest: string[] = [];
      missing.forEach((t, i) => {
        const v = found[i];
        if (v === undefined) rest.push(t);
        else {
          cache.set(keyOf(t, ctx), v);
          stats.diskHits++;
        }
      });
      missing = rest;
    }
    // Longest first, as sentence-transformers sorts, so batches pad little.
    const order = [...missing].sort((a, b) => b.length - a.length);
    for (let start = 0; start < order.length; start += opts.batchSize) {
      const batch = order.slice(start, start + opts.batchSize);
      const t0 = performance.now();
      const out = await embedder.embed(batch, ctx, opts.signal);
      stats.ms += performance.now() - t0;
      stats.calls++;
      stats.texts += batch.length;
      if (out.length !== batch.length * dim) {
        throw new EmbevalError(
          "E_EMBEDDING_DIM",
          `${embedder.info.id} returned ${out.length} values for ${batch.length} texts, expected ${dim} per text`,
          { hint: "the embedder's declared dimension does not match its output" },
        );
      }
      for (let j = 0; j < out.length; j++) {
        if (!Number.isFinite(out[j]))
          throw new EmbevalError("E_NOT_FINITE", `${embedder.info.id} returned a non-finite value`);
      }
      // Stored before it is used: a float16 cache gives back rounded values, used from the first run on.
      const kept = disk && ns ? await disk.put(ns, batch, out) : out;
      for (let i = 0; i < batch.length; i++)
        cache.set(keyOf(batch[i], ctx), kept.slice(i * dim, (i + 1) * dim));
      opts.onBatch?.(Math.min(start + opts.batchSize, order.length), order.length, embedder.usage?.tokens);
    }
    const data = new Float32Array(req.texts.length * dim);
    req.texts.forEach((t, i) => {
      data.set(cache.get(keyOf(t, ctx)) as Float32Array, i * dim);
    });
    return matrix(data, req.texts.length, dim);
  }

  return {
    stats,
    encode,
    encodeAt(d, renormalize = false) {
      if (d === undefined || d === dim) return encode;
      if (!Number.isInteger(d) || d <= 0 || d > dim) {
        throw new EmbevalError("E_EMBEDDING_DIM", `cannot truncate ${dim}-dim vectors to ${d}`, {
          hint: `choose dims between 1 and ${dim}`,
        });
      }
      return async (req) => truncate(await encode(req), d, renormalize);
    },
  };
}

/** The first `d` values of each row; with `renormalize`, each row rescaled to unit L2 norm. */
export function truncate(m: Matrix, d: number, renormalize: boolean): Matrix {
  const out = new Float32Array(m.rows * d);
  for (let i = 0; i < m.rows; i++) {
    const row = m.data.subarray(i * m.cols, i * m.cols + d);
    let norm = 1;
    if (renormalize) {
      let ss = 0;
      for (let j = 0; j < d; j++) ss += row[j] * row[j];
      norm = Math.sqrt(ss) || 1;
    }
    for (let j = 0; j < d; j++) out[i * d + j] = row[j] / norm;
  }
  return matrix(out, m.rows, d);
}
