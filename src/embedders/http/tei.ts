/** Hugging Face text-embeddings-inference (TEI) `/embed` embedder: `inputs`, `normalize`, `truncate`, optional `prompt_name`. */
import { EmbevalError } from "../../errors.js";
import type { Embedder } from "../types.js";
import { createHttpCore, type HttpAdapter } from "./core.js";
import { displayUrl, type HttpEmbedderOptions, redact, requestUrl, resolveHttpSettings } from "./options.js";
import { httpRequest } from "./request.js";
import { parseJsonBody } from "./vectors.js";

/** Options of `createTeiEmbedder`. */
export interface TeiEmbedderOptions extends HttpEmbedderOptions {
  /** TEI servers (base URLs or full `/embed` URLs); at least one. */
  endpoints: readonly string[];
  /** TEI `normalize` (default true, TEI's default). */
  normalize?: boolean;
  /** TEI `truncate` to the model's max length (default true, as sentence-transformers truncates). */
  truncate?: boolean;
  /** TEI `truncation_direction` (default "Right"). */
  truncationDirection?: "Left" | "Right";
  /**
   * "prepend" (default): the resolved prompt is prefixed to each text. "prompt_name": the resolved prompt map
   * *value* is sent as TEI `prompt_name` (a name from the server's sentence-transformers config), text unchanged.
   */
  promptMode?: "prepend" | "prompt_name";
}

/** TEI `GET /info`: model id and revision, used when `id`/`revision` are not given. */
async function teiInfo(
  url: string,
  shown: string,
  timeoutMs: number,
): Promise<{ id?: string; sha?: string }> {
  const res = await httpRequest({
    url,
    shown,
    method: "GET",
    headers: { accept: "application/json" },
    timeoutMs,
    signal: new AbortController().signal,
    redact: (s) => s,
  });
  const j = parseJsonBody(res.body, shown, (s) => s) as { model_id?: unknown; model_sha?: unknown };
  return {
    id: typeof j?.model_id === "string" ? j.model_id : undefined,
    sha: typeof j?.model_sha === "string" ? j.model_sha : undefined,
  };
}

/**
 * Create a TEI embedder. Without `id`, the first endpoint's `/info` supplies model id and revision (E_CONFIG if it
 * cannot). Without `dim`, one probe request learns the dimension. Output rows keep the input order.
 */
export async function createTeiEmbedder(opts: TeiEmbedderOptions): Promise<Embedder> {
  if (!opts.endpoints?.length) {
    throw new EmbevalError("E_CONFIG", "the TEI embedder needs at least one endpoint", {
      hint: "e.g. endpoints: ['http://127.0.0.1:8080']",
    });
  }
  const settings = resolveHttpSettings(opts, 32);
  const endpoints = [...opts.endpoints];
  const urls = endpoints.map((e) => requestUrl(e, "/embed"));
  const shown = urls.map(displayUrl);
  const normalize = opts.normalize ?? true;
  const truncate = opts.truncate ?? true;
  const direction = opts.truncationDirection ?? "Right";
  const mode = opts.promptMode ?? "prepend";
  const secrets = Object.values(opts.headers ?? {});
  const scrub = (s: string) => redact(s, secrets);
  const adapter: HttpAdapter = {
    urls,
    shown,
    headers: { "content-type": "application/json", accept: "application/json", ...opts.headers },
    promptMode: mode === "prompt_name" ? "name" : "prepend",
    redact: scrub,
    body(texts, promptName) {
      return JSON.stringify({
        inputs: texts,
        normalize,
        truncate,
        truncation_direction: direction,
        ...(promptName !== undefined ? { prompt_name: promptName } : {}),
      });
    },
    vectors(body, count, where) {
      const json = parseJsonBody(body, where, scrub);
      if (!Array.isArray(json) || json.length !== count) {
        throw new EmbevalError(
          "E_PARSE",
          `${where} returned ${Array.isArray(json) ? json.length : "no"} embeddings for ${count} inputs`,
          { hint: "expected a TEI /embed response [[...], ...]" },
        );
      }
      return json;
    },
  };
  let id = opts.id;
  let revision = opts.revision;
  if (id === undefined) {
    const infoUrl = requestUrl(endpoints[0].replace(/\/embed\/?$/, ""), "/info");
    try {
      const info = await teiInfo(infoUrl, shown[0], settings.timeoutMs);
      id = info.id;
      revision ??= info.sha;
    } catch (cause) {
      throw new EmbevalError("E_CONFIG", `cannot read the model id from ${displayUrl(infoUrl)}`, {
        hint: "pass id (and revision) explicitly",
        cause,
      });
    }
    if (!id) throw new EmbevalError("E_CONFIG", `${displayUrl(infoUrl)} did not name the model; pass id`);
  }
  const core = createHttpCore(adapter, settings, opts.prompts);
  const dim = opts.dim ?? (await core.probeDim());
  core.setDim(dim);
  const cacheKey = [
    "tei",
    `model=${id}`,
    `normalize=${normalize}`,
    `truncate=${truncate}:${direction}`,
    `prompt=${mode}`,
  ].join("|");
  return {
    info: {
      id,
      revision: revision ?? "api",
      backend: "tei",
      dim,
      ...(opts.maxTokens !== undefined ? { maxTokens: opts.maxTokens } : {}),
      similarity: opts.similarity ?? "cosine",
      normalizes: normalize,
      cacheKey,
      details: { endpoints: endpoints.length },
    },
    promptFor: core.promptFor,
    embed: core.embed,
    async close() {},
  };
}
