/** The OpenAI-compatible embedder: request fields, prompts, blank texts, base64, dimension probe, and the conformance suite. */
import { afterAll, describe, expect, it } from "vitest";
import { createOpenAiEmbedder } from "../../../src/embedders/http/openai.js";
import { runConformance } from "./conformance.js";
import { hashVector, openAiReply, rowOf, startServer, type TestServer, textsOf } from "./http-server.js";

const DIM = 16;
let server: Promise<TestServer> | undefined;
const shared = () => {
  server ??= startServer((r) => openAiReply(r, DIM));
  return server;
};
const extra: TestServer[] = [];
afterAll(async () => {
  await Promise.all([...extra.map((s) => s.close()), server ? (await server).close() : undefined]);
});

runConformance({
  name: "openai (loopback, hash vectors)",
  make: async () =>
    createOpenAiEmbedder({
      endpoints: [`${(await shared()).url}/v1`],
      model: "hash-model",
      dim: DIM,
      prompts: { query: "query: ", document: "passage: " },
    }),
  promptedContext: { role: "query", taskType: "Retrieval" },
});

describe("OpenAI-compatible embedder", () => {
  it("sends model, input, encoding_format, dimensions and the prompt; resolves prompts like mteb", async () => {
    const s = await startServer((r) => openAiReply(r, 4));
    extra.push(s);
    const e = await createOpenAiEmbedder({
      endpoints: [s.url],
      model: "text-embedding-3-small",
      dimensions: 4,
      prompts: { "NFCorpus-query": "nf: ", query: "q: ", Clustering: "c: " },
    });
    expect(e.info.dim).toBe(4);
    expect(e.info.backend).toBe("openai");
    expect(e.info.cacheKey).toBe(
      "openai|model=text-embedding-3-small|dimensions=4|format=float|blank=zero|prompt=prepend",
    );
    const v = await e.embed(["hello"], { role: "query", taskName: "NFCorpus", taskType: "Retrieval" });
    expect(s.requests[0].url).toBe("/embeddings");
    expect(s.requests[0].json).toEqual({
      model: "text-embedding-3-small",
      input: ["nf: hello"],
      encoding_format: "float",
      dimensions: 4,
    });
    expect(Array.from(v)).toEqual(hashVector("nf: hello", 4));
    await e.embed(["x"], { role: "query", taskName: "SciFact", taskType: "Retrieval" });
    await e.embed(["y"], { role: "symmetric", taskName: "Reddit", taskType: "Clustering" });
    await e.embed(["z"], { role: "document", taskName: "NFCorpus", taskType: "Retrieval" });
    expect(s.requests.slice(1).flatMap(textsOf)).toEqual(["q: x", "c: y", "z"]);
    expect(e.promptFor({ role: "document" })).toBeUndefined();
    expect(e.promptFor({ role: "query" })).toBe("q: ");
  });

  it("gives blank texts (Python strip) a zero vector without sending them, like mteb", async () => {
    const s = await startServer((r) => openAiReply(r, 4));
    extra.push(s);
    const e = await createOpenAiEmbedder({
      endpoints: [s.url],
      model: "m",
      dim: 4,
      prompts: { query: "q: " },
    });
    const ts = ["a", "", " \u001c\u3000", "b"];
    const v = await e.embed(ts, { role: "query" });
    expect(s.requests.flatMap(textsOf)).toEqual(["q: a", "q: b"]);
    expect(rowOf(v, 0, 4)).toEqual(hashVector("q: a", 4));
    expect(rowOf(v, 1, 4)).toEqual([0, 0, 0, 0]);
    expect(rowOf(v, 2, 4)).toEqual([0, 0, 0, 0]);
    expect(rowOf(v, 3, 4)).toEqual(hashVector("q: b", 4));
    // nothing to send: no request at all
    const n = s.requests.length;
    expect(Array.from(await e.embed([""], { role: "query" }))).toEqual([0, 0, 0, 0]);
    expect(s.requests.length).toBe(n);
    const sent = await createOpenAiEmbedder({ endpoints: [s.url], model: "m", dim: 4, blankAsZero: false });
    await sent.embed([""], { role: "symmetric" });
    expect(textsOf(s.requests[s.requests.length - 1])).toEqual([""]);
  });

  it("decodes base64 float32 responses and reorders by index", async () => {
    const s = await startServer((r) => {
      const data = textsOf(r).map((t, index) => ({
        index,
        embedding: Buffer.from(new Float32Array(hashVector(t, 3)).buffer).toString("base64"),
      }));
      return { body: { data: data.reverse() } };
    });
    extra.push(s);
    const e = await createOpenAiEmbedder({
      endpoints: [s.url],
      model: "m",
      dim: 3,
      encodingFormat: "base64",
    });
    const v = await e.embed(["p", "q", "r"], { role: "symmetric" });
    expect((s.requests[0].json as { encoding_format: string }).encoding_format).toBe("base64");
    expect([rowOf(v, 0, 3), rowOf(v, 1, 3), rowOf(v, 2, 3)]).toEqual(
      ["p", "q", "r"].map((t) => hashVector(t, 3)),
    );
  });

  it("probes the dimension when none is configured, and needs a key for api.openai.com", async () => {
    const s = await startServer((r) => openAiReply(r, 5));
    extra.push(s);
    const e = await createOpenAiEmbedder({ endpoints: [s.url], model: "unknown-model" });
    expect(e.info.dim).toBe(5);
    expect(textsOf(s.requests[0])).toEqual(["dimension probe"]);
    const known = await createOpenAiEmbedder({ endpoints: [s.url], model: "text-embedding-3-large" });
    expect(known.info.dim).toBe(3072);
    delete process.env.EMBEVAL_ABSENT_KEY;
    await expect(
      createOpenAiEmbedder({ model: "text-embedding-3-small", apiKeyEnv: "EMBEVAL_ABSENT_KEY" }),
    ).rejects.toMatchObject({ code: "E_CONFIG" });
    await expect(
      createOpenAiEmbedder({ endpoints: [s.url], model: "m", dim: 8, dimensions: 4 }),
    ).rejects.toMatchObject({ code: "E_CONFIG" });
    await expect(
      createOpenAiEmbedder({ endpoints: [s.url], model: "m", concurrency: 0 }),
    ).rejects.toMatchObject({
      code: "E_CONFIG",
    });
  });
});
