/** ONNX model folders: layout detection, inspectOnnxModel, revisions and cache keys, and coded errors. */
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Tokenizer } from "tokenizers";
import { describe, expect, it } from "vitest";
import { encodeOnnxModel } from "../../../scripts/onnx-proto.js";
import { tinyNetGraph } from "../../../scripts/test-models/tiny-net.js";
import { createOnnxEmbedder, inspectOnnxModel } from "../../../src/embedders/onnx/index.js";
import { scratchRoot, testModels } from "../../fixtures/onnx/models.js";

const m = testModels();
const SYM = { role: "symmetric" } as const;

/** A private copy of a test model folder to modify. */
function copyOf(name: keyof typeof m): string {
  const dir = join(mkdtempSync(join(scratchRoot(), "copy-")), name);
  cpSync(m[name].dir, dir, { recursive: true });
  return dir;
}

describe("inspectOnnxModel", () => {
  it("reports a sentence-transformers export: files, graph inputs/outputs, pooling, prompts, max tokens", async () => {
    const r = await inspectOnnxModel(m["st-wordpiece"].dir);
    expect(r).toMatchObject({
      layout: "sentence-transformers",
      modelFile: "onnx/model.onnx",
      pooling: ["mean"],
      poolingSource: "1_Pooling/config.json",
      normalize: true,
      maxTokens: 24,
      maxTokensSource: "sentence_bert_config.json max_seq_length",
      prompts: { query: "query: ", document: "passage: " },
      output: "last_hidden_state",
      graphPools: false,
      dim: 16,
    });
    expect(r.inputs.map((i) => i.name)).toEqual(["input_ids", "attention_mask", "token_type_ids"]);
  });
  it("reports an Optimum export and a graph that pools itself", async () => {
    const o = await inspectOnnxModel(`onnx:${m["optimum-bpe"].dir}`);
    expect(o).toMatchObject({
      layout: "optimum",
      modelFile: "model.onnx",
      poolingSource: "default",
      normalize: false,
    });
    expect(o.inputs.map((i) => i.name)).toContain("position_ids");
    const p = await inspectOnnxModel(m["st-pooled-wordpiece"].dir);
    expect(p).toMatchObject({ output: "sentence_embedding", graphPools: true, dim: 16 });
    const a = await inspectOnnxModel(m["st-adapter-bpe"].dir);
    expect(a).toMatchObject({
      pooling: ["lasttoken"],
      adapterNames: ["retrieval", "text-matching", "clustering", "classification"],
    });
  });
});

describe("transformers.js-style folder (onnx/model.onnx without modules.json)", () => {
  it("is read as an Optimum export with its model under onnx/", async () => {
    const dir = copyOf("optimum-bpe");
    mkdirSync(join(dir, "onnx"));
    renameSync(join(dir, "model.onnx"), join(dir, "onnx", "model.onnx"));
    const r = await inspectOnnxModel(dir);
    expect(r).toMatchObject({ layout: "optimum", modelFile: "onnx/model.onnx" });
  });
});

describe("revision and cache key", () => {
  it("hashes the model files into the revision; an explicit revision and id win", async () => {
    const a = await createOnnxEmbedder({ dir: m["st-wordpiece"].dir });
    const b = await createOnnxEmbedder({ dir: m["st-wordpiece"].dir });
    expect(a.info.revision).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(b.info.revision).toBe(a.info.revision);
    expect(a.info.id).toBe("st-wordpiece");
    const dir = copyOf("st-wordpiece");
    writeFileSync(join(dir, "sentence_bert_config.json"), '{"max_seq_length": 12}');
    const c = await createOnnxEmbedder({ dir });
    expect(c.info.revision).not.toBe(a.info.revision);
    const d = await createOnnxEmbedder({ dir, id: "org/model", revision: "abc123" });
    expect(d.info).toMatchObject({ id: "org/model", revision: "abc123", maxTokens: 12 });
    for (const e of [a, b, c, d]) await e.close();
  });
  it("records the runtime in details: CPU, intra-op threads = cores unless set", async () => {
    const a = await createOnnxEmbedder({ dir: m["st-wordpiece"].dir });
    const b = await createOnnxEmbedder({ dir: m["st-wordpiece"].dir, threads: 1 });
    expect(a.info.details).toMatchObject({
      device: "cpu",
      intraOpThreads: availableParallelism(),
      onnxruntime: "1.30.0",
    });
    expect(b.info.details).toMatchObject({ intraOpThreads: 1, layout: "sentence-transformers" });
    await a.close();
    await b.close();
  });
  it("changes the cache key with every vector-changing setting", async () => {
    const dir = m["st-wordpiece"].dir;
    const keys = new Set<string>();
    for (const o of [
      {},
      { pooling: "cls" as const },
      { normalize: false },
      { maxTokens: 8 },
      { includePrompt: false },
    ]) {
      const e = await createOnnxEmbedder({ dir, ...o });
      keys.add(e.info.cacheKey);
      await e.close();
    }
    expect(keys.size).toBe(5);
  });
});

describe("coded errors", () => {
  it("E_MODEL for a missing folder, a missing tokenizer.json, no or ambiguous .onnx files", async () => {
    await expect(createOnnxEmbedder({ dir: "/nonexistent/model" })).rejects.toMatchObject({
      code: "E_MODEL",
    });
    const noTok = copyOf("optimum-bpe");
    rmSync(join(noTok, "tokenizer.json"));
    await expect(createOnnxEmbedder({ dir: noTok })).rejects.toMatchObject({ code: "E_MODEL" });
    const two = copyOf("st-wordpiece");
    renameSync(join(two, "onnx", "model.onnx"), join(two, "onnx", "model_O1.onnx"));
    cpSync(join(two, "onnx", "model_O1.onnx"), join(two, "onnx", "model_qint8.onnx"));
    await expect(createOnnxEmbedder({ dir: two })).rejects.toMatchObject({ code: "E_MODEL" });
    const chosen = await createOnnxEmbedder({ dir: two, file: "onnx/model_qint8.onnx" });
    expect(chosen.info.cacheKey).toContain("onnx:onnx/model_qint8.onnx");
    await chosen.close();
    const garbage = copyOf("optimum-bpe");
    writeFileSync(join(garbage, "model.onnx"), "not a model");
    await expect(createOnnxEmbedder({ dir: garbage })).rejects.toMatchObject({ code: "E_MODEL" });
  });
  it("E_UNSUPPORTED for device cuda (no CUDA provider here) and for modules embeval cannot run", async () => {
    await expect(createOnnxEmbedder({ dir: m["st-wordpiece"].dir, device: "cuda" })).rejects.toMatchObject({
      code: "E_UNSUPPORTED",
    });
    const dense = copyOf("st-wordpiece");
    writeFileSync(
      join(dense, "modules.json"),
      JSON.stringify([
        { idx: 0, name: "0", path: "", type: "sentence_transformers.models.Transformer" },
        { idx: 1, name: "1", path: "1_Pooling", type: "sentence_transformers.models.Pooling" },
        { idx: 2, name: "2", path: "2_Dense", type: "sentence_transformers.models.Dense" },
      ]),
    );
    await expect(createOnnxEmbedder({ dir: dense })).rejects.toMatchObject({ code: "E_UNSUPPORTED" });
    const pooled = m["st-pooled-wordpiece"].dir;
    await expect(createOnnxEmbedder({ dir: pooled, includePrompt: false })).rejects.toMatchObject({
      code: "E_UNSUPPORTED",
    });
    const tokens = await createOnnxEmbedder({ dir: pooled, includePrompt: false, pooling: "mean" });
    expect(tokens.info.cacheKey).toContain("out=token_embeddings");
    await tokens.close();
  });
  it("E_NOT_FINITE when the model outputs NaN, naming the text", async () => {
    const { spec, weights } = m["st-wordpiece"];
    const dir = copyOf("st-wordpiece");
    const hello = Tokenizer.fromFile(join(dir, "tokenizer.json")).tokenToId("hello");
    expect(hello).not.toBeNull();
    const E = Float32Array.from(weights.E);
    E.fill(Number.NaN, (hello ?? 0) * spec.hidden, ((hello ?? 0) + 1) * spec.hidden);
    writeFileSync(join(dir, "onnx", "model.onnx"), encodeOnnxModel(tinyNetGraph(spec, { ...weights, E })));
    const e = await createOnnxEmbedder({ dir });
    expect((await e.embed(["the cat"], SYM)).every(Number.isFinite)).toBe(true);
    await expect(e.embed(["the cat", "hello"], SYM)).rejects.toMatchObject({
      code: "E_NOT_FINITE",
      message: expect.stringContaining("text 1"),
    });
    await e.close();
  });
  it("E_MODEL (not a raw onnxruntime error) when inputs exceed the graph's positions", async () => {
    const e = await createOnnxEmbedder({ dir: m["optimum-unigram"].dir, maxTokens: 100 });
    await expect(e.embed(["the cat ".repeat(60)], SYM)).rejects.toMatchObject({ code: "E_MODEL" });
    await e.close();
  });
  it("E_CONFIG for a bad batch size or max tokens", async () => {
    const dir = m["st-wordpiece"].dir;
    await expect(createOnnxEmbedder({ dir, batchSize: 0 })).rejects.toMatchObject({ code: "E_CONFIG" });
    await expect(createOnnxEmbedder({ dir, maxTokens: 1.5 })).rejects.toMatchObject({ code: "E_CONFIG" });
  });
});

describe("batching", () => {
  it("gives the same vectors for any batch size on mixed-length texts (within 1e-5)", async () => {
    const texts = Array.from({ length: 23 }, (_, i) =>
      "the cat sat on the mat ".repeat(i % 5).slice(0, 7 * i),
    );
    const dir = m["optimum-bpe"].dir;
    const one = await createOnnxEmbedder({ dir, batchSize: 1, pooling: "mean" });
    const big = await createOnnxEmbedder({ dir, batchSize: 64, pooling: "mean" });
    const [a, b] = [await one.embed(texts, SYM), await big.embed(texts, SYM)];
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff = Math.max(diff, Math.abs(a[i] - b[i]));
    expect(diff).toBeLessThanOrEqual(1e-5);
    expect(await big.embed([], SYM)).toEqual(new Float32Array(0));
    await one.close();
    await big.close();
  });
});
