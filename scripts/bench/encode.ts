/**
 * ONNX encode benchmark: the embedder (tokenize + sorted dynamic-padded batches + pooling) vs a bare onnxruntime
 * session on the same token batches (ratio printed), and length-sorted vs input-order batching on mixed-length texts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createOnnxEmbedder } from "../../src/embedders/onnx/index.js";
import { openSession } from "../../src/embedders/onnx/runtime.js";
import { loadTokenizer, type PaddedBatch, padBatch } from "../../src/embedders/onnx/tokenize.js";
import { encodeOnnxModel } from "../onnx-proto.js";
import { type TinyNetSpec, tinyNetGraph, tinyNetWeights } from "../test-models/tiny-net.js";
import { bpeTokenizerJson } from "../test-models/tokenizer-json.js";
import { type BenchOutput, timeIt } from "./types.js";

const N_TEXTS = Number(process.env.ENCODE_BENCH_TEXTS ?? 2000);
const BATCH = 32;
const HIDDEN = 256;
const WORDS = "the cat sat on a mat and embedded text into vectors while queries met documents".split(" ");

/** Seeded mixed-length texts: 3–200 words. */
function texts(): string[] {
  let s = 12345;
  const rnd = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  return Array.from({ length: N_TEXTS }, () => {
    const n = 3 + Math.floor(rnd() ** 2 * 197);
    return Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(" ");
  });
}

/** A wider tiny network (hidden 256) in an Optimum-layout folder, so graph time is not negligible. */
function buildModel(dir: string): void {
  const bpe = bpeTokenizerJson();
  const spec: TinyNetSpec = {
    vocab: bpe.vocabSize,
    hidden: HIDDEN,
    maxPositions: 512,
    seed: 7,
    tokenOutput: "last_hidden_state",
  };
  writeFileSync(join(dir, "model.onnx"), encodeOnnxModel(tinyNetGraph(spec, tinyNetWeights(spec))));
  writeFileSync(join(dir, "tokenizer.json"), JSON.stringify(bpe.json));
  writeFileSync(join(dir, "config.json"), JSON.stringify({ max_position_embeddings: 256 }));
}

/** Benchmark rows and figures.encode for `npm run bench -- encode` (ratio = embedder time / bare session time). */
export async function bench(): Promise<BenchOutput> {
  const dir = mkdtempSync(join(tmpdir(), "embeval-bench-onnx-"));
  try {
    buildModel(dir);
    const input = texts();
    const ctx = { role: "symmetric" } as const;
    const embedder = await createOnnxEmbedder({ dir, batchSize: BATCH });
    const tok = await loadTokenizer(dir, { maxTokens: 256, side: "right", lowercase: false });
    const encoded = await tok.encode(input);
    const totalTokens = encoded.reduce((a, t) => a + t.ids.length, 0);
    const order = encoded
      .map((_, i) => i)
      .sort((a, b) => encoded[b].ids.length - encoded[a].ids.length || a - b);
    const batches: PaddedBatch[] = [];
    const inOrder: PaddedBatch[] = [];
    for (let i = 0; i < order.length; i += BATCH) {
      batches.push(
        padBatch(
          order.slice(i, i + BATCH).map((k) => encoded[k]),
          tok.padId,
        ),
      );
      inOrder.push(padBatch(encoded.slice(i, i + BATCH), tok.padId));
    }
    const padded = (list: PaddedBatch[]) => list.reduce((a, p) => a + p.batch * p.seqLen, 0);
    const session = await openSession(join(dir, "model.onnx"), { device: "cpu" });
    const runAll = async (list: PaddedBatch[]) => {
      for (const p of list) {
        const dims = [p.batch, p.seqLen];
        await session.run(
          { input_ids: { data: p.inputIds, dims }, attention_mask: { data: p.attentionMask, dims } },
          "last_hidden_state",
        );
      }
    };
    const bare = await timeIt(() => runAll(batches), 5);
    const bareUnsorted = await timeIt(() => runAll(inOrder), 5);
    const tokenize = await timeIt(() => tok.encode(input), 5);
    const sorted = await timeIt(() => embedder.embed(input, ctx), 5);
    const unsorted = await timeIt(async () => {
      for (let i = 0; i < input.length; i += BATCH) await embedder.embed(input.slice(i, i + BATCH), ctx);
    }, 5);
    const workload = `${N_TEXTS} texts (${totalTokens} tokens), batch ${BATCH}, H=${HIDDEN}`;
    const ratio = sorted.ms / bare.ms;
    console.log(
      `encode: embedder/bare-session time ratio ${ratio.toFixed(2)}; unsorted/sorted ${(unsorted.ms / sorted.ms).toFixed(2)}; ` +
        `${((totalTokens / sorted.ms) * 1000).toFixed(0)} tokens/s through the embedder`,
    );
    await session.release();
    await embedder.close();
    const rows = [
      { name: `bare ort sorted (${padded(batches)} padded)`, workload, ...bare },
      { name: `bare ort input order (${padded(inOrder)} padded)`, workload, ...bareUnsorted },
      { name: `onnx embedder sorted (x${ratio.toFixed(2)})`, workload, ...sorted },
      { name: "onnx embedder input-order batches", workload, ...unsorted },
      { name: "tokenizer alone (all texts)", workload, ...tokenize },
    ];
    const encode = {
      embedder_s: sorted.ms / 1000,
      bare_ort_s: bare.ms / 1000,
      ratio,
      embedder_unsorted_s: unsorted.ms / 1000,
      bare_ort_unsorted_s: bareUnsorted.ms / 1000,
      unsorted_over_sorted: unsorted.ms / sorted.ms,
      tokenize_s: tokenize.ms / 1000,
      ratio_vs_tokenize_plus_bare: sorted.ms / (tokenize.ms + bare.ms),
      tokens_per_s: (totalTokens / sorted.ms) * 1000,
      texts: N_TEXTS,
      tokens: totalTokens,
      padded_tokens_sorted: padded(batches),
      padded_tokens_input_order: padded(inOrder),
      batch: BATCH,
      hidden: HIDDEN,
    };
    return { rows, figures: { encode } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
