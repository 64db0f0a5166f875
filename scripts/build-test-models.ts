/**
 * Builds small ONNX embedding models from code, in the folder layouts people have: sentence-transformers exports
 * (onnx/model.onnx, modules.json, 1_Pooling, prompts, max_seq_length) and Optimum exports (model.onnx, config.json),
 * with hand-written WordPiece and byte-level BPE tokenizer.json files. Usage: `npx tsx scripts/build-test-models.ts [outDir]`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { encodeOnnxModel } from "./onnx-proto.js";
import {
  type TinyNetSpec,
  type TinyNetWeights,
  tinyNetGraph,
  tinyNetWeights,
} from "./test-models/tiny-net.js";
import {
  bpeTokenizerJson,
  unigramTokenizerJson,
  wordPieceTokenizerJson,
} from "./test-models/tokenizer-json.js";

/** Names of the models built. */
export type TestModelName =
  | "st-wordpiece"
  | "optimum-bpe"
  | "st-adapter-bpe"
  | "st-pooled-wordpiece"
  | "optimum-unigram";

/** One built model: its folder, network spec and weights (for independent re-computation in tests). */
export interface BuiltTestModel {
  dir: string;
  spec: TinyNetSpec;
  weights: TinyNetWeights;
}

/** The jina-style adapter names written to config.json `lora_adaptations` of st-adapter-bpe. */
export const TEST_ADAPTERS = ["retrieval", "text-matching", "clustering", "classification"] as const;

const HIDDEN = 16;

function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

function writeModel(path: string, spec: TinyNetSpec): TinyNetWeights {
  const weights = tinyNetWeights(spec);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, encodeOnnxModel(tinyNetGraph(spec, weights)));
  return weights;
}

function pooling(mode: "mean" | "cls" | "max" | "lasttoken", includePrompt = true): Record<string, unknown> {
  return {
    word_embedding_dimension: HIDDEN,
    pooling_mode_cls_token: mode === "cls",
    pooling_mode_mean_tokens: mode === "mean",
    pooling_mode_max_tokens: mode === "max",
    pooling_mode_mean_sqrt_len_tokens: false,
    pooling_mode_weightedmean_tokens: false,
    pooling_mode_lasttoken: mode === "lasttoken",
    include_prompt: includePrompt,
  };
}

function modules(normalize: boolean): unknown[] {
  const m: unknown[] = [
    { idx: 0, name: "0", path: "", type: "sentence_transformers.models.Transformer" },
    { idx: 1, name: "1", path: "1_Pooling", type: "sentence_transformers.models.Pooling" },
  ];
  if (normalize)
    m.push({ idx: 2, name: "2", path: "2_Normalize", type: "sentence_transformers.models.Normalize" });
  return m;
}

/** Write all test models under `outDir` (created); returns each model's folder, spec and weights. */
export function buildTestModels(outDir: string): Record<TestModelName, BuiltTestModel> {
  const wp = wordPieceTokenizerJson();
  const bpe = bpeTokenizerJson();
  const out = {} as Record<TestModelName, BuiltTestModel>;

  // 1. sentence-transformers export, BERT-like WordPiece, mean pooling + Normalize, query/passage prompts.
  {
    const dir = join(outDir, "st-wordpiece");
    const spec: TinyNetSpec = {
      vocab: wp.vocabSize,
      hidden: HIDDEN,
      maxPositions: 64,
      seed: 11,
      tokenTypes: true,
      tokenOutput: "last_hidden_state",
    };
    const weights = writeModel(join(dir, "onnx", "model.onnx"), spec);
    writeJson(join(dir, "tokenizer.json"), wp.json);
    writeJson(join(dir, "tokenizer_config.json"), { model_max_length: 64, pad_token: "[PAD]" });
    writeJson(join(dir, "config.json"), {
      model_type: "bert",
      hidden_size: HIDDEN,
      max_position_embeddings: 64,
    });
    writeJson(join(dir, "modules.json"), modules(true));
    writeJson(join(dir, "1_Pooling", "config.json"), pooling("mean"));
    writeJson(join(dir, "sentence_bert_config.json"), { max_seq_length: 24, do_lower_case: false });
    writeJson(join(dir, "config_sentence_transformers.json"), {
      prompts: { query: "query: ", document: "passage: " },
      default_prompt_name: null,
      similarity_fn_name: "cosine",
    });
    out["st-wordpiece"] = { dir, spec, weights };
  }
  // 2. Optimum export, decoder-like byte-level BPE with position_ids, no pooling info.
  {
    const dir = join(outDir, "optimum-bpe");
    const spec: TinyNetSpec = {
      vocab: bpe.vocabSize,
      hidden: HIDDEN,
      maxPositions: 32,
      seed: 22,
      positionInput: true,
      tokenOutput: "last_hidden_state",
    };
    const weights = writeModel(join(dir, "model.onnx"), spec);
    writeJson(join(dir, "tokenizer.json"), bpe.json);
    writeJson(join(dir, "tokenizer_config.json"), { model_max_length: 1000000, pad_token: "<|endoftext|>" });
    writeJson(join(dir, "config.json"), {
      model_type: "qwen2",
      hidden_size: HIDDEN,
      max_position_embeddings: 32,
    });
    out["optimum-bpe"] = { dir, spec, weights };
  }
  // 3. sentence-transformers export with a task_id adapter input (jina-style), last-token pooling + Normalize.
  {
    const dir = join(outDir, "st-adapter-bpe");
    const spec: TinyNetSpec = {
      vocab: bpe.vocabSize,
      hidden: HIDDEN,
      maxPositions: 48,
      seed: 33,
      adapters: TEST_ADAPTERS.length,
      tokenOutput: "token_embeddings",
    };
    const weights = writeModel(join(dir, "onnx", "model.onnx"), spec);
    writeJson(join(dir, "tokenizer.json"), bpe.json);
    writeJson(join(dir, "config.json"), {
      model_type: "qwen3",
      hidden_size: HIDDEN,
      max_position_embeddings: 48,
      lora_adaptations: TEST_ADAPTERS,
    });
    writeJson(join(dir, "modules.json"), modules(true));
    writeJson(join(dir, "1_Pooling", "config.json"), pooling("lasttoken"));
    writeJson(join(dir, "sentence_bert_config.json"), { max_seq_length: 40, do_lower_case: false });
    writeJson(join(dir, "config_sentence_transformers.json"), {
      prompts: { query: "Query: ", document: "Document: " },
      default_prompt_name: null,
      similarity_fn_name: "cosine",
    });
    out["st-adapter-bpe"] = { dir, spec, weights };
  }
  // 4. sentence-transformers export whose graph already emits `sentence_embedding` (mean pooled in the graph).
  {
    const dir = join(outDir, "st-pooled-wordpiece");
    const spec: TinyNetSpec = {
      vocab: wp.vocabSize,
      hidden: HIDDEN,
      maxPositions: 64,
      seed: 44,
      tokenTypes: true,
      tokenOutput: "token_embeddings",
      sentenceOutput: true,
    };
    const weights = writeModel(join(dir, "onnx", "model.onnx"), spec);
    writeJson(join(dir, "tokenizer.json"), wp.json);
    writeJson(join(dir, "modules.json"), modules(false));
    writeJson(join(dir, "1_Pooling", "config.json"), pooling("mean"));
    writeJson(join(dir, "sentence_bert_config.json"), { max_seq_length: 32, do_lower_case: false });
    out["st-pooled-wordpiece"] = { dir, spec, weights };
  }
  // 5. Optimum export with an XLM-R-style Unigram (SentencePiece) tokenizer.
  {
    const uni = unigramTokenizerJson();
    const dir = join(outDir, "optimum-unigram");
    const spec: TinyNetSpec = {
      vocab: uni.vocabSize,
      hidden: HIDDEN,
      maxPositions: 20,
      seed: 55,
      tokenOutput: "last_hidden_state",
    };
    const weights = writeModel(join(dir, "model.onnx"), spec);
    writeJson(join(dir, "tokenizer.json"), uni.json);
    writeJson(join(dir, "tokenizer_config.json"), { model_max_length: 20, pad_token: "<pad>" });
    writeJson(join(dir, "config.json"), { model_type: "xlm-roberta", hidden_size: HIDDEN });
    out["optimum-unigram"] = { dir, spec, weights };
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? join(tmpdir(), "embeval-test-models"));
  const built = buildTestModels(outDir);
  for (const [name, m] of Object.entries(built)) console.log(`${name}: ${m.dir}`);
}
