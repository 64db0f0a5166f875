/** The TEI `/embed` embedder: request fields, prompt_name mode, /info, TEI error shapes, and the conformance suite. */
import { afterAll, describe, expect, it } from "vitest";
import { createTeiEmbedder } from "../../../src/embedders/http/tei.js";
import { runConformance } from "./conformance.js";
import {
  hashVector,
  rowOf,
  type SeenRequest,
  startServer,
  type TestServer,
  teiReply,
  textsOf,
} from "./http-server.js";

const DIM = 12;
const info = (r: SeenRequest) =>
  r.url === "/info" ? { body: { model_id: "BAAI/bge-small-en-v1.5", model_sha: "abc123" } } : undefined;
let a: Promise<TestServer> | undefined;
let b: Promise<TestServer> | undefined;
const extra: TestServer[] = [];
const cluster = async () => {
  a ??= startServer((r) => info(r) ?? teiReply(r, DIM));
  b ??= startServer((r) => info(r) ?? teiReply(r, DIM));
  return [(await a).url, (await b).url];
};
afterAll(async () => {
  for (const s of [a, b]) if (s) await (await s).close();
  await Promise.all(extra.map((s) => s.close()));
});

runConformance({
  name: "tei (two loopback endpoints, hash vectors)",
  make: async () => createTeiEmbedder({ endpoints: await cluster(), maxTextsPerRequest: 2 }),
});

describe("TEI embedder", () => {
  it("reads id/revision from /info, probes the dimension, sends TEI's fields", async () => {
    const s = await startServer((r) => info(r) ?? teiReply(r, 6));
    extra.push(s);
    const e = await createTeiEmbedder({ endpoints: [`${s.url}/embed`], normalize: false, truncate: true });
    expect(e.info).toMatchObject({
      id: "BAAI/bge-small-en-v1.5",
      revision: "abc123",
      dim: 6,
      backend: "tei",
    });
    expect(e.info.normalizes).toBe(false);
    expect(e.info.cacheKey).toBe(
      "tei|model=BAAI/bge-small-en-v1.5|normalize=false|truncate=true:Right|prompt=prepend",
    );
    const v = await e.embed(["hi", "there"], { role: "symmetric" });
    const last = s.requests[s.requests.length - 1];
    expect(last.url).toBe("/embed");
    expect(last.json).toEqual({
      inputs: ["hi", "there"],
      normalize: false,
      truncate: true,
      truncation_direction: "Right",
    });
    expect([rowOf(v, 0, 6), rowOf(v, 1, 6)]).toEqual([hashVector("hi", 6), hashVector("there", 6)]);
  });

  it("sends the resolved prompt as prompt_name in prompt_name mode, or prepends it", async () => {
    const s = await startServer((r) => teiReply(r, 4));
    extra.push(s);
    const prompts = { "Retrieval-query": "retrieval_query", query: "generic_query" };
    const named = await createTeiEmbedder({
      endpoints: [s.url],
      id: "m",
      dim: 4,
      prompts,
      promptMode: "prompt_name",
    });
    await named.embed(["q1"], { role: "query", taskType: "Retrieval" });
    await named.embed(["q2"], { role: "query", taskType: "STS" });
    await named.embed(["d"], { role: "document", taskType: "Retrieval" });
    const bodies = s.requests.map((r) => r.json as { inputs: string[]; prompt_name?: string });
    expect(bodies.map((x) => [x.inputs[0], x.prompt_name])).toEqual([
      ["q1", "retrieval_query"],
      ["q2", "generic_query"],
      ["d", undefined],
    ]);
    expect(named.info.cacheKey).toContain("prompt=prompt_name");
    const pre = await createTeiEmbedder({
      endpoints: [s.url],
      id: "m",
      dim: 4,
      prompts: { query: "query: " },
    });
    const v = await pre.embed(["q"], { role: "query" });
    expect(textsOf(s.requests[s.requests.length - 1])).toEqual(["query: q"]);
    expect(Array.from(v)).toEqual(hashVector("query: q", 4));
  });

  it("maps TEI null (serde NaN), wrong counts and 422 to coded errors", async () => {
    const replies = [
      { reply: { body: [[null, 0, 0, 0]] }, code: "E_NOT_FINITE" },
      {
        reply: {
          body: [
            [0, 0, 0, 0],
            [1, 1, 1, 1],
          ],
        },
        code: "E_PARSE",
      },
      { reply: { body: [[0, 0, 0]] }, code: "E_EMBEDDING_DIM" },
      {
        reply: { status: 422, body: { error: "Input validation error", error_type: "Validation" } },
        code: "E_HTTP",
      },
    ];
    for (const { reply, code } of replies) {
      const s = await startServer(() => reply);
      extra.push(s);
      const e = await createTeiEmbedder({ endpoints: [s.url], id: "m", dim: 4 });
      await expect(e.embed(["x"], { role: "symmetric" }), code).rejects.toMatchObject({ code });
    }
  });

  it("needs an endpoint, and an id when /info cannot tell", async () => {
    await expect(createTeiEmbedder({ endpoints: [] })).rejects.toMatchObject({ code: "E_CONFIG" });
    const s = await startServer(() => ({ status: 404, body: "not found" }));
    extra.push(s);
    await expect(createTeiEmbedder({ endpoints: [s.url], dim: 4 })).rejects.toMatchObject({
      code: "E_CONFIG",
    });
  });
});
