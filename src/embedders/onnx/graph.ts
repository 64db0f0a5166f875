/** Matching an ONNX graph's inputs and outputs to what embeval feeds (by name) and pools. */
import { EmbevalError } from "../../errors.js";
import type { GraphValue } from "./runtime.js";

/** Inputs embeval knows how to feed besides the adapter id. */
export const TOKEN_INPUTS = ["input_ids", "attention_mask", "token_type_ids", "position_ids"] as const;

/** Names taken as a task/adapter id input when no adapter input is named. */
export const ADAPTER_INPUTS = ["task_id", "adapter_id", "task", "lora_id"] as const;

/** The output used: `sentence_embedding` as is, or token states to pool. */
export interface OutputChoice {
  name: string;
  graphPools: boolean;
  /** Its last dimension when fixed in the graph. */
  width: number | undefined;
}

const lastDim = (v: GraphValue): number | undefined => {
  const d = v.shape[v.shape.length - 1];
  return typeof d === "number" ? d : undefined;
};

/** Prefer `sentence_embedding` unless pooling is forced; else `token_embeddings`, `last_hidden_state`, any rank-3 output. */
export function chooseOutput(outputs: readonly GraphValue[], forcePooling: boolean): OutputChoice {
  const byName = (n: string) => outputs.find((o) => o.name === n);
  const sentence = byName("sentence_embedding");
  const tokens =
    byName("token_embeddings") ?? byName("last_hidden_state") ?? outputs.find((o) => o.shape.length === 3);
  if (sentence && (!forcePooling || !tokens))
    return { name: sentence.name, graphPools: true, width: lastDim(sentence) };
  if (tokens) return { name: tokens.name, graphPools: false, width: lastDim(tokens) };
  throw new EmbevalError("E_MODEL", `no usable output among ${outputs.map((o) => o.name).join(", ")}`, {
    hint: "the graph must emit sentence_embedding, token_embeddings or last_hidden_state",
  });
}

/** The adapter input of the graph (named, or detected); throws E_MODEL for inputs embeval cannot feed. */
export function checkInputs(
  inputs: readonly GraphValue[],
  adapterInput: string | undefined,
): string | undefined {
  const adapter =
    adapterInput ?? inputs.find((i) => (ADAPTER_INPUTS as readonly string[]).includes(i.name))?.name;
  if (adapterInput !== undefined && !inputs.some((i) => i.name === adapterInput))
    throw new EmbevalError("E_CONFIG", `the graph has no input named ${adapterInput}`, {
      hint: `graph inputs: ${inputs.map((i) => i.name).join(", ")}`,
    });
  if (!inputs.some((i) => i.name === "input_ids"))
    throw new EmbevalError("E_MODEL", "the graph takes no input_ids", {
      hint: "embeval runs text encoders whose first input is input_ids",
    });
  for (const i of inputs)
    if (i.name !== adapter && !(TOKEN_INPUTS as readonly string[]).includes(i.name))
      throw new EmbevalError("E_MODEL", `the graph wants input ${i.name}, which embeval cannot feed`, {
        hint: "export the encoder without past key values or extra inputs (optimum-cli --task feature-extraction)",
      });
  return adapter;
}

/** Dims of the adapter id tensor: scalar, [1], or one per text. */
export function adapterDims(input: GraphValue, batch: number): number[] {
  if (input.shape.length === 0) return [];
  return input.shape[0] === 1 ? [1] : [batch];
}
