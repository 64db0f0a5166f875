/** bm25s' tokenizer (bm25s/tokenization.py `tokenize`): lower-case, regex `(?u)\b\w\w+\b`, stop words, then a stemmer. */
import { stemEnglish } from "./snowball-english.js";
import { resolveStopwords, type StopwordsSpec } from "./stopwords.js";

/**
 * Python's `(?u)\b\w\w+\b` as `findall` uses it: maximal runs of at least two word characters. Python's `\w`
 * is exactly `[\p{L}\p{N}_]` (checked over every code point of Unicode 14); the `u` flag counts code points.
 */
const WORD_RUN = /[\p{L}\p{N}_]{2,}/gu;

/** A stemmer: one word in, its stem out (PyStemmer `stemWord`). */
export type Stemmer = (word: string) => string;

/** Tokenizer settings, bm25s' names; the defaults are mteb's `baseline-bm25s` (stopwords "en", Snowball English). */
export interface Bm25sTokenizerOptions {
  /** Lower-case before splitting (bm25s `lower=True`). */
  readonly lower?: boolean;
  readonly stopwords?: StopwordsSpec;
  /** null: no stemming. */
  readonly stemmer?: Stemmer | null;
}

/** Split one text into words: `text.lower()` (if asked) then `re.findall(r"(?u)\b\w\w+\b", text)`. */
export function splitWords(text: string, lower = true): string[] {
  return (lower ? text.toLowerCase() : text).match(WORD_RUN) ?? [];
}

/** A configured tokenizer; it caches each word's stem (bm25s stems each distinct word once). */
export interface Bm25sTokenizer {
  /** The tokens of one text: words minus stop words (checked before stemming), each stemmed. */
  tokenize(text: string): string[];
}

/** Build bm25s' tokenizer; with no options it is the one mteb's `baseline-bm25s` uses. */
export function createBm25sTokenizer(options: Bm25sTokenizerOptions = {}): Bm25sTokenizer {
  const lower = options.lower ?? true;
  const stop = resolveStopwords(options.stopwords === undefined ? "en" : options.stopwords);
  const stemmer = options.stemmer === undefined ? stemEnglish : options.stemmer;
  const cache = new Map<string, string>();
  const stemOf = (word: string): string => {
    let s = cache.get(word);
    if (s === undefined) {
      s = stemmer === null ? word : stemmer(word);
      cache.set(word, s);
    }
    return s;
  };
  return {
    tokenize(text: string): string[] {
      const out: string[] = [];
      for (const word of splitWords(text, lower)) if (!stop.has(word)) out.push(stemOf(word));
      return out;
    },
  };
}
