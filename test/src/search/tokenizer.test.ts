/** bm25s tokenizer: Python's `(?u)\b\w\w+\b` after `lower()`, bm25s' English stop words, Snowball English stems. */
import { describe, expect, it } from "vitest";
import { BM25S_STOPWORDS_EN, resolveStopwords } from "../../../src/search/stopwords.js";
import { createBm25sTokenizer, splitWords } from "../../../src/search/tokenizer.js";

describe("splitWords", () => {
  it("keeps maximal runs of >= 2 Unicode word characters, as Python re.findall does", () => {
    // Expected list printed by CPython 3.11: re.findall(r"(?u)\b\w\w+\b", s.lower()).
    const s =
      "a b cd e_f x1 √2 naïve ÜNÏCODE 東京 𝐀𝐁 İstanbul don't 3.14 ΟΔΟΣ U.S.A. COVID-19 α-synuclein x²";
    expect(splitWords(s)).toEqual([
      "cd",
      "e_f",
      "x1",
      "naïve",
      "ünïcode",
      "東京",
      "𝐀𝐁",
      "stanbul",
      "don",
      "14",
      "\u03bf\u03b4\u03bf\u03c2", // Python lower() writes final sigma, as JS does
      "covid",
      "19",
      "synuclein",
      "x²",
    ]);
  });

  it("splits at combining marks (not \\w for Python) and counts astral characters once", () => {
    expect(splitWords("nai\u0308ve")).toEqual(["nai", "ve"]);
    expect(splitWords("𝐀 b 𝐀𝐁")).toEqual(["𝐀𝐁"]);
  });

  it("lower-cases only when asked", () => {
    expect(splitWords("Hello World", false)).toEqual(["Hello", "World"]);
    expect(splitWords("")).toEqual([]);
  });
});

describe("stop words", () => {
  it("is bm25s' STOPWORDS_EN (33 words)", () => {
    expect(BM25S_STOPWORDS_EN).toHaveLength(33);
    expect(BM25S_STOPWORDS_EN.slice(0, 5)).toEqual(["a", "an", "and", "are", "as"]);
    expect(BM25S_STOPWORDS_EN).toContain("with");
    expect(BM25S_STOPWORDS_EN).not.toContain("from");
    expect(resolveStopwords("english")).toEqual(new Set(BM25S_STOPWORDS_EN));
    expect(resolveStopwords(null).size).toBe(0);
    expect(resolveStopwords(["x"])).toEqual(new Set(["x"]));
    expect(() => resolveStopwords("fr" as "en")).toThrow(/not supported/);
  });
});

describe("createBm25sTokenizer", () => {
  it("defaults to mteb's baseline-bm25s: stop words removed before stemming, then Snowball English", () => {
    const tok = createBm25sTokenizer();
    expect(tok.tokenize("The runners were Running into THESE generously-sized cats")).toEqual([
      "runner",
      "were",
      "run",
      "generous",
      "size",
      "cat",
    ]);
    // "thes" is not a stop word although "these" stems to it; "these" itself is dropped before stemming.
    expect(tok.tokenize("these thes")).toEqual(["thes"]);
  });

  it("can keep stop words and skip stemming", () => {
    const tok = createBm25sTokenizer({ stopwords: null, stemmer: null });
    expect(tok.tokenize("The cats are running")).toEqual(["the", "cats", "are", "running"]);
    const custom = createBm25sTokenizer({ stopwords: ["cats"], stemmer: (w) => w.toUpperCase() });
    expect(custom.tokenize("The cats are running")).toEqual(["THE", "ARE", "RUNNING"]);
  });
});
