/** Loopback HTTP servers for the HTTP embedder tests: scripted replies, a recorded request log, hash-based vectors. */
import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  json: unknown;
  /** Time the request arrived (ms). */
  at: number;
}

/** What to answer. `destroy` drops the connection without a response; `delayMs` waits first. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Raw body text, or an object sent as JSON. */
  body?: string | object;
  delayMs?: number;
  destroy?: boolean;
}

/** A running loopback server. */
export interface TestServer {
  url: string;
  requests: SeenRequest[];
  /** Highest number of requests handled at the same time. */
  maxInFlight: () => number;
  close: () => Promise<void>;
}

/** Start a server on 127.0.0.1, port 0, answering each request with `handler`. */
export async function startServer(
  handler: (req: SeenRequest, n: number) => Reply | Promise<Reply>,
): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let peak = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      const text = Buffer.concat(chunks).toString("utf8");
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = text;
      }
      const seen: SeenRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        json,
        at: Date.now(),
      };
      requests.push(seen);
      try {
        const r = await handler(seen, requests.length);
        if (r.delayMs) await new Promise((ok) => setTimeout(ok, r.delayMs));
        if (r.destroy) {
          req.socket.destroy();
          return;
        }
        const body = typeof r.body === "string" ? r.body : JSON.stringify(r.body ?? {});
        if (!res.destroyed) {
          res.writeHead(r.status ?? 200, { "content-type": "application/json", ...r.headers });
          res.end(body);
        }
      } finally {
        inFlight--;
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => peak,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** A deterministic vector per text: float32 values in (−1, 1) from SHA-256 of the text. */
export function hashVector(text: string, dim: number): number[] {
  const out: number[] = [];
  let block = 0;
  while (out.length < dim) {
    const h = createHash("sha256").update(`${block++}\u0000${text}`).digest();
    for (let i = 0; i + 4 <= h.length && out.length < dim; i += 4) {
      out.push(Math.fround(h.readUInt32LE(i) / 2 ** 31 - 1));
    }
  }
  return out;
}

/** The texts of an OpenAI (`input`) or TEI (`inputs`) request body. */
export function textsOf(req: SeenRequest): string[] {
  const j = req.json as { input?: string[]; inputs?: string[] };
  return j.input ?? j.inputs ?? [];
}

/** An OpenAI embeddings response of hash vectors for the request's texts. */
export function openAiReply(req: SeenRequest, dim: number): Reply {
  const data = textsOf(req).map((t, index) => ({
    object: "embedding",
    index,
    embedding: hashVector(t, dim),
  }));
  return { body: { object: "list", data, model: "m", usage: { prompt_tokens: 0, total_tokens: 0 } } };
}

/** A TEI /embed response of hash vectors for the request's texts. */
export function teiReply(req: SeenRequest, dim: number): Reply {
  return { body: textsOf(req).map((t) => hashVector(t, dim)) };
}

/** Row `i` of a flat float32 result. */
export function rowOf(v: Float32Array, i: number, dim: number): number[] {
  return Array.from(v.subarray(i * dim, (i + 1) * dim));
}
