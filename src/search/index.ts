/** BM25 retrieval backend reproducing mteb's `baseline-bm25s` (bm25s: tokenizer, English stop words, Snowball English, lucene). */
import type { Run } from "../../metrics/retrieval/types.js";
import { type CorpusDoc, corpusText } from "../../tasks/text.js";
import { type Bm25Query, bm25Search } from "./bm25.js";
import { type Bm25IndexOptions, buildBm25Index } from "./bm25-index.js";

export { type Bm25Query, type Bm25Searcher, bm25Search, createBm25Searcher } from "./bm25.js";
export {
  BM25S_DEFAULTS,
  type Bm25Index,
  type Bm25IndexOptions,
  type Bm25Params,
  buildBm25Index,
  luceneIdf,
  luceneWeight,
} from "./bm25-index.js";
export { stemEnglish } from "./snowball-english.js";
export { BM25S_STOPWORDS_EN, resolveStopwords, type StopwordsSpec } from "./stopwords.js";
export {
  type Bm25sTokenizer,
  type Bm25sTokenizerOptions,
  createBm25sTokenizer,
  type Stemmer,
  splitWords,
} from "./tokenizer.js";
export { selectTopK, type TopK } from "./top-k.js";

/** Options of `bm25Retrieve`: index options plus the number of documents kept per query. */
export interface Bm25RetrieveOptions extends Bm25IndexOptions {
  /** Documents per query (mteb: 1000, its largest k). */
  readonly topK?: number;
}

/**
 * One retrieval split end to end, as mteb's `baseline-bm25s` runs it: index the corpus (each document's
 * `corpusText`: title + " " + text), search every query, return the run for `evaluateRetrieval`.
 * Follows bm25s 0.3 on numpy 2 with PyStemmer 2.2 (Snowball 2.2.0 english): posting weights computed in
 * float64 and stored as float32, float32 query sums; on SciFact it reproduces all 140 published metrics.
 */
export function bm25Retrieve(
  corpus: readonly CorpusDoc[],
  queries: readonly Bm25Query[],
  options: Bm25RetrieveOptions = {},
): Run {
  const index = buildBm25Index(
    corpus.map((d) => corpusText(d)),
    options,
  );
  return bm25Search(
    index,
    corpus.map((d) => d.id),
    queries,
    options.topK ?? 1000,
  );
}
