/**
 * Content addresses of the embedding cache: everything that changes a vector — model id, revision, the embedder's
 * `cacheKey` (backend, pooling, normalization, max tokens...), the prompt `promptFor(ctx)` resolves, the role, the
 * task adapter of adapter models, the dimension — hashed with SHA-256 into a namespace; a vector's key is SHA-256 of
 * that namespace hash and the text's UTF-8 bytes.
 */
import { createHash } from "node:crypto";
import type { Embedder, EncodeContext, Role } from "../embedders/types.js";

/** Layout version of the stored files; bumping it starts a fresh cache beside the old one. */
export const CACHE_FORMAT = 1;

/** The settings one cached vector depends on besides its text. */
export interface VectorNamespace {
  modelId: string;
  revision: string;
  cacheKey: string;
  /** The prompt or instruction the model applies, null when none. */
  prompt: string | null;
  role: Role;
  /** The task adapter the model feeds (models with `adapterFor`), null otherwise. */
  adapter: string | null;
  dim: number;
}

/** An embedder that may feed a task adapter (the ONNX embedder does). */
interface MaybeAdapter {
  adapterFor?: (ctx: EncodeContext) => number | string | undefined;
}

/** The namespace of an embedder's vectors for one encode context. */
export function namespaceFor(embedder: Embedder, ctx: EncodeContext): VectorNamespace {
  const { info } = embedder;
  const adapterFor = (embedder as Embedder & MaybeAdapter).adapterFor;
  const adapter = typeof adapterFor === "function" ? adapterFor.call(embedder, ctx) : undefined;
  return {
    modelId: info.id,
    revision: info.revision,
    cacheKey: info.cacheKey,
    prompt: embedder.promptFor(ctx) ?? null,
    role: ctx.role,
    adapter: adapter === undefined ? null : String(adapter),
    dim: info.dim,
  };
}

/** SHA-256 (hex) of the namespace's fields in a fixed order. */
export function namespaceHash(ns: VectorNamespace): string {
  const fields = [CACHE_FORMAT, ns.modelId, ns.revision, ns.cacheKey, ns.prompt, ns.role, ns.adapter, ns.dim];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

/** The 32-byte key of one text's vector in a namespace (given as its hex hash). */
export function vectorKey(nsHash: string, text: string): Buffer {
  return createHash("sha256").update(Buffer.from(nsHash, "hex")).update(text, "utf8").digest();
}
