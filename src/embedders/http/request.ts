/** One HTTP request with a whole-response timeout, mapped to outcomes the scheduler understands (fetch, Node ≥ 20). */
import { EmbevalError } from "../../errors.js";
import { isRetryableStatus, parseRetryAfter, RetryableError, TooLargeError } from "./retry.js";

/** A completed 2xx response. */
export interface OkResponse {
  status: number;
  body: string;
}

/** What `send` needs to know about a request. */
export interface RequestSpec {
  url: string;
  /** Endpoint as shown in messages. */
  shown: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Cancels the request (scheduler shutdown or the caller's abort). */
  signal: AbortSignal;
  /** Removes secrets from quoted server text. */
  redact: (s: string) => string;
}

function snippet(body: string, redact: (s: string) => string): string {
  const s = redact(body.replace(/\s+/g, " ").trim());
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

function describeCause(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur instanceof Error; i++) {
    const code = (cur as { code?: unknown }).code;
    parts.push(typeof code === "string" ? `${cur.message} (${code})` : cur.message);
    cur = cur.cause;
  }
  return parts.join(": ") || String(e);
}

/**
 * Perform the request. Resolves with the body on 2xx. Throws RetryableError (timeout, dropped connection, 408/425/
 * 429/5xx with Retry-After), TooLargeError (413), EmbevalError E_HTTP (other statuses, not retried) or E_ABORTED.
 */
export async function httpRequest(spec: RequestSpec): Promise<OkResponse> {
  if (spec.signal.aborted) throw new EmbevalError("E_ABORTED", "embedding was aborted");
  const ac = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ac.abort();
  }, spec.timeoutMs);
  const onAbort = () => ac.abort();
  spec.signal.addEventListener("abort", onAbort, { once: true });
  try {
    let res: Response;
    let body: string;
    try {
      res = await fetch(spec.url, {
        method: spec.method,
        headers: spec.headers,
        body: spec.body,
        signal: ac.signal,
      });
      body = await res.text();
    } catch (e) {
      if (spec.signal.aborted) throw new EmbevalError("E_ABORTED", "embedding was aborted", { cause: e });
      if (timedOut) throw new RetryableError(spec.shown, `timeout after ${spec.timeoutMs} ms`);
      throw new RetryableError(spec.shown, `connection error: ${spec.redact(describeCause(e))}`);
    }
    const status = `${res.status} ${res.statusText}`.trim();
    if (res.status >= 200 && res.status < 300) return { status: res.status, body };
    if (res.status === 413) throw new TooLargeError(spec.shown, status);
    if (isRetryableStatus(res.status)) {
      throw new RetryableError(spec.shown, status, parseRetryAfter(res.headers.get("retry-after")));
    }
    throw new EmbevalError("E_HTTP", `${spec.shown} answered ${status}: ${snippet(body, spec.redact)}`, {
      hint:
        res.status === 401 || res.status === 403
          ? "check the API key environment variable and the endpoint"
          : "check the model name, endpoint and request options",
    });
  } finally {
    clearTimeout(timer);
    spec.signal.removeEventListener("abort", onAbort);
  }
}
