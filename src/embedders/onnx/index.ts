/** The local ONNX embedder (sentence-transformers / Optimum exports on onnxruntime-node + tokenizers): public API. */
export { createOnnxEmbedder, type OnnxEmbedder } from "./embedder.js";
export { inspectOnnxModel } from "./inspect.js";
export { l2NormalizeRows, poolTokens, type TokenStates } from "./pooling.js";
export { contextKeys, resolveAdapter, resolvePrompt } from "./prompts.js";
export type {
  AdapterOptions,
  DetectedFolder,
  OnnxEmbedderOptions,
  OnnxLayout,
  OnnxModelReport,
  Pooling,
  PoolingMode,
} from "./types.js";
