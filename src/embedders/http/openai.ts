/** OpenAI-compatible `/v1/embeddings` embedder; mirrors mteb 2.x mteb/models/model_implementations/openai_models.py (blank texts → zero vectors, float32 output). */
import { pyStrip } from "../../../tasks/text.js";
import { EmbevalError } from "../../errors.js";
import type { Embedder } from "../types.js";
import { createHttpCore, type HttpAdapter } from "./core.js";
import { displayUrl, type HttpEmbedderOptions, redact, requestUrl, resolveHttpSettings } from "./options.js";
import { decodeBase64F32, parseJsonBody } from "./vectors.js";

/** Options of `createOpenAiEmbedder`. */
export interface OpenAiEmbedderOptions extends HttpEmbedderOptions {
  /** The API's `model` field, e.g. "text-embedding-3-small" or a served model name. */
  model: string;
  /** The API's `dimensions` field (Matryoshka shortening done by the server); omitted when undefined. */
  dimensions?: number;
  /** The API's `encoding_format` (default "float"; "base64" = little-endian float32, smaller responses). */
  encodingFormat?: "float" | "base64";
  /** Name of the environment variable holding the API key (default OPENAI_API_KEY); the key is never logged. */
  apiKeyEnv?: string;
  /** mteb sends no request for texts blank after Python `str.strip()` and gives them a zero vector (default true). */
  blankAsZero?: boolean;
  /** The API's `user` field, if wanted. */
  user?: string;
  /** Whether the served model returns unit vectors (OpenAI's do); recorded in info (default false). */
  normalizes?: boolean;
}

/** mteb OpenAIModel.default_embed_dims. */
export const OPENAI_DEFAULT_DIMS: Readonly<Record<string, number>> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
};

const OPENAI_BASE = "https://api.openai.com/v1";

interface OpenAiItem {
  index?: unknown;
  embedding?: unknown;
}

/**
 * Create an OpenAI-compatible embedder. When neither `dim`, `dimensions` nor a known model gives the dimension, one
 * probe request is made. Texts are sent in input order per request; rows come back in input order whatever the
 * completion order. The prompt resolved for the context is prepended to each (non-blank) text.
 */
export async function createOpenAiEmbedder(opts: OpenAiEmbedderOptions): Promise<Embedder> {
  if (!opts.model) throw new EmbevalError("E_CONFIG", "the OpenAI embedder needs a model name");
  const settings = resolveHttpSettings(opts, 2048);
  const endpoints = opts.endpoints?.length ? [...opts.endpoints] : [OPENAI_BASE];
  const keyEnv = opts.apiKeyEnv ?? "OPENAI_API_KEY";
  const key = process.env[keyEnv];
  const urls = endpoints.map((e) => requestUrl(e, "/embeddings"));
  if (!key && urls.some((u) => new URL(u).hostname === "api.openai.com")) {
    throw new EmbevalError("E_CONFIG", `no API key: environment variable ${keyEnv} is not set`, {
      hint: `export ${keyEnv}=... (or name another variable with apiKeyEnv)`,
    });
  }
  if (opts.dim !== undefined && opts.dimensions !== undefined && opts.dim !== opts.dimensions) {
    throw new EmbevalError("E_CONFIG", `dim ${opts.dim} differs from dimensions ${opts.dimensions}`, {
      hint: "set only dimensions (the server shortens the vectors to it)",
    });
  }
  const format = opts.encodingFormat ?? "float";
  const blankAsZero = opts.blankAsZero ?? true;
  const secrets = [key, ...Object.values(opts.headers ?? {})];
  const scrub = (s: string) => redact(s, secrets);
  const adapter: HttpAdapter = {
    urls,
    shown: urls.map(displayUrl),
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...opts.headers,
    },
    promptMode: "prepend",
    redact: scrub,
    zeroText: blankAsZero ? (t) => pyStrip(t) === "" : undefined,
    body(texts) {
      return JSON.stringify({
        model: opts.model,
        input: texts,
        encoding_format: format,
        ...(opts.dimensions !== undefined ? { dimensions: opts.dimensions } : {}),
        ...(opts.user !== undefined ? { user: opts.user } : {}),
      });
    },
    vectors(body, count, shown) {
      const json = parseJsonBody(body, shown, scrub) as { data?: unknown };
      const data = json && typeof json === "object" ? json.data : undefined;
      if (!Array.isArray(data) || data.length !== count) {
        throw new EmbevalError(
          "E_PARSE",
          `${shown} returned ${Array.isArray(data) ? data.length : "no"} embeddings for ${count} inputs`,
          { hint: "expected an OpenAI embeddings response {data: [{index, embedding}]}" },
        );
      }
      const out = new Array<unknown>(count);
      for (let k = 0; k < count; k++) {
        const item = data[k] as OpenAiItem;
        const idx = item && typeof item.index === "number" ? item.index : k;
        if (!Number.isInteger(idx) || idx < 0 || idx >= count || out[idx] !== undefined) {
          throw new EmbevalError("E_PARSE", `${shown} returned a bad or repeated index ${String(idx)}`);
        }
        out[idx] = format === "base64" ? decodeBase64F32(item.embedding, shown) : item?.embedding;
      }
      return out;
    },
  };
  const core = createHttpCore(adapter, settings, opts.prompts);
  const dim = opts.dim ?? opts.dimensions ?? OPENAI_DEFAULT_DIMS[opts.model] ?? (await core.probeDim());
  core.setDim(dim);
  const cacheKey = [
    "openai",
    `model=${opts.model}`,
    `dimensions=${opts.dimensions ?? "native"}`,
    `format=${format}`,
    `blank=${blankAsZero ? "zero" : "sent"}`,
    "prompt=prepend",
  ].join("|");
  return {
    info: {
      id: opts.id ?? opts.model,
      revision: opts.revision ?? "api",
      backend: "openai",
      dim,
      ...(opts.maxTokens !== undefined ? { maxTokens: opts.maxTokens } : {}),
      similarity: opts.similarity ?? "cosine",
      normalizes: opts.normalizes ?? false,
      cacheKey,
      details: { endpoints: endpoints.length, encodingFormat: format },
    },
    promptFor: core.promptFor,
    embed: core.embed,
    async close() {},
  };
}
