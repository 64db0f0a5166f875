/** Options shared by the HTTP embedders (OpenAI-compatible, TEI): endpoints, size limits, retries, timeouts, prompts. */
import type { SimilarityFn } from "../../../metrics/similarity.js";
import { EmbevalError } from "../../errors.js";
import type { PromptMap } from "../prompts.js";

/** How a request picks among several endpoints. */
export type Balance = "round-robin" | "least-busy";

/** Settings every HTTP embedder accepts; all have defaults except where a backend says otherwise. */
export interface HttpEmbedderOptions {
  /** Base URLs (e.g. `http://10.0.0.5:8080`, `https://api.openai.com/v1`) or full request URLs; several = a cluster. */
  endpoints?: readonly string[];
  /** Model id results are filed under. */
  id?: string;
  /** Model revision recorded in results (default "api"). */
  revision?: string;
  /** Expected output dimension; when absent it comes from a known model table or one probe request. */
  dim?: number;
  /**
   * The model's similarity_fn_name (default cosine): "cosine", "dot", or sentence-transformers' negative distances
   * "euclidean" / "manhattan" (scored as ST's euclidean_sim / manhattan_sim).
   */
  similarity?: SimilarityFn;
  /** Longest input in tokens, if known (informational). */
  maxTokens?: number;
  /** mteb model_prompts: resolved per task/role (task-name-role > task-name > task-type-role > task-type > role). */
  prompts?: PromptMap;
  /** In-flight requests per endpoint (default 4). */
  concurrency?: number;
  /** Most texts in one request (default: backend-specific). */
  maxTextsPerRequest?: number;
  /** Most UTF-16 code units of text in one request (default 1 000 000); a longer single text is sent alone. */
  maxCharsPerRequest?: number;
  /** Most UTF-8 bytes of text in one request (default 4 000 000); a longer single text is sent alone. */
  maxBytesPerRequest?: number;
  /** Retries per batch after the first attempt (default 5). */
  maxRetries?: number;
  /** First backoff delay in ms (default 500), doubled per consecutive failure of an endpoint. */
  retryBaseMs?: number;
  /** Longest backoff delay in ms (default 30 000). */
  retryMaxMs?: number;
  /** Longest `Retry-After` honoured, in ms (default 120 000); larger values are capped. */
  maxRetryAfterMs?: number;
  /** Randomize backoff delays in [½, 1]× to avoid synchronized retries (default true). */
  jitter?: boolean;
  /** Per-request timeout in ms, covering connect, upload and the whole response body (default 120 000). */
  timeoutMs?: number;
  /** Endpoint choice (default round-robin). */
  balance?: Balance;
  /** Extra request headers (not recorded anywhere). */
  headers?: Readonly<Record<string, string>>;
}

/** The limits and retry policy with defaults filled in. */
export interface ResolvedHttpSettings {
  concurrency: number;
  maxTexts: number;
  maxChars: number;
  maxBytes: number;
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxRetryAfterMs: number;
  jitter: boolean;
  timeoutMs: number;
  balance: Balance;
}

function positiveInt(name: string, v: number | undefined, dflt: number, min = 1): number {
  if (v === undefined) return dflt;
  if (!Number.isInteger(v) || v < min) {
    throw new EmbevalError("E_CONFIG", `${name} must be an integer ≥ ${min}, got ${v}`);
  }
  return v;
}

/** Fill defaults and validate numbers (E_CONFIG on nonsense). */
export function resolveHttpSettings(o: HttpEmbedderOptions, defaultMaxTexts: number): ResolvedHttpSettings {
  checkSimilarity(o.similarity);
  const balance = o.balance ?? "round-robin";
  if (balance !== "round-robin" && balance !== "least-busy") {
    throw new EmbevalError("E_CONFIG", `unknown balance "${balance}"`, { hint: "round-robin or least-busy" });
  }
  return {
    concurrency: positiveInt("concurrency", o.concurrency, 4),
    maxTexts: positiveInt("maxTextsPerRequest", o.maxTextsPerRequest, defaultMaxTexts),
    maxChars: positiveInt("maxCharsPerRequest", o.maxCharsPerRequest, 1_000_000),
    maxBytes: positiveInt("maxBytesPerRequest", o.maxBytesPerRequest, 4_000_000),
    maxRetries: positiveInt("maxRetries", o.maxRetries, 5, 0),
    retryBaseMs: positiveInt("retryBaseMs", o.retryBaseMs, 500, 0),
    retryMaxMs: positiveInt("retryMaxMs", o.retryMaxMs, 30_000, 0),
    maxRetryAfterMs: positiveInt("maxRetryAfterMs", o.maxRetryAfterMs, 120_000, 0),
    jitter: o.jitter ?? true,
    timeoutMs: positiveInt("timeoutMs", o.timeoutMs, 120_000),
    balance,
  };
}

const SIMILARITIES: readonly string[] = ["cosine", "dot", "euclidean", "manhattan"] satisfies SimilarityFn[];

/** E_CONFIG unless `v` is absent or one of the similarity functions embeval scores with (options may come from JSON). */
export function checkSimilarity(v: unknown): void {
  if (v === undefined || (typeof v === "string" && SIMILARITIES.includes(v))) return;
  throw new EmbevalError("E_CONFIG", `unknown similarity "${String(v)}"`, {
    hint: `use one of ${SIMILARITIES.join(", ")}`,
  });
}

/**
 * The request URL for an endpoint: kept as is when it already ends with `suffix`, else `suffix` is appended to its
 * path. E_CONFIG for anything that is not an http(s) URL.
 */
export function requestUrl(endpoint: string, suffix: string): string {
  let u: URL;
  try {
    u = new URL(endpoint);
  } catch (cause) {
    throw new EmbevalError("E_CONFIG", `endpoint "${displayUrl(endpoint)}" is not a URL`, {
      hint: "e.g. http://127.0.0.1:8080",
      cause,
    });
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    throw new EmbevalError("E_CONFIG", `endpoint "${displayUrl(endpoint)}" is not http(s)`);
  }
  const path = u.pathname.replace(/\/+$/, "");
  u.pathname = path.endsWith(suffix) ? path : `${path}${suffix}`;
  return u.toString();
}

/** An endpoint as shown in messages: scheme, host, port and path only (no credentials, query or fragment). */
export function displayUrl(endpoint: string): string {
  try {
    const u = new URL(endpoint);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return endpoint.replace(/\/\/[^/@]*@/, "//").replace(/[?#].*$/, "");
  }
}

/** Replace every occurrence of each secret in `text` by "***" (for server messages quoted in errors). */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("***");
  return out;
}
