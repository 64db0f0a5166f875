/**
 * BM25 indexing as bm25s does it (bm25s/__init__.py BM25.build_index_from_ids + scoring.py, method "lucene",
 * k1 1.5, b 0.75): every (term, doc) weight is precomputed and stored as float32 in a term-major sparse matrix.
 */
import { EmbevalError } from "../errors.js";
import { type Bm25sTokenizer, type Bm25sTokenizerOptions, createBm25sTokenizer } from "./tokenizer.js";

/** BM25 free parameters (bm25s `BM25(k1=1.5, b=0.75)`). */
export interface Bm25Params {
  readonly k1: number;
  readonly b: number;
}

/** bm25s' defaults, which mteb's `baseline-bm25s` keeps. */
export const BM25S_DEFAULTS: Bm25Params = Object.freeze({ k1: 1.5, b: 0.75 });

/** Index settings: BM25 parameters plus the tokenizer's. */
export interface Bm25IndexOptions extends Partial<Bm25Params>, Bm25sTokenizerOptions {}

/** A built index: the CSC matrix bm25s keeps (`indptr` per term, `docs` sorted within a term, float32 `weights`). */
export interface Bm25Index {
  readonly params: Bm25Params;
  readonly nDocs: number;
  /** Mean token count per document (numpy float64 mean). */
  readonly avgDocLen: number;
  /** Tokens per document after stop-word removal. */
  readonly docLengths: Int32Array;
  /** Stem → term id (ids in order of first appearance). */
  readonly vocab: ReadonlyMap<string, number>;
  /** Lucene idf per term, float32. */
  readonly idf: Float32Array;
  /** Postings of term t are `[indptr[t], indptr[t + 1])`. */
  readonly indptr: Int32Array;
  readonly docs: Int32Array;
  readonly weights: Float32Array;
  /** The tokenizer the corpus went through; queries must use it too. */
  readonly tokenizer: Bm25sTokenizer;
}

/** An append-only int32 buffer (doubling), so ~10^8 postings stay in typed arrays. */
class IntBuffer {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** bm25s `_score_idf_lucene`: log(1 + (N − df + 0.5) / (df + 0.5)), stored as float32. */
export function luceneIdf(df: number, nDocs: number): number {
  return Math.fround(Math.log(1 + (nDocs - df + 0.5) / (df + 0.5)));
}

/**
 * One posting's weight, bm25s `idf * _score_tfc_lucene(tf, l_d, l_avg, k1, b)` =
 * idf · tf / (k1·((1 − b) + b·l_d / l_avg) + tf), evaluated in float64 (numpy 2 promotes the float64 scalar
 * denominator) and stored as float32.
 */
export function luceneWeight(
  idf: number,
  tf: number,
  docLen: number,
  avgDocLen: number,
  p: Bm25Params,
): number {
  const norm = p.k1 * (1 - p.b + (p.b * docLen) / avgDocLen);
  return Math.fround(idf * (tf / (norm + tf)));
}

/** Tokenize and index a corpus (one text per document, prepared as mteb does: title + " " + text). */
export function buildBm25Index(texts: Iterable<string>, options: Bm25IndexOptions = {}): Bm25Index {
  const params: Bm25Params = { k1: options.k1 ?? BM25S_DEFAULTS.k1, b: options.b ?? BM25S_DEFAULTS.b };
  if (!(params.k1 >= 0) || !(params.b >= 0 && params.b <= 1)) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `BM25 needs k1 >= 0 and 0 <= b <= 1, got ${JSON.stringify(params)}`,
    );
  }
  const tokenizer = createBm25sTokenizer(options);
  const vocab = new Map<string, number>();
  // Document-major pass: per doc its distinct term ids and their counts.
  const rowPtr = new IntBuffer();
  const rowTerms = new IntBuffer();
  const rowTf = new IntBuffer();
  const lengths = new IntBuffer();
  const df = new IntBuffer();
  let counts = new Int32Array(1024);
  rowPtr.push(0);
  for (const text of texts) {
    const tokens = tokenizer.tokenize(text);
    const start = rowTerms.length;
    for (const tok of tokens) {
      let id = vocab.get(tok);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(tok, id);
        df.push(0);
        if (id >= counts.length) {
          const next = new Int32Array(counts.length * 2);
          next.set(counts);
          counts = next;
        }
      }
      if (counts[id]++ === 0) rowTerms.push(id);
    }
    for (let i = start; i < rowTerms.length; i++) {
      const id = rowTerms.data[i];
      rowTf.push(counts[id]);
      counts[id] = 0;
      df.data[id]++;
    }
    lengths.push(tokens.length);
    rowPtr.push(rowTerms.length);
  }
  const nDocs = lengths.length;
  if (nDocs === 0) throw new EmbevalError("E_EMPTY_INPUT", "cannot build a BM25 index of an empty corpus");
  const docLengths = lengths.data.slice(0, nDocs);
  let total = 0;
  for (let d = 0; d < nDocs; d++) total += docLengths[d];
  const avgDocLen = total / nDocs;
  const nTerms = vocab.size;
  const idf = new Float32Array(nTerms);
  const indptr = new Int32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) {
    idf[t] = luceneIdf(df.data[t], nDocs);
    indptr[t + 1] = indptr[t] + df.data[t];
  }
  // Term-major (CSC) fill; docs are visited in order, so each term's docs come out sorted.
  const nnz = rowTerms.length;
  const docs = new Int32Array(nnz);
  const weights = new Float32Array(nnz);
  const fill = indptr.slice(0, nTerms);
  for (let d = 0; d < nDocs; d++) {
    for (let i = rowPtr.data[d]; i < rowPtr.data[d + 1]; i++) {
      const t = rowTerms.data[i];
      const at = fill[t]++;
      docs[at] = d;
      weights[at] = luceneWeight(idf[t], rowTf.data[i], docLengths[d], avgDocLen, params);
    }
  }
  return { params, nDocs, avgDocLen, docLengths, vocab, idf, indptr, docs, weights, tokenizer };
}
