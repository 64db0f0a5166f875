/** HTTP embedder machinery against loopback servers: order, limits, concurrency, retries, Retry-After, timeouts, failover, errors. */
import { afterEach, describe, expect, it } from "vitest";
import { makeBatches, splitBatch } from "../../../src/embedders/http/batches.js";
import { createOpenAiEmbedder, type OpenAiEmbedderOptions } from "../../../src/embedders/http/openai.js";
import { displayUrl, redact, requestUrl, resolveHttpSettings } from "../../../src/embedders/http/options.js";
import { endpointStates, runBatches } from "../../../src/embedders/http/pool.js";
import { backoffMs, parseRetryAfter } from "../../../src/embedders/http/retry.js";
import {
  hashVector,
  openAiReply,
  type Reply,
  rowOf,
  startServer,
  type TestServer,
  textsOf,
} from "./http-server.js";

const DIM = 8;
const SYM = { role: "symmetric" } as const;
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(h: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(h);
  servers.push(s);
  return s;
}
const ok = (s: Parameters<typeof openAiReply>[0]) => openAiReply(s, DIM);
const fast = { retryBaseMs: 5, retryMaxMs: 20, jitter: false, dim: DIM, model: "m" };
const make = (endpoints: string[], o: Partial<OpenAiEmbedderOptions> = {}) =>
  createOpenAiEmbedder({ ...fast, endpoints, ...o });
const texts = (n: number) => Array.from({ length: n }, (_, i) => `text number ${i} ${"x".repeat(i % 7)}`);

function expectHashRows(v: Float32Array, ts: readonly string[]) {
  expect(v.length).toBe(ts.length * DIM);
  for (let i = 0; i < ts.length; i++) expect(rowOf(v, i, DIM)).toEqual(hashVector(ts[i], DIM));
}

describe("batching and retry helpers", () => {
  it("packs in order within text, char and byte limits; an oversized text travels alone", () => {
    const items = ["aa", "bbb", "c", "dddddddddd", "é", "f"].map((text, index) => ({ index, text }));
    const b = makeBatches(items, { maxTexts: 2, maxChars: 5, maxBytes: 100 });
    expect(b.map((x) => x.texts)).toEqual([["aa", "bbb"], ["c"], ["dddddddddd"], ["é", "f"]]);
    expect(b.flatMap((x) => x.indices)).toEqual([0, 1, 2, 3, 4, 5]);
    // "é" is 2 UTF-8 bytes
    const c = makeBatches(items.slice(4), { maxTexts: 9, maxChars: 9, maxBytes: 2 });
    expect(c.map((x) => x.texts)).toEqual([["é"], ["f"]]);
    expect(makeBatches([], { maxTexts: 1, maxChars: 1, maxBytes: 1 })).toEqual([]);
    const [l, r] = splitBatch({ indices: [4, 5, 6], texts: ["a", "b", "c"], attempts: 2 });
    expect([l.indices, r.indices, l.attempts]).toEqual([[4, 5], [6], 2]);
  });
  it("parses Retry-After seconds and HTTP dates, and backs off exponentially", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("0.25")).toBe(250);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now)).toBe(0);
    expect([1, 2, 3, 10].map((f) => backoffMs(f, 100, 1000, false))).toEqual([100, 200, 400, 1000]);
    const j = backoffMs(2, 100, 1000, true);
    expect(j).toBeGreaterThanOrEqual(100);
    expect(j).toBeLessThanOrEqual(200);
  });
  it("builds request URLs and hides credentials", () => {
    expect(requestUrl("http://h:1/v1", "/embeddings")).toBe("http://h:1/v1/embeddings");
    expect(requestUrl("http://h:1/v1/embeddings/", "/embeddings")).toBe("http://h:1/v1/embeddings");
    expect(requestUrl("http://h:1", "/embed")).toBe("http://h:1/embed");
    expect(displayUrl("https://user:pw@h/x?key=1")).toBe("https://h/x");
    expect(() => requestUrl("ftp://h", "/embed")).toThrow(expect.objectContaining({ code: "E_CONFIG" }));
    expect(redact("bad key sk-12345 given", ["sk-12345"])).toBe("bad key *** given");
  });
});

describe("request scheduler", () => {
  const batches = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ indices: [i], texts: [`t${i}`], attempts: 0 }));
  it("assigns round-robin, and least-busy by in-flight count", async () => {
    const settings = resolveHttpSettings({ concurrency: 10 }, 1);
    const seen: number[] = [];
    await runBatches({
      batches: batches(6),
      endpoints: endpointStates(["a", "b", "c"]),
      settings,
      send: async (ep) => void seen.push(ep),
    });
    expect(seen).toEqual([0, 1, 2, 0, 1, 2]);
    // endpoint 0 already carries two requests (e.g. of a concurrent call): least-busy avoids it, round-robin does not
    for (const balance of ["least-busy", "round-robin"] as const) {
      const eps = endpointStates(["a", "b"]);
      eps[0].busy = 2;
      const got: number[] = [];
      await runBatches({
        batches: batches(1),
        endpoints: eps,
        settings: { ...settings, balance },
        send: async (ep) => void got.push(ep),
      });
      expect([balance, got]).toEqual([balance, balance === "least-busy" ? [1] : [0]]);
    }
  });
  it("rejects at once for an already aborted signal and resolves for no batches", async () => {
    const settings = resolveHttpSettings({}, 1);
    const ac = new AbortController();
    ac.abort();
    const send = async () => {};
    await expect(
      runBatches({
        batches: batches(1),
        endpoints: endpointStates(["a"]),
        settings,
        send,
        signal: ac.signal,
      }),
    ).rejects.toMatchObject({ code: "E_ABORTED" });
    await expect(
      runBatches({ batches: [], endpoints: endpointStates(["a"]), settings, send }),
    ).resolves.toBeUndefined();
  });
});

describe("HTTP embedder against loopback servers", () => {
  it("keeps input order whatever the completion order, within size and concurrency limits", async () => {
    // later batches answer faster, so completions arrive out of order
    const s = await serve((r) => ({ ...ok(r), delayMs: 60 - 2 * Number(textsOf(r)[0].split(" ")[2]) }));
    const ts = texts(25);
    const e = await make([s.url], { maxTextsPerRequest: 3, maxCharsPerRequest: 40, concurrency: 3 });
    expectHashRows(await e.embed(ts, SYM), ts);
    for (const r of s.requests) {
      const sent = textsOf(r);
      expect(sent.length).toBeLessThanOrEqual(3);
      expect(sent.join("").length).toBeLessThanOrEqual(40);
    }
    expect(s.requests.flatMap(textsOf).sort()).toEqual([...ts].sort());
    expect(s.maxInFlight()).toBeLessThanOrEqual(3);
    expect(s.maxInFlight()).toBeGreaterThan(1);
  });

  it("honours Retry-After on 429", async () => {
    const s = await serve((r, n) =>
      n === 1 ? { status: 429, headers: { "retry-after": "1" }, body: { error: "slow down" } } : ok(r),
    );
    const ts = texts(2);
    const e = await make([s.url]);
    const t0 = Date.now();
    expectHashRows(await e.embed(ts, SYM), ts);
    expect(s.requests.length).toBe(2);
    // retryBaseMs is 5 ms: only the header explains a one-second wait
    expect(s.requests[1].at - s.requests[0].at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("retries 500/502/503 with backoff and a dropped connection", async () => {
    const s = await serve((r, n) =>
      n === 1 ? { status: 500 } : n === 2 ? { destroy: true } : n === 3 ? { status: 503 } : ok(r),
    );
    const ts = texts(4);
    const e = await make([s.url]);
    expectHashRows(await e.embed(ts, SYM), ts);
    expect(s.requests.length).toBe(4);
  });

  it("times out a hung request and retries it", async () => {
    const s = await serve((r, n) => (n === 1 ? { ...ok(r), delayMs: 3000 } : ok(r)));
    const ts = texts(3);
    const e = await make([s.url], { timeoutMs: 200 });
    const t0 = Date.now();
    expectHashRows(await e.embed(ts, SYM), ts);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(s.requests.length).toBe(2);
  });

  it("spreads batches over two endpoints and finishes on the healthy one when the other fails", async () => {
    const good = await serve((r) => ({ ...ok(r), delayMs: 5 }));
    const bad = await serve((_r, n) => (n % 2 ? { status: 500 } : { destroy: true }));
    const ts = texts(40);
    const e = await make([bad.url, good.url], { maxTextsPerRequest: 2, maxRetries: 3 });
    expectHashRows(await e.embed(ts, SYM), ts);
    expect(bad.requests.length).toBeGreaterThan(0);
    expect(good.requests.flatMap(textsOf).sort()).toEqual([...ts].sort());
  });

  it("balances round-robin and least-busy across healthy endpoints", async () => {
    const a = await serve((r) => ({ ...ok(r), delayMs: 5 }));
    const b = await serve((r) => ({ ...ok(r), delayMs: 5 }));
    const ts = texts(20);
    const rr = await make([a.url, b.url], { maxTextsPerRequest: 1, concurrency: 1 });
    expectHashRows(await rr.embed(ts, SYM), ts);
    expect(a.requests.length + b.requests.length).toBe(20);
    expect(Math.min(a.requests.length, b.requests.length)).toBeGreaterThanOrEqual(5);
    const slow = await serve((r) => ({ ...ok(r), delayMs: 150 }));
    const quick = await serve((r) => ({ ...ok(r), delayMs: 2 }));
    const lb = await make([slow.url, quick.url], {
      maxTextsPerRequest: 1,
      concurrency: 2,
      balance: "least-busy",
    });
    expectHashRows(await lb.embed(ts, SYM), ts);
    expect(quick.requests.length).toBeGreaterThan(slow.requests.length);
  });

  it("fails with E_HTTP naming endpoint and status when retries run out, never the key", async () => {
    process.env.EMBEVAL_TEST_KEY = "sk-test-secret-0123456789";
    const s = await serve((r) => ({
      status: 503,
      body: { error: `overloaded ${String(r.headers.authorization)}` },
    }));
    const e = await make([`${s.url}/v1`], { apiKeyEnv: "EMBEVAL_TEST_KEY", maxRetries: 2 });
    const err = await e.embed(texts(2), SYM).then(
      () => undefined,
      (x: unknown) => x as Error & { code: string },
    );
    expect(err?.code).toBe("E_HTTP");
    expect(err?.message).toContain(`${s.url}/v1/embeddings`);
    expect(err?.message).toContain("503");
    expect(err?.message).toContain("3 attempts");
    expect(s.requests.length).toBe(3);
    expect(s.requests[0].headers.authorization).toBe("Bearer sk-test-secret-0123456789");
    expect(JSON.stringify({ m: err?.message, c: String(err?.cause) })).not.toContain("sk-test-secret");
  });

  it("does not retry a 401 and redacts the key the server echoed", async () => {
    process.env.EMBEVAL_TEST_KEY = "sk-test-secret-0123456789";
    const s = await serve((r) => ({
      status: 401,
      body: { error: `bad key ${String(r.headers.authorization)}` },
    }));
    const e = await make([s.url], { apiKeyEnv: "EMBEVAL_TEST_KEY" });
    const p = e.embed(["a"], SYM);
    await expect(p).rejects.toMatchObject({ code: "E_HTTP" });
    await expect(p).rejects.toThrow(/401.*bad key Bearer \*\*\*/);
    expect(s.requests.length).toBe(1);
  });

  it("maps malformed JSON to E_PARSE, a wrong dimension to E_EMBEDDING_DIM, NaN/Inf/null to E_NOT_FINITE", async () => {
    const zeros = "0,".repeat(DIM - 2);
    const cases: [(r: Parameters<typeof ok>[0]) => Reply, string][] = [
      [() => ({ body: '{"data": [' }), "E_PARSE"],
      [() => ({ body: "<html>gateway</html>" }), "E_PARSE"],
      [() => ({ body: { data: [] } }), "E_PARSE"],
      [(r) => openAiReply(r, DIM + 1), "E_EMBEDDING_DIM"],
      [() => ({ body: `{"data":[{"index":0,"embedding":[NaN,${zeros}0]}]}` }), "E_NOT_FINITE"],
      [() => ({ body: `{"data":[{"index":0,"embedding":[-Infinity,${zeros}0]}]}` }), "E_NOT_FINITE"],
      [() => ({ body: `{"data":[{"index":0,"embedding":[null,${zeros}0]}]}` }), "E_NOT_FINITE"],
      [() => ({ body: `{"data":[{"index":0,"embedding":[1e39,${zeros}0]}]}` }), "E_NOT_FINITE"],
      [() => ({ body: `{"data":[{"index":3,"embedding":[${zeros}0,0]}]}` }), "E_PARSE"],
    ];
    for (const [reply, code] of cases) {
      const s = await serve((r) => reply(r));
      const e = await make([s.url]);
      await expect(e.embed(["one"], SYM), code).rejects.toMatchObject({ code });
      expect(s.requests.length).toBe(1);
    }
  });

  it("splits a batch on 413", async () => {
    const s = await serve((r) => (textsOf(r).length > 2 ? { status: 413 } : ok(r)));
    const ts = texts(7);
    const e = await make([s.url], { maxTextsPerRequest: 7 });
    expectHashRows(await e.embed(ts, SYM), ts);
    expect(Math.max(...s.requests.map((r) => textsOf(r).length))).toBe(7);
  });

  it("aborts in-flight requests with E_ABORTED", async () => {
    const s = await serve((r) => ({ ...ok(r), delayMs: 2000 }));
    const e = await make([s.url]);
    const ac = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ac.abort(), 50);
    await expect(e.embed(texts(3), SYM, ac.signal)).rejects.toMatchObject({ code: "E_ABORTED" });
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
