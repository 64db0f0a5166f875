/**
 * `--model bm25`: mteb's `baseline-bm25s` as a search backend (src/search/: bm25s tokenizer, English stopwords,
 * Snowball 2.2.0 English, lucene k1 1.5 b 0.75). It ranks documents for retrieval tasks and embeds nothing.
 */
import { EmbevalError } from "../errors.js";
import { bm25Retrieve } from "../search/index.js";
import type { Embedder } from "./types.js";

/** Create the BM25 backend; results file as mteb's `mteb/baseline-bm25s`, revision `0_1_10` (the bm25s it follows). */
export function createBm25Embedder(): Embedder {
  return {
    info: {
      id: "mteb/baseline-bm25s",
      revision: "0_1_10",
      backend: "bm25",
      dim: 0,
      similarity: "dot",
      normalizes: false,
      cacheKey: "bm25s-0.1.10:lucene:k1=1.5:b=0.75:stopwords=en:snowball-2.2.0-english",
    },
    promptFor: () => undefined,
    async embed() {
      throw new EmbevalError("E_UNSUPPORTED", "bm25 is a lexical search: it runs retrieval tasks only", {
        hint: "select retrieval tasks (e.g. --tasks SciFact) or use an embedding model",
      });
    },
    async search(corpus, queries, topK) {
      return bm25Retrieve(corpus, queries, { topK });
    },
    async close() {},
  };
}
