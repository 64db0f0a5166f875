/** The shared body of the HTTP embedders: prompts, batching, the scheduler, output in input order, a dimension probe. */
import { EmbevalError } from "../../errors.js";
import { effectivePrompt, type PromptMap } from "../prompts.js";
import type { EncodeContext } from "../types.js";
import { type Batch, makeBatches } from "./batches.js";
import type { ResolvedHttpSettings } from "./options.js";
import { type EndpointState, endpointStates, runBatches } from "./pool.js";
import { httpRequest } from "./request.js";
import { storeVector } from "./vectors.js";

/** What a backend contributes: how to build a request body and read the vectors out of a response. */
export interface HttpAdapter {
  /** Full request URLs, one per endpoint. */
  urls: string[];
  /** The same, as shown in messages (no credentials). */
  shown: string[];
  headers: Record<string, string>;
  /** Request body for these texts (prompt already prepended) and, in prompt-name mode, the prompt name. */
  body(texts: readonly string[], promptName: string | undefined): string;
  /** The `count` vectors of a 2xx response in request order (may throw E_PARSE, E_NOT_FINITE). */
  vectors(body: string, count: number, shown: string): unknown[];
  /** True for texts not sent and given a zero vector (mteb's OpenAI wrapper does this for blank texts). */
  zeroText?(text: string): boolean;
  /** "prepend": the prompt is prefixed to each text; "name": it is sent as a field (TEI prompt_name). */
  promptMode: "prepend" | "name";
  /** Removes secrets from quoted server text. */
  redact(s: string): string;
}

/** The running pieces of one HTTP embedder. */
export interface HttpCore {
  embed(texts: readonly string[], ctx: EncodeContext, signal?: AbortSignal): Promise<Float32Array>;
  promptFor(ctx: EncodeContext): string | undefined;
  /** One request with one text to learn the output dimension (when no dimension is configured). */
  probeDim(signal?: AbortSignal): Promise<number>;
  setDim(dim: number): void;
  readonly endpoints: EndpointState[];
}

type OnRows = (b: Batch, rows: Float32Array, dim: number) => void;

/** Build the shared core; the dimension is set by the factory (configured, known, or probed). */
export function createHttpCore(
  adapter: HttpAdapter,
  settings: ResolvedHttpSettings,
  prompts: PromptMap | undefined,
): HttpCore {
  const endpoints = endpointStates(adapter.shown);
  let dim = 0;

  /** Send `texts` (skipping zero texts) and hand each batch's validated rows to `onRows`. */
  const run = async (
    texts: readonly string[],
    promptName: string | undefined,
    expectDim: number,
    onRows: OnRows,
    signal?: AbortSignal,
  ): Promise<void> => {
    if (signal?.aborted)
      throw new EmbevalError("E_ABORTED", "embedding was aborted", { cause: signal.reason });
    const items: { index: number; text: string }[] = [];
    for (let i = 0; i < texts.length; i++) {
      if (!adapter.zeroText?.(texts[i])) items.push({ index: i, text: texts[i] });
    }
    const send = async (ep: number, b: Batch, sig: AbortSignal) => {
      const shown = adapter.shown[ep];
      const res = await httpRequest({
        url: adapter.urls[ep],
        shown,
        method: "POST",
        headers: adapter.headers,
        body: adapter.body(b.texts, promptName),
        timeoutMs: settings.timeoutMs,
        signal: sig,
        redact: adapter.redact,
      });
      const vs = adapter.vectors(res.body, b.texts.length, shown);
      const d = expectDim || (Array.isArray(vs[0]) ? vs[0].length : 0);
      // every row is validated before any is stored, so a bad response leaves nothing behind
      const rows = new Float32Array(b.texts.length * d);
      for (let k = 0; k < vs.length; k++) storeVector(vs[k], d, rows, k, shown);
      onRows(b, rows, d);
    };
    await runBatches({ batches: makeBatches(items, settings), endpoints, settings, send, signal });
  };

  return {
    endpoints,
    setDim(d) {
      dim = d;
    },
    promptFor: (ctx) => effectivePrompt(prompts, ctx),
    async embed(texts, ctx, signal) {
      if (dim <= 0) throw new EmbevalError("E_CONFIG", "embedding dimension unknown");
      const prompt = effectivePrompt(prompts, ctx);
      let sent: readonly string[] = texts;
      let promptName: string | undefined;
      if (adapter.promptMode === "name") promptName = prompt;
      else if (prompt) sent = texts.map((t) => (adapter.zeroText?.(t) ? t : prompt + t));
      const out = new Float32Array(texts.length * dim);
      await run(
        sent,
        promptName,
        dim,
        (b, rows) => {
          for (let k = 0; k < b.indices.length; k++) {
            out.set(rows.subarray(k * dim, (k + 1) * dim), b.indices[k] * dim);
          }
        },
        signal,
      );
      return out;
    },
    async probeDim(signal) {
      let d = 0;
      await run(["dimension probe"], undefined, 0, (_b, _rows, dd) => (d = dd), signal);
      if (d <= 0)
        throw new EmbevalError("E_EMBEDDING_DIM", `${adapter.shown[0]} returned an empty embedding`);
      return d;
    },
  };
}
