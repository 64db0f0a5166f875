/** Option and detection types of the local ONNX embedder (sentence-transformers and Optimum folder layouts). */
import type { SimilarityFn } from "../../../metrics/similarity.js";

/** One pooling mode, named as sentence-transformers' Pooling module names them. */
export type PoolingMode = "cls" | "mean" | "max" | "lasttoken" | "mean_sqrt_len_tokens" | "weightedmean";

/** A pooling: one mode or several concatenated in ST's order (cls, max, mean, mean_sqrt_len, weightedmean, lasttoken). */
export type Pooling = PoolingMode | readonly PoolingMode[];

/**
 * Task adapter selection (jina-v3/v5 style models whose graph takes a task/adapter id input).
 * `map` keys are tried in mteb's prompt-resolution order: `"{taskName}-{role}"`, `"{taskName}"`, `"{taskType}-{role}"`,
 * `"{taskType}"`, `"{role}"`, then `"default"` (role is `query`/`document`; symmetric contexts skip role keys).
 * Values are the id fed to the graph, or an adapter name looked up in config.json `lora_adaptations` (its index).
 * Example (jina-embeddings-v5 with adapters retrieval/text-matching/clustering/classification):
 * `{ map: { Retrieval: "retrieval", Reranking: "retrieval", Clustering: "clustering",
 *   Classification: "classification", MultilabelClassification: "classification", default: "text-matching" } }`.
 */
export interface AdapterOptions {
  /** Graph input fed the id; default: the first graph input named task_id, adapter_id, task or lora_id. */
  input?: string;
  map: Readonly<Record<string, number | string>>;
}

/** Options of `createOnnxEmbedder`; every unset field comes from the model folder. */
export interface OnnxEmbedderOptions {
  /** The model folder (an `onnx:` prefix is accepted and removed). */
  dir: string;
  /** Which .onnx file, relative to `dir` (default onnx/model.onnx for ST exports, model.onnx for Optimum). */
  file?: string;
  pooling?: Pooling;
  normalize?: boolean;
  maxTokens?: number;
  /** Prompt dictionary, replacing config_sentence_transformers.json `prompts`. */
  prompts?: Readonly<Record<string, string>>;
  /** ST `default_prompt_name` (used for symmetric contexts when no prompt resolves). */
  defaultPromptName?: string | null;
  /** ST Pooling `include_prompt`: false removes the prompt's tokens from pooling (INSTRUCTOR/GRIT style). */
  includePrompt?: boolean;
  similarity?: SimilarityFn;
  device?: "cpu" | "cuda";
  /** Intra-op threads (default: the number of cores). */
  threads?: number;
  /** Texts per forward pass (default 32). */
  batchSize?: number;
  adapter?: AdapterOptions;
  id?: string;
  revision?: string;
}

/** The folder layouts recognised. */
export type OnnxLayout = "sentence-transformers" | "optimum";

/** What was read from a model folder's files (before loading the graph). */
export interface DetectedFolder {
  dir: string;
  layout: OnnxLayout;
  /** The .onnx file used, relative to `dir`, and the other .onnx files offered. */
  modelFile: string;
  otherModelFiles: string[];
  tokenizerFile: string;
  pooling: PoolingMode[];
  /** Where the pooling came from. */
  poolingSource: "1_Pooling/config.json" | "default";
  includePrompt: boolean;
  normalize: boolean;
  maxTokens?: number;
  maxTokensSource?: string;
  doLowerCase: boolean;
  truncationSide: "right" | "left";
  prompts: Record<string, string>;
  defaultPromptName: string | null;
  similarity: SimilarityFn;
  /** config.json `lora_adaptations` (adapter names by id), when present. */
  adapterNames?: string[];
  /** modules.json modules after Transformer/Pooling/Normalize that embeval cannot run (Dense, LayerNorm...). */
  unsupportedModules: string[];
  /** Files hashed for the content revision. */
  files: string[];
}

/** `inspectOnnxModel`: the folder detection plus the graph's inputs and outputs. */
export interface OnnxModelReport extends DetectedFolder {
  inputs: { name: string; type: string; shape: (number | string)[] }[];
  outputs: { name: string; type: string; shape: (number | string)[] }[];
  /** The output pooled or used directly. */
  output: string;
  /** True when the graph's `sentence_embedding` output is used as is (no pooling in embeval). */
  graphPools: boolean;
  dim: number | undefined;
}
