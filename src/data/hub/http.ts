/** HTTP with retries, exponential backoff, Retry-After and timeouts on Node's global fetch; reproduces huggingface_hub utils/_http.py http_backoff. */
import { EmbevalError } from "../../errors.js";

/** How hard to retry. Defaults follow huggingface_hub http_backoff (5 retries, 1 s doubling to 8 s). */
export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff wait; doubles each retry. */
  baseDelayMs: number;
  /** Cap of the exponential backoff. */
  maxDelayMs: number;
  /** Cap on a server's Retry-After (a longer one still waits this long, then retries). */
  maxRetryAfterMs: number;
  /** Abort when no response headers / no body bytes arrive for this long. */
  timeoutMs: number;
}

/** Defaults: 5 retries, 1 s → 8 s backoff, Retry-After up to 60 s, 10 s read timeout (huggingface_hub's). */
export const DEFAULT_RETRY: RetryOptions = {
  retries: 5,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
  timeoutMs: 10_000,
};

/** What a retry looked like (for logs and tests). */
export interface RetryEvent {
  url: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

/** The transport the Hub client uses. */
export interface HttpContext {
  fetch: typeof fetch;
  retry: RetryOptions;
  sleep: (ms: number) => Promise<void>;
  onRetry?: (e: RetryEvent) => void;
}

/** Statuses worth retrying: rate limits and transient server errors. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Wait before retry number `attempt` (0-based): base·2^attempt capped at max. */
export function backoffDelay(attempt: number, opts: RetryOptions): number {
  return Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** attempt);
}

/** Retry-After in ms (delta-seconds or an HTTP date), undefined if absent or unparsable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/** The wait before the next attempt: the server's Retry-After if given (capped), else the backoff. */
export function retryDelay(attempt: number, opts: RetryOptions, retryAfter: string | null = null): number {
  const ra = parseRetryAfter(retryAfter);
  return ra === undefined ? backoffDelay(attempt, opts) : Math.min(ra, opts.maxRetryAfterMs);
}

/** A response whose headers arrived, with the controller that also aborts its body. */
export interface OpenResponse {
  res: Response;
  controller: AbortController;
}

/** One fetch with a header timeout; throws the raw network error (retryable by the caller). */
export async function fetchOnce(ctx: HttpContext, url: string, init: RequestInit): Promise<OpenResponse> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error("timeout waiting for response")),
    ctx.retry.timeoutMs,
  );
  try {
    const res = await ctx.fetch(url, { ...init, signal: controller.signal });
    return { res, controller };
  } finally {
    clearTimeout(timer);
  }
}

/** Short description of a network error without headers (never includes the token). */
export function describeNetworkError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? `: ${e.cause.message}` : "";
  return `${e.message}${cause}`;
}

/**
 * Fetch `url`, retrying network errors and 429/5xx with backoff (honouring Retry-After). Returns the first
 * non-retryable response; throws E_IO when the retries are used up.
 */
export async function fetchWithRetry(
  ctx: HttpContext,
  url: string,
  init: RequestInit,
): Promise<OpenResponse> {
  const max = ctx.retry.retries;
  for (let attempt = 0; ; attempt++) {
    let reason: string;
    let retryAfter: string | null = null;
    try {
      const open = await fetchOnce(ctx, url, init);
      if (!RETRY_STATUSES.has(open.res.status)) return open;
      reason = `HTTP ${open.res.status}`;
      retryAfter = open.res.headers.get("retry-after");
      await open.res.body?.cancel().catch(() => undefined);
    } catch (e) {
      if (e instanceof EmbevalError) throw e;
      reason = describeNetworkError(e);
    }
    if (attempt >= max) {
      throw new EmbevalError(
        "E_IO",
        `${init.method ?? "GET"} ${url} failed after ${attempt + 1} attempts (${reason})`,
        {
          hint: "check the network or HF_ENDPOINT, or work offline with HF_HUB_OFFLINE=1 on a filled cache",
        },
      );
    }
    const delayMs = retryDelay(attempt, ctx.retry, retryAfter);
    ctx.onRetry?.({ url, attempt: attempt + 1, delayMs, reason });
    await ctx.sleep(delayMs);
  }
}

/** setTimeout as a promise. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
