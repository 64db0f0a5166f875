/** The `random` embedder: mteb's baseline-random-encoder behind the Embedder interface (prompts ignored, cosine). */
import { EmbevalError } from "../errors.js";
import { RANDOM_ENCODER_DIM, randomEncoderMatrix } from "./random-encoder.js";
import type { Embedder } from "./types.js";

/** Create mteb's random baseline; results file as `mteb/baseline-random-encoder` revision `1`, as mteb's do. */
export function createRandomEmbedder(): Embedder {
  return {
    info: {
      id: "mteb/baseline-random-encoder",
      revision: "1",
      backend: "random",
      dim: RANDOM_ENCODER_DIM,
      similarity: "cosine",
      normalizes: false,
      cacheKey: "random:sha256-default_rng-f32x32",
    },
    promptFor: () => undefined,
    async embed(texts, _ctx, signal) {
      if (signal?.aborted)
        throw new EmbevalError("E_ABORTED", "embedding was aborted", { cause: signal.reason });
      return randomEncoderMatrix(texts);
    },
    async close() {},
  };
}
