/** Failure classification, backoff and `Retry-After` parsing (RFC 9110 §10.2.3) for the HTTP embedders. */

/** A failure worth retrying (429, 408, 425, 5xx, timeout, dropped connection). */
export class RetryableError extends Error {
  /** Endpoint as displayed (no credentials). */
  readonly endpoint: string;
  /** "429 Too Many Requests", "timeout after 5000 ms", "connection error: ...". */
  readonly status: string;
  /** Server-requested wait in ms, when it sent Retry-After. */
  readonly retryAfterMs: number | undefined;

  constructor(endpoint: string, status: string, retryAfterMs?: number) {
    super(`${endpoint}: ${status}`);
    this.name = "RetryableError";
    this.endpoint = endpoint;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** 413 Payload Too Large: the batch is split in halves and re-sent (no attempt is counted). */
export class TooLargeError extends Error {
  readonly endpoint: string;
  readonly status: string;

  constructor(endpoint: string, status: string) {
    super(`${endpoint}: ${status}`);
    this.name = "TooLargeError";
    this.endpoint = endpoint;
    this.status = status;
  }
}

/** HTTP statuses retried with backoff. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * `Retry-After` in ms: delay-seconds (`"3"`, also fractional `"0.5"` as some servers send) or an HTTP-date
 * relative to `now`; undefined when absent or unparsable; never negative.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (v === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - now);
}

/** Exponential backoff after `failures` consecutive failures (1 → base), capped, optionally jittered to [½, 1]×. */
export function backoffMs(failures: number, baseMs: number, maxMs: number, jitter: boolean): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return jitter ? raw * (0.5 + Math.random() * 0.5) : raw;
}
