/** The ONNX embedder through the conformance suite, on models built from code in both folder layouts. */
import { createOnnxEmbedder } from "../../../src/embedders/onnx/index.js";
import { testModels } from "../../fixtures/onnx/models.js";
import { runConformance } from "./conformance.js";

const m = testModels();
const ADAPTERS = { map: { Retrieval: "retrieval", Clustering: "clustering", default: "text-matching" } };

runConformance({
  name: "onnx sentence-transformers WordPiece (mean, normalize, prompts)",
  make: () => createOnnxEmbedder({ dir: m["st-wordpiece"].dir, batchSize: 2 }),
  batchTolerance: 1e-5,
  promptedContext: { role: "query" },
});

runConformance({
  name: "onnx Optimum byte-level BPE (position_ids, last token)",
  make: () => createOnnxEmbedder({ dir: `onnx:${m["optimum-bpe"].dir}`, pooling: "lasttoken", batchSize: 3 }),
  batchTolerance: 1e-5,
});

runConformance({
  name: "onnx sentence-transformers BPE with task adapters",
  make: () => createOnnxEmbedder({ dir: m["st-adapter-bpe"].dir, adapter: ADAPTERS }),
  batchTolerance: 1e-5,
  promptedContext: { role: "document", taskName: "NFCorpus", taskType: "Retrieval" },
});

runConformance({
  name: "onnx graph with a sentence_embedding output",
  make: () => createOnnxEmbedder({ dir: m["st-pooled-wordpiece"].dir, threads: 1 }),
  batchTolerance: 1e-5,
});

runConformance({
  name: "onnx Optimum Unigram (SentencePiece-style), CLS pooling",
  make: () => createOnnxEmbedder({ dir: m["optimum-unigram"].dir, pooling: "cls", normalize: true }),
  batchTolerance: 1e-5,
});
