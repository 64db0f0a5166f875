/** Stop-word lists of the Python package bm25s (bm25s/stopwords.py STOPWORDS_EN) and its `_infer_stopwords` names. */
import { EmbevalError } from "../errors.js";

/** bm25s `STOPWORDS_EN` (Lucene's English stop set, 33 words), in bm25s' order. */
export const BM25S_STOPWORDS_EN: readonly string[] = Object.freeze([
  "a",
  "an",
  "and",
  "are",
  "as",
  "at",
  "be",
  "but",
  "by",
  "for",
  "if",
  "in",
  "into",
  "is",
  "it",
  "no",
  "not",
  "of",
  "on",
  "or",
  "such",
  "that",
  "the",
  "their",
  "then",
  "there",
  "these",
  "they",
  "this",
  "to",
  "was",
  "will",
  "with",
]);

/** What `stopwords=` accepts: a bm25s language name, an explicit list, or null for none. */
export type StopwordsSpec = "en" | "english" | readonly string[] | null;

/** bm25s `_infer_stopwords` for the names embeval supports: "en"/"english" → STOPWORDS_EN, null → none. */
export function resolveStopwords(spec: StopwordsSpec): ReadonlySet<string> {
  if (spec === null) return new Set();
  if (spec === "en" || spec === "english") return new Set(BM25S_STOPWORDS_EN);
  if (Array.isArray(spec)) return new Set(spec);
  throw new EmbevalError("E_UNSUPPORTED", `stopwords ${JSON.stringify(spec)} not supported`, {
    hint: 'use "en", a list of words, or null',
  });
}
