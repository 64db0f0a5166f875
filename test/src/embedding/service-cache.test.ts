/** createEmbeddingService with a disk cache: lookups before encoding, per-batch stores, float16 values used throughout. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRandomEmbedder } from "../../../src/embedders/random.js";
import { randomEncoderMatrix } from "../../../src/embedders/random-encoder.js";
import type { Embedder } from "../../../src/embedders/types.js";
import { openEmbeddingCache } from "../../../src/embedding/disk-cache.js";
import { roundToHalf } from "../../../src/embedding/float16.js";
import { createEmbeddingService } from "../../../src/embedding/service.js";

function counting(base: Embedder = createRandomEmbedder()): Embedder & { seen: string[][] } {
  const e = {
    ...base,
    seen: [] as string[][],
    async embed(texts: readonly string[], ctx: Parameters<Embedder["embed"]>[1]) {
      e.seen.push([...texts]);
      return base.embed(texts, ctx);
    },
  };
  return e;
}
const tmp = () => mkdtempSync(join(tmpdir(), "embeval-service-cache-"));
const texts = Array.from({ length: 90 }, (_, i) => `sentence ${i}${" and more".repeat(i % 4)}`);

describe("embedding service with a disk cache", () => {
  it("a second task reads everything from disk; duplicates and order are kept; only the missing are encoded", async () => {
    const cache = openEmbeddingCache({ dir: tmp() });
    const first = counting();
    const s1 = createEmbeddingService({ embedder: first, taskName: "A", batchSize: 16, cache });
    await s1.encode({ texts: texts.slice(0, 50), role: "symmetric" });
    expect(first.seen.flat()).toHaveLength(50);
    expect(first.seen).toHaveLength(4); // stored per batch of 16

    const second = counting();
    const s2 = createEmbeddingService({ embedder: second, taskName: "B", batchSize: 16, cache });
    const req = [...texts, texts[3], texts[70]];
    const m = await s2.encode({ texts: req, role: "symmetric" });
    expect(second.seen.flat().sort()).toEqual(texts.slice(50).sort());
    expect(s2.stats).toMatchObject({ diskHits: 50, texts: 40 });
    expect(Array.from(m.data)).toEqual(Array.from(randomEncoderMatrix(req)));
    const d8 = await s2.encodeAt(8)({ texts: [texts[1]], role: "symmetric" });
    expect(Array.from(d8.data)).toEqual(Array.from(randomEncoderMatrix([texts[1]]).subarray(0, 8)));

    // Another role is another namespace: encoded again.
    const third = counting();
    const s3 = createEmbeddingService({ embedder: third, taskName: "B", batchSize: 16, cache });
    await s3.encode({ texts: texts.slice(0, 5), role: "query" });
    expect(third.seen.flat()).toHaveLength(5);
    await cache.close();
  });

  it("float16: the first run already uses the rounded vectors, so it equals a run served from disk", async () => {
    const dir = tmp();
    const c1 = openEmbeddingCache({ dir, dtype: "float16" });
    const a = await createEmbeddingService({ embedder: counting(), batchSize: 7, cache: c1 }).encode({
      texts,
      role: "document",
    });
    await c1.close();
    expect(Array.from(a.data)).toEqual(Array.from(roundToHalf(randomEncoderMatrix(texts))));
    const c2 = openEmbeddingCache({ dir, dtype: "float16" });
    const e2 = counting();
    const b = await createEmbeddingService({ embedder: e2, batchSize: 7, cache: c2 }).encode({
      texts,
      role: "document",
    });
    await c2.close();
    expect(e2.seen).toHaveLength(0);
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
  });

  it("a non-finite vector is E_NOT_FINITE and is not stored", async () => {
    const dir = tmp();
    const base = createRandomEmbedder();
    const bad: Embedder = {
      ...base,
      async embed(ts, ctx) {
        const v = await base.embed(ts, ctx);
        if (ts.includes("boom")) v[5] = Number.NaN;
        return v;
      },
    };
    const cache = openEmbeddingCache({ dir });
    const s = createEmbeddingService({ embedder: bad, batchSize: 4, cache });
    await expect(s.encode({ texts: ["boom", "a"], role: "query" })).rejects.toMatchObject({
      code: "E_NOT_FINITE",
    });
    const e = counting();
    await createEmbeddingService({ embedder: e, batchSize: 4, cache }).encode({
      texts: ["boom", "a"],
      role: "query",
    });
    expect(e.seen.flat().sort()).toEqual(["a", "boom"]);
    await cache.close();
  });
});
