/** The embedding disk cache in one process: keys, float32/float16 storage, torn tails, refresh, shard reuse. */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRandomEmbedder } from "../../../src/embedders/random.js";
import { randomEncoderMatrix } from "../../../src/embedders/random-encoder.js";
import type { Embedder, EncodeContext } from "../../../src/embedders/types.js";
import {
  namespaceFor,
  namespaceHash,
  type VectorNamespace,
  vectorKey,
} from "../../../src/embedding/cache-key.js";
import {
  cacheBytesPerVector,
  defaultEmbeddingCacheDir,
  openEmbeddingCache,
} from "../../../src/embedding/disk-cache.js";
import { roundToHalf } from "../../../src/embedding/float16.js";
import { cacheFromFlags } from "../../../src/embedding/open-cache.js";

const NS: VectorNamespace = {
  modelId: "org/model",
  revision: "abc",
  cacheKey: "onnx:model.onnx|pool=mean|norm=1",
  prompt: "query: ",
  role: "query",
  adapter: null,
  dim: 32,
};
const texts = (n: number, tag = "t") =>
  Array.from({ length: n }, (_, i) => `${tag} ${i} ${"é".repeat(i % 5)}`);
const tmp = () => mkdtempSync(join(tmpdir(), "embeval-disk-cache-"));
const nsDir = (root: string, ns: VectorNamespace, d = "f32") =>
  join(root, "v1", d, namespaceHash(ns).slice(0, 2), namespaceHash(ns));
const rows = (vs: (Float32Array | undefined)[]) => vs.map((v) => (v ? Array.from(v) : undefined));
const expected = (ts: string[]) => {
  const m = randomEncoderMatrix(ts);
  return ts.map((_, i) => Array.from(m.subarray(i * 32, (i + 1) * 32)));
};

describe("cache keys", () => {
  it("differ when the prompt, role, revision, cacheKey, adapter, model or dim differ, and for another text", () => {
    const base = namespaceHash(NS);
    expect(namespaceHash({ ...NS })).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const variants: Partial<VectorNamespace>[] = [
      { prompt: "passage: " },
      { prompt: null },
      { role: "document" },
      { role: "symmetric" },
      { revision: "abd" },
      { cacheKey: "onnx:model.onnx|pool=cls|norm=1" },
      { adapter: "0" },
      { modelId: "org/model2" },
      { dim: 31 },
    ];
    const hashes = variants.map((v) => namespaceHash({ ...NS, ...v }));
    expect(new Set([base, ...hashes]).size).toBe(variants.length + 1);
    expect(vectorKey(base, "a").equals(vectorKey(base, "a"))).toBe(true);
    expect(vectorKey(base, "a").equals(vectorKey(base, "b"))).toBe(false);
    expect(vectorKey(base, "a").equals(vectorKey(hashes[0], "a"))).toBe(false);
  });
  it("namespaceFor takes the prompt from promptFor(ctx) and the adapter from adapterFor(ctx)", () => {
    const base = createRandomEmbedder();
    const withPrompt: Embedder & { adapterFor(ctx: EncodeContext): number | undefined } = {
      ...base,
      promptFor: (ctx) => (ctx.role === "query" ? `Instruct: ${ctx.taskName}\nQuery: ` : undefined),
      adapterFor: (ctx) => (ctx.taskType === "Retrieval" ? 0 : 1),
    };
    const q = namespaceFor(withPrompt, { role: "query", taskName: "SciFact", taskType: "Retrieval" });
    expect(q).toMatchObject({ prompt: "Instruct: SciFact\nQuery: ", role: "query", adapter: "0", dim: 32 });
    const d = namespaceFor(withPrompt, { role: "document", taskName: "SciFact", taskType: "Retrieval" });
    expect(d).toMatchObject({ prompt: null, adapter: "0" });
    const c = namespaceFor(withPrompt, { role: "document", taskName: "X", taskType: "Clustering" });
    expect(c.adapter).toBe("1");
    expect(new Set([q, d, c].map(namespaceHash)).size).toBe(3);
    expect(namespaceFor(base, { role: "query" })).toMatchObject({
      modelId: "mteb/baseline-random-encoder",
      revision: "1",
      cacheKey: base.info.cacheKey,
      prompt: null,
      adapter: null,
    });
  });
});

describe("openEmbeddingCache", () => {
  it("float32: vectors read back bit for bit, from a new instance too; texts stored once", async () => {
    const dir = tmp();
    const ts = texts(100);
    const c = openEmbeddingCache({ dir });
    expect(rows(await c.get(NS, ts))).toEqual(ts.map(() => undefined));
    await c.put(NS, ts.slice(0, 60), randomEncoderMatrix(ts.slice(0, 60)));
    await c.put(NS, ts, randomEncoderMatrix(ts)); // the first 60 are not written again
    expect(c.counters.stored).toBe(100);
    expect(rows(await c.get(NS, ts))).toEqual(expected(ts));
    await c.close();
    const d = openEmbeddingCache({ dir });
    expect(rows(await d.get(NS, ts))).toEqual(expected(ts));
    expect(rows(await d.get({ ...NS, role: "document" }, ts.slice(0, 3)))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    await d.close();
    const meta = JSON.parse(readFileSync(join(nsDir(dir, NS), "namespace.json"), "utf8"));
    expect(meta).toMatchObject({
      format: 1,
      dtype: "float32",
      modelId: "org/model",
      prompt: "query: ",
      dim: 32,
    });
    const vec = readdirSync(nsDir(dir, NS)).filter((f) => f.endsWith(".vec"));
    expect(vec).toHaveLength(1); // the closed shard was reused by nobody else, one shard
    expect(statSync(join(nsDir(dir, NS), vec[0])).size).toBe(100 * 32 * 4);
    const keys = join(nsDir(dir, NS), vec[0].replace(/\.vec$/, ".keys"));
    expect(statSync(keys).size + 100 * 32 * 4).toBe(100 * cacheBytesPerVector(32, "float32"));
  });

  it("float16: half the bytes, put returns what get returns, within float16 precision of the input", async () => {
    const dir = tmp();
    const ts = texts(64);
    const v = randomEncoderMatrix(ts);
    const c = openEmbeddingCache({ dir, dtype: "float16" });
    const back = await c.put(NS, ts, v);
    expect(Array.from(back)).toEqual(Array.from(roundToHalf(v)));
    const got = await c.get(NS, ts);
    got.forEach((row, i) => {
      expect(Array.from(row as Float32Array)).toEqual(Array.from(back.subarray(i * 32, (i + 1) * 32)));
    });
    let maxRel = 0;
    for (let i = 0; i < v.length; i++) {
      const err = Math.abs(back[i] - v[i]);
      expect(err).toBeLessThanOrEqual(Math.max(Math.abs(v[i]) * 2 ** -11, 2 ** -25));
      if (Math.abs(v[i]) > 1e-3) maxRel = Math.max(maxRel, err / Math.abs(v[i]));
    }
    expect(maxRel).toBeGreaterThan(0); // the stored values really are float16
    await c.close();
    const vec = readdirSync(nsDir(dir, NS, "f16")).filter((f) => f.endsWith(".vec"));
    expect(statSync(join(nsDir(dir, NS, "f16"), vec[0])).size).toBe(64 * 32 * 2);
    expect(cacheBytesPerVector(1024, "float16") - 36).toBe((cacheBytesPerVector(1024, "float32") - 36) / 2);
    // A float32 cache in the same folder does not see float16 vectors.
    const f32 = openEmbeddingCache({ dir });
    expect((await f32.get(NS, ts)).every((x) => x === undefined)).toBe(true);
    await f32.close();
  });

  it("a torn tail is ignored and a corrupt record is reported missing, not returned", async () => {
    const dir = tmp();
    const ts = texts(10);
    const c = openEmbeddingCache({ dir });
    await c.put(NS, ts, randomEncoderMatrix(ts));
    await c.close();
    const d = nsDir(dir, NS);
    const name = readdirSync(d)
      .find((f) => f.endsWith(".keys"))
      ?.slice(0, -5) as string;
    appendFileSync(join(d, `${name}.keys`), Buffer.alloc(20, 7)); // half an entry
    appendFileSync(join(d, `${name}.vec`), Buffer.alloc(50, 7)); // part of a record
    const vec = readFileSync(join(d, `${name}.vec`));
    vec[3 * 128 + 5] ^= 0xff; // flip a byte of record 3
    writeFileSync(join(d, `${name}.vec`), vec);
    const r = openEmbeddingCache({ dir });
    const got = rows(await r.get(NS, ts));
    const want: (number[] | undefined)[] = expected(ts);
    want[3] = undefined;
    expect(got).toEqual(want);
    // Storing it again works (the shard is taken over and its torn tail cut off).
    await r.put(NS, [ts[3]], randomEncoderMatrix([ts[3]]));
    expect(rows(await r.get(NS, [ts[3]]))).toEqual([expected([ts[3]])[0]]);
    await r.close();
    expect(statSync(join(d, `${name}.keys`)).size).toBe(11 * 36);
  });

  it("sees what another writer stored after it was opened; an open writer's shard is not shared", async () => {
    const dir = tmp();
    const a = openEmbeddingCache({ dir });
    const b = openEmbeddingCache({ dir });
    const ts = texts(20);
    expect((await b.get(NS, ts)).every((x) => x === undefined)).toBe(true);
    await a.put(NS, ts.slice(0, 10), randomEncoderMatrix(ts.slice(0, 10)));
    await b.put(NS, ts.slice(10), randomEncoderMatrix(ts.slice(10)));
    expect(rows(await b.get(NS, ts))).toEqual(expected(ts));
    expect(rows(await a.get(NS, ts))).toEqual(expected(ts));
    expect(readdirSync(nsDir(dir, NS)).filter((f) => f.endsWith(".lock"))).toHaveLength(2);
    await a.close();
    await b.close();
    expect(readdirSync(nsDir(dir, NS)).filter((f) => f.endsWith(".keys"))).toHaveLength(2);
    expect(readdirSync(nsDir(dir, NS)).filter((f) => f.endsWith(".lock"))).toHaveLength(0);
  });

  it("a full shard is not appended to: a new one starts", async () => {
    const dir = tmp();
    const c = openEmbeddingCache({ dir, maxShardBytes: 10 * 128 });
    const ts = texts(25);
    for (let i = 0; i < 25; i += 5)
      await c.put(NS, ts.slice(i, i + 5), randomEncoderMatrix(ts.slice(i, i + 5)));
    expect(rows(await c.get(NS, ts))).toEqual(expected(ts));
    await c.close();
    expect(readdirSync(nsDir(dir, NS)).filter((f) => f.endsWith(".keys"))).toHaveLength(3);
  });

  it("many namespaces (per-task prompts) keep at most 16 open at once and all read back", async () => {
    const dir = tmp();
    const c = openEmbeddingCache({ dir });
    const nss = Array.from({ length: 40 }, (_, i) => ({ ...NS, prompt: `Instruct: task ${i}\nQuery: ` }));
    const ts = texts(3);
    for (const ns of nss) await c.put(ns, ts, randomEncoderMatrix(ts));
    const locks = () =>
      nss.reduce((n, ns) => n + readdirSync(nsDir(dir, ns)).filter((f) => f.endsWith(".lock")).length, 0);
    expect(locks()).toBe(16);
    for (const ns of nss) expect(rows(await c.get(ns, ts))).toEqual(expected(ts));
    await c.put(nss[0], ["one more"], randomEncoderMatrix(["one more"])); // reopens by taking its shard back
    expect(readdirSync(nsDir(dir, nss[0])).filter((f) => f.endsWith(".keys"))).toHaveLength(1);
    await c.close();
    expect(locks()).toBe(0);
  });

  it("rejects a shape mismatch and an unknown dtype", async () => {
    const c = openEmbeddingCache({ dir: tmp() });
    await expect(c.put(NS, ["a", "b"], new Float32Array(32))).rejects.toMatchObject({
      code: "E_SHAPE_MISMATCH",
    });
    await c.close();
    expect(() => openEmbeddingCache({ dir: tmp(), dtype: "bf16" as "float16" })).toThrowError(
      expect.objectContaining({ code: "E_INVALID_ARGUMENT" }),
    );
  });
});

describe("cacheFromFlags", () => {
  it("defaults to $EMBEVAL_CACHE or ~/.cache/embeval/embeddings; float32 unless float16 is asked", async () => {
    expect(defaultEmbeddingCacheDir({})).toMatch(/\.cache\/embeval\/embeddings$/);
    const dir = tmp();
    expect(defaultEmbeddingCacheDir({ EMBEVAL_CACHE: dir })).toBe(dir);
    const c = cacheFromFlags({}, () => {}, { EMBEVAL_CACHE: dir });
    expect(c).toMatchObject({ dir, dtype: "float32" });
    const h = cacheFromFlags({ embeddingCache: join(dir, "x"), cacheDtype: "float16" }, () => {});
    expect(h).toMatchObject({ dir: join(dir, "x"), dtype: "float16" });
    expect(cacheFromFlags({ embeddingCache: false }, () => {})).toBeUndefined();
  });
  it("bad combinations are coded errors; an unusable default folder only warns", () => {
    const warnings: string[] = [];
    expect(() => cacheFromFlags({ cacheDtype: "int8" }, () => {})).toThrowError(
      expect.objectContaining({ code: "E_INVALID_ARGUMENT" }),
    );
    expect(() => cacheFromFlags({ embeddingCache: false, cacheDtype: "float16" }, () => {})).toThrowError(
      expect.objectContaining({ code: "E_INVALID_ARGUMENT" }),
    );
    expect(() => cacheFromFlags({ embeddingCache: "/dev/null/cache" }, () => {})).toThrowError(
      expect.objectContaining({ code: "E_IO" }),
    );
    expect(cacheFromFlags({}, (l) => warnings.push(l), { EMBEVAL_CACHE: "/dev/null/cache" })).toBeUndefined();
    expect(warnings[0]).toContain("embedding cache disabled");
  });
});
