/** ONNX embedder vectors against an independent float64 re-computation of the test networks and of ST pooling. */
import { Tokenizer } from "tokenizers";
import { describe, expect, it } from "vitest";
import { createOnnxEmbedder } from "../../../src/embedders/onnx/index.js";
import type { EncodeContext } from "../../../src/embedders/types.js";
import { testModels } from "../../fixtures/onnx/models.js";
import { maxAbsDiff, refNormalize, refPool, tinyForward } from "../../fixtures/onnx/reference.js";

const m = testModels();
const SYM: EncodeContext = { role: "symmetric" };
const TEXTS = [
  "The cat sat on the mat.",
  "a",
  "Embeddings map text to vectors.",
  "x y z",
  "日本語の文です。",
  "",
];

/** Token ids and type ids as the tokenizer gives them (truncated at max). */
async function ids(dir: string, text: string, max: number): Promise<{ ids: number[]; types: number[] }> {
  const t = Tokenizer.fromFile(`${dir}/tokenizer.json`);
  t.setTruncation(max);
  const e = await t.encode(text);
  return { ids: e.getIds(), types: e.getTypeIds() };
}

describe("tokenization through tokenizer.json (hand-checked ids)", () => {
  it("WordPiece: lowercases, splits sub-words, adds [CLS]/[SEP], truncates keeping [SEP]", async () => {
    const dir = m["st-wordpiece"].dir;
    // vocab: 5 specials, a-z0-9 (5-40), ##a-##9 (41-76), 8 punctuation (77-84), then "the" = 85, "cat" = 86.
    expect((await ids(dir, "The cat", 24)).ids).toEqual([2, 85, 86, 3]);
    expect((await ids(dir, "Catz Cbz", 24)).ids).toEqual([2, 86, 66, 7, 42, 66, 3]);
    const long = await ids(dir, "word ".repeat(100), 24);
    expect(long.ids.length).toBe(24);
    expect(long.ids[0]).toBe(2);
    expect(long.ids[23]).toBe(3);
  });
  it("byte-level BPE: merges, Ġ-prefixed words, trailing <|endoftext|>", async () => {
    const t = Tokenizer.fromFile(`${m["optimum-bpe"].dir}/tokenizer.json`);
    const e = await t.encode("The cat");
    expect(e.getTokens()).toEqual(["The", "Ġcat", "<|endoftext|>"]);
  });
});

describe("Optimum layout, Unigram tokenizer", () => {
  const { dir, spec, weights } = m["optimum-unigram"];
  it("tokenizes with Metaspace + Unigram (unknown scripts fused to <unk>) and matches the reference", async () => {
    const t = Tokenizer.fromFile(`${dir}/tokenizer.json`);
    expect((await t.encode("The cat Ελ")).getTokens()).toEqual([
      "<s>",
      "▁",
      "T",
      "h",
      "e",
      "▁cat",
      "▁",
      "Ελ",
      "</s>",
    ]);
    const e = await createOnnxEmbedder({ dir, pooling: "max" });
    expect(e.info.maxTokens).toBe(20);
    const v = await e.embed(TEXTS, SYM);
    for (let i = 0; i < TEXTS.length; i++) {
      const r = await ids(dir, TEXTS[i], 20);
      const ref = refPool(tinyForward(spec, weights, r.ids), "max");
      expect(maxAbsDiff(v.subarray(i * 16, (i + 1) * 16), ref)).toBeLessThan(1e-5);
    }
    await e.close();
  });
});

describe("sentence-transformers layout, WordPiece, mean + Normalize + prompts", () => {
  const { dir, spec, weights } = m["st-wordpiece"];
  it("matches the re-computed network for each text, query prompt prepended", async () => {
    const e = await createOnnxEmbedder({ dir, batchSize: 4 });
    expect(e.info.dim).toBe(16);
    expect(e.info.normalizes).toBe(true);
    expect(e.info.maxTokens).toBe(24);
    expect(e.promptFor({ role: "query" })).toBe("query: ");
    const v = await e.embed(TEXTS, { role: "query" });
    for (let i = 0; i < TEXTS.length; i++) {
      const t = await ids(dir, `query: ${TEXTS[i]}`.trim(), 24);
      const ref = refNormalize(refPool(tinyForward(spec, weights, t.ids, t.types), "mean"));
      expect(maxAbsDiff(v.subarray(i * 16, (i + 1) * 16), ref)).toBeLessThan(1e-5);
    }
    await e.close();
  });
  for (const mode of ["cls", "max", "lasttoken", "mean_sqrt_len_tokens", "weightedmean"] as const) {
    it(`pooling override ${mode} (no normalization) matches the reference`, async () => {
      const e = await createOnnxEmbedder({ dir, pooling: mode, normalize: false });
      const v = await e.embed(TEXTS, SYM);
      for (let i = 0; i < TEXTS.length; i++) {
        const t = await ids(dir, TEXTS[i], 24);
        const ref = refPool(tinyForward(spec, weights, t.ids, t.types), mode);
        expect(maxAbsDiff(v.subarray(i * 16, (i + 1) * 16), ref)).toBeLessThan(1e-5);
      }
      await e.close();
    });
  }
  it("concatenates several modes in ST's order (cls before mean) and doubles the dimension", async () => {
    const e = await createOnnxEmbedder({ dir, pooling: ["mean", "cls"], normalize: false });
    expect(e.info.dim).toBe(32);
    const [v, t] = [await e.embed(["The cat"], SYM), await ids(dir, "The cat", 24)];
    const states = tinyForward(spec, weights, t.ids, t.types);
    expect(maxAbsDiff(v, [...refPool(states, "cls"), ...refPool(states, "mean")])).toBeLessThan(1e-5);
    await e.close();
  });
  it("include_prompt=false drops the prompt's tokens (prompt_length = tokens(prompt) - 1) from pooling", async () => {
    const e = await createOnnxEmbedder({ dir, includePrompt: false, normalize: false });
    const v = await e.embed(["The cat sat"], { role: "query" });
    const t = await ids(dir, "query: The cat sat", 24);
    const promptLength = (await ids(dir, "query:", 24)).ids.length - 1;
    expect(promptLength).toBe(3);
    const ref = refPool(tinyForward(spec, weights, t.ids, t.types), "mean", promptLength);
    expect(maxAbsDiff(v, ref)).toBeLessThan(1e-5);
    const withPrompt = await createOnnxEmbedder({ dir, normalize: false });
    expect(maxAbsDiff(await withPrompt.embed(["The cat sat"], { role: "query" }), v)).toBeGreaterThan(1e-3);
    await e.close();
    await withPrompt.close();
  });
  it("truncates to max_seq_length (24) and to a maxTokens override, as the tokenizer truncates", async () => {
    const long = "the cat sat on the mat ".repeat(20);
    for (const max of [24, 7]) {
      const e = await createOnnxEmbedder({ dir, maxTokens: max === 24 ? undefined : max, normalize: false });
      const v = await e.embed([long], SYM);
      const t = await ids(dir, long.trim(), max);
      expect(t.ids.length).toBe(max);
      expect(maxAbsDiff(v, refPool(tinyForward(spec, weights, t.ids, t.types), "mean"))).toBeLessThan(1e-5);
      expect(e.info.cacheKey).toContain(`max=${max}-right`);
      await e.close();
    }
  });
  it("strips Python whitespace as ST's tokenize does (leading/trailing spaces do not change the vector)", async () => {
    const e = await createOnnxEmbedder({ dir });
    const v = await e.embed(["The cat", "\u3000 The cat \u0085\n"], SYM);
    expect(maxAbsDiff(v.subarray(0, 16), v.subarray(16))).toBeLessThan(1e-6);
    await e.close();
  });
});

describe("Optimum layout, byte-level BPE with position_ids", () => {
  const { dir, spec, weights } = m["optimum-bpe"];
  it("defaults to mean pooling, no normalization, max tokens min(max_position_embeddings, model_max_length)", async () => {
    const e = await createOnnxEmbedder({ dir });
    expect(e.detected.layout).toBe("optimum");
    expect(e.info.maxTokens).toBe(32);
    expect(e.info.normalizes).toBe(false);
    expect(e.promptFor({ role: "query" })).toBeUndefined();
    const texts = [...TEXTS, "the cat sat on the mat ".repeat(30)];
    const v = await e.embed(texts, SYM);
    for (let i = 0; i < texts.length; i++) {
      const t = await ids(dir, texts[i].trim(), 32);
      expect(
        maxAbsDiff(v.subarray(i * 16, (i + 1) * 16), refPool(tinyForward(spec, weights, t.ids), "mean")),
      ).toBeLessThan(1e-5);
    }
    await e.close();
  });
  it("last-token pooling takes the <|endoftext|> state of each row despite right padding", async () => {
    const e = await createOnnxEmbedder({ dir, pooling: "lasttoken", normalize: true });
    const v = await e.embed(TEXTS, SYM);
    for (let i = 0; i < TEXTS.length; i++) {
      const t = await ids(dir, TEXTS[i], 32);
      const ref = refNormalize(refPool(tinyForward(spec, weights, t.ids), "lasttoken"));
      expect(maxAbsDiff(v.subarray(i * 16, (i + 1) * 16), ref)).toBeLessThan(1e-5);
    }
    await e.close();
  });
});

describe("task adapters (jina-style task_id input)", () => {
  const { dir, spec, weights } = m["st-adapter-bpe"];
  const adapter = {
    map: { Retrieval: "retrieval", Clustering: "clustering", STS: 1, default: "classification" },
  };
  it("feeds the adapter id mapped from the task type and pools the last token, normalized", async () => {
    const e = await createOnnxEmbedder({ dir, adapter });
    const cases: [EncodeContext, number, string][] = [
      [{ role: "query", taskType: "Retrieval", taskName: "NFCorpus" }, 0, "Query: "],
      [{ role: "document", taskType: "Retrieval", taskName: "NFCorpus" }, 0, "Document: "],
      [{ role: "symmetric", taskType: "Clustering" }, 2, ""],
      [{ role: "symmetric", taskType: "STS" }, 1, ""],
      [{ role: "symmetric", taskType: "Classification" }, 3, ""],
    ];
    for (const [ctx, id, prompt] of cases) {
      expect(e.adapterFor(ctx)).toBe(id);
      const v = await e.embed(["The cat sat"], ctx);
      const t = await ids(dir, `${prompt}The cat sat`, 40);
      const ref = refNormalize(refPool(tinyForward(spec, weights, t.ids, undefined, id), "lasttoken"));
      expect(maxAbsDiff(v, ref)).toBeLessThan(1e-5);
    }
    await e.close();
  });
  it("requires an adapter map when the graph takes a task id, and rejects unknown adapter names", async () => {
    await expect(createOnnxEmbedder({ dir })).rejects.toMatchObject({ code: "E_CONFIG" });
    await expect(createOnnxEmbedder({ dir, adapter: { map: { default: "nope" } } })).rejects.toMatchObject({
      code: "E_CONFIG",
    });
    const e = await createOnnxEmbedder({ dir, adapter: { map: { Retrieval: 0 } } });
    await expect(e.embed(["x"], { role: "symmetric", taskType: "STS" })).rejects.toMatchObject({
      code: "E_CONFIG",
    });
    await e.close();
  });
});

describe("graph that emits sentence_embedding", () => {
  const { dir, spec, weights } = m["st-pooled-wordpiece"];
  it("uses the graph's pooled output as is, or pools token_embeddings when pooling is overridden", async () => {
    const e = await createOnnxEmbedder({ dir });
    const cls = await createOnnxEmbedder({ dir, pooling: "cls" });
    expect(e.info.cacheKey).toContain("pool=graph");
    const [v, c] = [await e.embed(TEXTS, SYM), await cls.embed(TEXTS, SYM)];
    for (let i = 0; i < TEXTS.length; i++) {
      const t = await ids(dir, TEXTS[i], 32);
      const states = tinyForward(spec, weights, t.ids, t.types);
      expect(maxAbsDiff(v.subarray(i * 16, (i + 1) * 16), refPool(states, "mean"))).toBeLessThan(1e-5);
      expect(maxAbsDiff(c.subarray(i * 16, (i + 1) * 16), refPool(states, "cls"))).toBeLessThan(1e-5);
    }
    await e.close();
    await cls.close();
  });
});
