/** Test embedders: the random encoder recording every text it is asked to embed. */
import { createRandomEmbedder } from "../../src/embedders/random.js";
import type { Embedder } from "../../src/embedders/types.js";

/** The random encoder, recording every text it embeds (in call order) in `seen`. */
export function recording(): Embedder & { seen: string[] } {
  const base = createRandomEmbedder();
  const e = {
    ...base,
    seen: [] as string[],
    async embed(texts: readonly string[], ctx: Parameters<Embedder["embed"]>[1]) {
      e.seen.push(...texts);
      return base.embed(texts, ctx);
    },
  };
  return e;
}
