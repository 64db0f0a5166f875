/** BM25 (bm25s "lucene"): idf, posting weights and ranking on a hand-computed 3-document corpus; top-k edge cases. */
import { describe, expect, it } from "vitest";
import { bm25Search, buildBm25Index, createBm25Searcher, selectTopK } from "../../../src/search/index.js";

// Tokens after stop words and stemming: d0 [cat, sat, cat, mat] (4), d1 [cat, chase, mice] (3), d2 [dog, cat] (2).
const DOCS = ["The cat sat on the cat mat", "Cats chase mice", "A dog and a cat"];
const IDS = ["d0", "d1", "d2"];

// By hand: N = 3, avgdl = 9 / 3 = 3, so k1·((1 − b) + b·dl/avgdl) = 1.5·(0.25 + 0.25·dl) = 1.875, 1.5, 1.125.
const IDF_CAT = Math.log(1 + 0.5 / 3.5); // df 3: ln(8/7)
const IDF_RARE = Math.log(1 + 2.5 / 1.5); // df 1: ln(8/3)
const f32 = Math.fround;
const W = {
  cat0: f32(f32(IDF_CAT) * (2 / (1.875 + 2))),
  cat1: f32(f32(IDF_CAT) * (1 / (1.5 + 1))),
  cat2: f32(f32(IDF_CAT) * (1 / (1.125 + 1))),
  chase1: f32(f32(IDF_RARE) * (1 / (1.5 + 1))),
  dog2: f32(f32(IDF_RARE) * (1 / (1.125 + 1))),
};

describe("buildBm25Index", () => {
  const index = buildBm25Index(DOCS);

  it("counts tokens after stop words, vocab of stems, lucene idf in float32", () => {
    expect([...index.docLengths]).toEqual([4, 3, 2]);
    expect(index.avgDocLen).toBe(3);
    expect([...index.vocab.keys()]).toEqual(["cat", "sat", "mat", "chase", "mice", "dog"]);
    expect(index.idf[index.vocab.get("cat")!]).toBe(f32(IDF_CAT));
    expect(index.idf[index.vocab.get("dog")!]).toBe(f32(IDF_RARE));
    expect(index.idf[index.vocab.get("cat")!]).toBeCloseTo(0.133531, 6);
    expect(index.params).toEqual({ k1: 1.5, b: 0.75 });
  });

  it("stores one float32 weight per (term, doc), docs sorted within a term", () => {
    const cat = index.vocab.get("cat")!;
    const [s, e] = [index.indptr[cat], index.indptr[cat + 1]];
    expect([...index.docs.subarray(s, e)]).toEqual([0, 1, 2]);
    expect([...index.weights.subarray(s, e)]).toEqual([W.cat0, W.cat1, W.cat2]);
    expect(W.cat0).toBeCloseTo(0.0689194, 6);
    expect(W.cat1).toBeCloseTo(0.0534126, 6);
    expect(index.indptr[index.indptr.length - 1]).toBe(8);
  });

  it("rejects an empty corpus and bad parameters", () => {
    expect(() => buildBm25Index([])).toThrow(/empty corpus/);
    expect(() => buildBm25Index(DOCS, { b: 2 })).toThrow(/0 <= b <= 1/);
  });
});

describe("search", () => {
  const index = buildBm25Index(DOCS);
  const searcher = createBm25Searcher(index);

  it("scores a query by summing its tokens' weights (float32)", () => {
    expect([...searcher.scores("cats")]).toEqual([W.cat0, W.cat1, W.cat2]);
    expect([...searcher.scores("dog chasing")]).toEqual([0, W.chase1, W.dog2]);
    // A repeated query token counts twice (bm25s keeps duplicates); unknown and stop words are dropped.
    expect([...searcher.scores("the cat cat unicorn")]).toEqual([
      f32(W.cat0 + W.cat0),
      f32(W.cat1 + W.cat1),
      f32(W.cat2 + W.cat2),
    ]);
    expect(searcher.termIds("the cat unicorn cat")).toEqual([0, 0]);
  });

  it("ranks best first and fills with zero-score documents up to k", () => {
    const run = bm25Search(index, IDS, [
      { id: "q1", text: "cat" },
      { id: "q2", text: "dog chasing" },
      { id: "q3", text: "unicorn" },
    ]);
    expect([...run.get("q1")!]).toEqual([
      ["d0", W.cat0],
      ["d2", W.cat2],
      ["d1", W.cat1],
    ]);
    expect([...run.get("q2")!]).toEqual([
      ["d2", W.dog2],
      ["d1", W.chase1],
      ["d0", 0],
    ]);
    expect([...run.get("q3")!]).toEqual([
      ["d0", 0],
      ["d1", 0],
      ["d2", 0],
    ]);
    const top1 = bm25Search(index, IDS, [{ id: "q", text: "dog chase" }], 1);
    expect([...top1.get("q")!]).toEqual([["d2", W.dog2]]);
  });

  it("checks its arguments", () => {
    expect(() => bm25Search(index, ["d0"], [])).toThrow(/doc ids/);
    expect(() => searcher.topK("cat", 0)).toThrow(/positive integer/);
  });
});

describe("selectTopK", () => {
  it("breaks score ties by lower index and keeps the k best of many candidates", () => {
    const scores = new Float32Array([0.5, 2, 0, 2, 1, 0.5, 0]);
    const cand = new Int32Array([5, 3, 0, 1, 4]);
    const top = selectTopK(scores, cand, cand.length, 4);
    expect([...top.docs]).toEqual([1, 3, 4, 0]);
    expect([...top.scores]).toEqual([2, 2, 1, 0.5]);
    const all = selectTopK(scores, cand, cand.length, 10);
    expect([...all.docs]).toEqual([1, 3, 4, 0, 5, 2, 6]);
    expect([...all.scores]).toEqual([2, 2, 1, 0.5, 0.5, 0, 0]);
  });

  it("agrees with a full sort on random data", () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const n = 500;
    const scores = new Float32Array(n);
    const cand: number[] = [];
    for (let d = 0; d < n; d++) {
      if (rand() < 0.6) {
        scores[d] = Math.floor(rand() * 20) + 1; // many ties
        cand.push(d);
      }
    }
    const expected = [...Array(n).keys()].sort((a, b) => scores[b] - scores[a] || a - b).slice(0, 100);
    expect([...selectTopK(scores, Int32Array.from(cand), cand.length, 100).docs]).toEqual(expected);
  });
});
