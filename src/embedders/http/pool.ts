/**
 * The request scheduler of the HTTP embedders: bounded concurrency per endpoint, round-robin or least-busy choice,
 * per-endpoint backoff honouring Retry-After, a failed batch re-sent to another endpoint, 413 splitting, abort.
 */
import { setMaxListeners } from "node:events";
import { EmbevalError, isEmbevalError } from "../../errors.js";
import { type Batch, splitBatch } from "./batches.js";
import type { ResolvedHttpSettings } from "./options.js";
import { backoffMs, RetryableError, TooLargeError } from "./retry.js";

/** Health of one endpoint, kept across calls of one embedder. */
export interface EndpointState {
  /** As shown in messages. */
  shown: string;
  busy: number;
  /** No request is started before this time (ms since epoch). */
  blockedUntil: number;
  /** Consecutive failures; reset by a success. */
  failures: number;
}

/** Make endpoint states for display names. */
export function endpointStates(shown: readonly string[]): EndpointState[] {
  return shown.map((s) => ({ shown: s, busy: 0, blockedUntil: 0, failures: 0 }));
}

/** Sends one batch to endpoint `ep`; resolves when its vectors are stored. */
export type SendFn = (ep: number, batch: Batch, signal: AbortSignal) => Promise<void>;

/** The scheduler's inputs. */
export interface RunParams {
  batches: Batch[];
  endpoints: EndpointState[];
  settings: ResolvedHttpSettings;
  send: SendFn;
  signal?: AbortSignal;
}

function aborted(reason?: unknown): EmbevalError {
  return new EmbevalError("E_ABORTED", "embedding was aborted", { cause: reason });
}

/** Run every batch to success, or reject with the first fatal error / exhausted retries (E_HTTP) / E_ABORTED. */
export function runBatches(p: RunParams): Promise<void> {
  const { endpoints: eps, settings: s } = p;
  if (p.signal?.aborted) return Promise.reject(aborted(p.signal.reason));
  if (p.batches.length === 0) return Promise.resolve();
  const queue = [...p.batches];
  const internal = new AbortController();
  // every in-flight request listens on this signal; bounded by concurrency × endpoints, so no leak warning
  setMaxListeners(0, internal.signal);
  let inflight = 0;
  let rr = 0;
  let done = false;
  let timer: NodeJS.Timeout | undefined;

  return new Promise<void>((resolve, reject) => {
    const finish = (err?: unknown) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      p.signal?.removeEventListener("abort", onAbort);
      internal.abort();
      if (err === undefined) resolve();
      else reject(err);
    };
    const onAbort = () => finish(aborted(p.signal?.reason));
    p.signal?.addEventListener("abort", onAbort, { once: true });

    const available = (i: number, now: number) => eps[i].blockedUntil <= now && eps[i].busy < s.concurrency;
    const pick = (b: Batch, now: number): number | undefined => {
      const n = eps.length;
      // Avoid the endpoint that just failed this batch while another endpoint is healthy (even if busy).
      const otherHealthy = eps.some((e, i) => i !== b.avoid && e.blockedUntil <= now);
      let best: number | undefined;
      for (let k = 0; k < n; k++) {
        const i = (rr + k) % n;
        if (!available(i, now) || (otherHealthy && i === b.avoid && n > 1)) continue;
        if (s.balance === "round-robin") return i;
        if (best === undefined || eps[i].busy < eps[best].busy) best = i;
      }
      return best;
    };

    const onFailure = (ep: number, b: Batch, e: unknown) => {
      const st = eps[ep];
      if (e instanceof TooLargeError && b.texts.length > 1) {
        queue.unshift(...splitBatch(b));
        return;
      }
      if (e instanceof TooLargeError) {
        finish(
          new EmbevalError("E_HTTP", `${e.endpoint} rejected a single text as too large (${e.status})`, {
            hint: "lower maxCharsPerRequest/maxBytesPerRequest or enable truncation on the server",
          }),
        );
        return;
      }
      if (!(e instanceof RetryableError)) {
        finish(isEmbevalError(e) ? e : new EmbevalError("E_HTTP", `${st.shown}: ${String(e)}`, { cause: e }));
        return;
      }
      st.failures++;
      const wait =
        e.retryAfterMs !== undefined
          ? Math.min(e.retryAfterMs, s.maxRetryAfterMs)
          : backoffMs(st.failures, s.retryBaseMs, s.retryMaxMs, s.jitter);
      st.blockedUntil = Math.max(st.blockedUntil, Date.now() + wait);
      b.attempts++;
      if (b.attempts > s.maxRetries) {
        finish(
          new EmbevalError(
            "E_HTTP",
            `embedding request failed after ${b.attempts} attempts; last: ${e.endpoint} → ${e.status}`,
            {
              hint: "check that the server is up and not overloaded; raise maxRetries or timeoutMs if needed",
            },
          ),
        );
        return;
      }
      b.avoid = ep;
      queue.unshift(b);
    };

    const pump = () => {
      if (done) return;
      if (queue.length === 0 && inflight === 0) return finish();
      const now = Date.now();
      for (let qi = 0; qi < queue.length; ) {
        if (!eps.some((_, i) => available(i, now))) break;
        const b = queue[qi];
        const ep = pick(b, now);
        if (ep === undefined) {
          qi++;
          continue;
        }
        queue.splice(qi, 1);
        rr = (ep + 1) % eps.length;
        eps[ep].busy++;
        inflight++;
        p.send(ep, b, internal.signal).then(
          () => {
            eps[ep].busy--;
            inflight--;
            eps[ep].failures = 0;
            pump();
          },
          (e: unknown) => {
            eps[ep].busy--;
            inflight--;
            if (done) return;
            onFailure(ep, b, e);
            pump();
          },
        );
      }
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (queue.length > 0) {
        // Wake up when the next blocked endpoint opens (finishing requests also call pump).
        const next = Math.min(...eps.map((e) => (e.blockedUntil > now ? e.blockedUntil : Infinity)));
        if (Number.isFinite(next)) timer = setTimeout(pump, Math.max(1, next - now));
      }
    };
    pump();
  });
}
