/** A tiny attention-free "transformer-like" ONNX network with seeded weights (token + position + type + adapter embeddings, a mask-aware context mix, MatMul + Add + Tanh), for testing the ONNX embedder. */
import type { OnnxGraph, OnnxInitializer, OnnxNode, OnnxValueInfo } from "../onnx-proto.js";
import { mulberry32 } from "../prng.js";

/** Shape and wiring of one tiny network. */
export interface TinyNetSpec {
  vocab: number;
  hidden: number;
  maxPositions: number;
  seed: number;
  /** Feed `token_type_ids` (2 types) as BERT does. */
  tokenTypes?: boolean;
  /** Take `position_ids` as an input (decoder exports) instead of computing positions 0..L-1 in the graph. */
  positionInput?: boolean;
  /** Number of task adapters selected by a `task_id` input of shape [1] (jina-style); 0/undefined = none. */
  adapters?: number;
  /** Name of the token-states output. */
  tokenOutput: "last_hidden_state" | "token_embeddings";
  /** Also emit a mean-pooled `sentence_embedding` output computed in the graph. */
  sentenceOutput?: boolean;
}

/** The weights, row-major float32: E [vocab×H], P [maxPositions×H], T [2×H], A [adapters×H], W1/W2 [H×H], b [H]. */
export interface TinyNetWeights {
  E: Float32Array;
  P: Float32Array;
  T?: Float32Array;
  A?: Float32Array;
  W1: Float32Array;
  W2: Float32Array;
  b: Float32Array;
}

/** The weights of a spec, deterministic in its seed (uniform in [-scale, scale]). */
export function tinyNetWeights(spec: TinyNetSpec): TinyNetWeights {
  const rnd = mulberry32(spec.seed);
  const fill = (n: number, scale: number) => Float32Array.from({ length: n }, () => (rnd() * 2 - 1) * scale);
  const H = spec.hidden;
  const E = fill(spec.vocab * H, 1);
  const P = fill(spec.maxPositions * H, 0.3);
  const T = spec.tokenTypes ? fill(2 * H, 0.3) : undefined;
  const A = spec.adapters ? fill(spec.adapters * H, 0.5) : undefined;
  const W1 = fill(H * H, 1 / Math.sqrt(H));
  const W2 = fill(H * H, 1 / Math.sqrt(H));
  const b = fill(H, 0.1);
  return { E, P, T, A, W1, W2, b };
}

const f32 = (name: string, dims: number[], data: Float32Array): OnnxInitializer => ({
  name,
  type: "float",
  dims,
  data,
});
const i64 = (name: string, dims: number[], values: number[]): OnnxInitializer => ({
  name,
  type: "int64",
  dims,
  data: BigInt64Array.from(values.map(BigInt)),
});
const node = (op: string, inputs: string[], outputs: string[], attrs?: OnnxNode["attrs"]): OnnxNode => ({
  op,
  inputs,
  outputs,
  attrs,
});

/** The ONNX graph of a spec with its weights. */
export function tinyNetGraph(spec: TinyNetSpec, w: TinyNetWeights): OnnxGraph {
  const H = spec.hidden;
  const inits: OnnxInitializer[] = [
    f32("E", [spec.vocab, H], w.E),
    f32("P", [spec.maxPositions, H], w.P),
    f32("W1", [H, H], w.W1),
    f32("W2", [H, H], w.W2),
    f32("b", [H], w.b),
    i64("axis1", [1], [1]),
    i64("axis2", [1], [2]),
    f32("oneF", [], Float32Array.of(1)),
  ];
  const inputs: OnnxValueInfo[] = [
    { name: "input_ids", type: "int64", shape: ["batch_size", "sequence_length"] },
    { name: "attention_mask", type: "int64", shape: ["batch_size", "sequence_length"] },
  ];
  const nodes: OnnxNode[] = [node("Gather", ["E", "input_ids"], ["x_tok"])];
  let x = "x_tok";
  const add = (other: string, out: string) => {
    nodes.push(node("Add", [x, other], [out]));
    x = out;
  };
  if (spec.tokenTypes && w.T) {
    inits.push(f32("T", [2, H], w.T));
    inputs.push({ name: "token_type_ids", type: "int64", shape: ["batch_size", "sequence_length"] });
    nodes.push(node("Gather", ["T", "token_type_ids"], ["x_type"]));
    add("x_type", "x_with_type");
  }
  if (spec.positionInput) {
    inputs.push({ name: "position_ids", type: "int64", shape: ["batch_size", "sequence_length"] });
    nodes.push(node("Gather", ["P", "position_ids"], ["x_pos"]));
  } else {
    inits.push(i64("idx1", [], [1]), i64("zeroI", [], [0]), i64("oneI", [], [1]));
    nodes.push(
      node("Shape", ["input_ids"], ["ids_shape"]),
      node("Gather", ["ids_shape", "idx1"], ["seq_len"], { axis: { i: 0 } }),
      node("Range", ["zeroI", "seq_len", "oneI"], ["positions"]),
      node("Gather", ["P", "positions"], ["x_pos"]),
    );
  }
  add("x_pos", "x_with_pos");
  if (spec.adapters && w.A) {
    inits.push(f32("A", [spec.adapters, H], w.A));
    inputs.push({ name: "task_id", type: "int64", shape: [1] });
    nodes.push(node("Gather", ["A", "task_id"], ["x_adapter"]));
    add("x_adapter", "x_with_adapter");
  }
  nodes.push(
    node("Cast", ["attention_mask"], ["mask_f"], { to: { i: 1 } }),
    node("Unsqueeze", ["mask_f", "axis2"], ["mask3"]),
    node("Mul", [x, "mask3"], ["x_masked"]),
    node("ReduceSum", ["x_masked", "axis1"], ["ctx_sum"], { keepdims: { i: 1 } }),
    node("ReduceSum", ["mask3", "axis1"], ["ctx_count"], { keepdims: { i: 1 } }),
    node("Max", ["ctx_count", "oneF"], ["ctx_count1"]),
    node("Div", ["ctx_sum", "ctx_count1"], ["ctx"]),
    node("MatMul", [x, "W1"], ["h1"]),
    node("MatMul", ["ctx", "W2"], ["h2"]),
    node("Add", ["h1", "h2"], ["h12"]),
    node("Add", ["h12", "b"], ["pre"]),
    node("Tanh", ["pre"], [spec.tokenOutput]),
  );
  const outputs: OnnxValueInfo[] = [
    { name: spec.tokenOutput, type: "float", shape: ["batch_size", "sequence_length", H] },
  ];
  if (spec.sentenceOutput) {
    inits.push(f32("tinyF", [], Float32Array.of(1e-9)));
    nodes.push(
      node("Mul", [spec.tokenOutput, "mask3"], ["h_masked"]),
      node("ReduceSum", ["h_masked", "axis1"], ["sent_sum"], { keepdims: { i: 0 } }),
      node("ReduceSum", ["mask3", "axis1"], ["sent_count"], { keepdims: { i: 0 } }),
      node("Max", ["sent_count", "tinyF"], ["sent_count1"]),
      node("Div", ["sent_sum", "sent_count1"], ["sentence_embedding"]),
    );
    outputs.push({ name: "sentence_embedding", type: "float", shape: ["batch_size", H] });
  }
  return { name: "tiny_net", nodes, initializers: inits, inputs, outputs };
}
