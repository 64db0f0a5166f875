/** Full-corpus search: mteb's chunked top-k heap (larger id wins a tie at the cut), same result as brute force. */
import { describe, expect, it } from "vitest";
import { fromRows } from "../../../metrics/matrix.js";
import { compareCodePoints } from "../../../metrics/ranking.js";
import { searchCorpus } from "../../../metrics/retrieval/search.js";
import { cosSim } from "../../../metrics/similarity.js";
import { lcg } from "../../helpers/kernels.js";

describe("searchCorpus", () => {
  // Where no tie straddles a torch.topk cut, mteb's chunked heap equals the global top-k (spec §4.2); ties inside a
  // chunk follow torch's CPU topk (torchTopkIndices), tested with the reranking oracle cases.
  it("equals the global top-k by (score desc, id desc) for any chunking", async () => {
    const rnd = lcg(7);
    const docs = Array.from({ length: 301 }, () => Array.from({ length: 8 }, () => rnd() - 0.5));
    docs[10] = docs[11].map((x) => x * 2); // the same cosine as doc 11: an exact tie
    const queries = Array.from({ length: 6 }, () => Array.from({ length: 8 }, () => rnd() - 0.5));
    const corpusIds = docs.map((_, i) => `d${i}`);
    const queryIds = queries.map((_, i) => `q${i}`);
    const Q = fromRows(queries);
    const C = fromRows(docs);
    const full = cosSim(Q, C);
    for (const chunkSize of [1, 7, 64, 50_000]) {
      const run = await searchCorpus({
        queryIds,
        queryEmbeddings: Q,
        corpusIds,
        corpusEmbeddings: C,
        topK: 7,
        similarity: "cosine",
        chunkSize,
      });
      queryIds.forEach((q, qi) => {
        const expected = corpusIds
          .map((id, j) => ({ id, s: full[qi * docs.length + j] }))
          .sort((a, b) => b.s - a.s || compareCodePoints(b.id, a.id))
          .slice(0, 7);
        const got = [...(run.get(q) ?? new Map()).entries()].map(([id, s]) => ({ id, s }));
        got.sort((a, b) => b.s - a.s || compareCodePoints(b.id, a.id));
        expect(got, `${q} chunk ${chunkSize}`).toEqual(expected);
      });
    }
  });
  it("a tie at the cut keeps the larger id (Python tuple order in heapq)", async () => {
    const C = fromRows([
      [1, 0],
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    const run = await searchCorpus({
      queryIds: ["q"],
      queryEmbeddings: fromRows([[1, 0]]),
      corpusIds: ["a", "c", "b", "z"],
      corpusEmbeddings: C,
      topK: 2,
      similarity: "cosine",
      chunkSize: 1,
    });
    expect([...(run.get("q") ?? new Map()).keys()].sort()).toEqual(["b", "c"]);
  });
  it("accepts the corpus as a chunk loader and rejects NaN similarities", async () => {
    const C = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const run = await searchCorpus({
      queryIds: ["q"],
      queryEmbeddings: fromRows([[1, 0]]),
      corpusIds: ["x", "y"],
      corpusEmbeddings: (s, e) =>
        fromRows(
          [
            [1, 2],
            [3, 4],
          ].slice(s, e),
        ),
      topK: 5,
      similarity: "dot",
    });
    expect(run.get("q")).toEqual(
      new Map([
        ["x", 1],
        ["y", 3],
      ]),
    );
    await expect(
      searchCorpus({
        queryIds: ["q"],
        queryEmbeddings: fromRows([[Number.NaN, 0]]),
        corpusIds: ["x", "y"],
        corpusEmbeddings: C,
        topK: 1,
        similarity: "dot",
      }),
    ).rejects.toMatchObject({ code: "E_NOT_FINITE" });
  });

  it("reports NaN/Inf embeddings by query on the onnxruntime kernels too (the candidate path needs finite rows)", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [Math.sin(i), Math.cos(i), i / 40]);
    for (const kernel of ["onnx", "onnx-gemm"] as const)
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
        const corpus = rows.map((r, i) => (i === 17 ? [bad, 0, 0] : r));
        await expect(
          searchCorpus({
            queryIds: ["qa", "qb"],
            queryEmbeddings: fromRows([rows[1], rows[2]]),
            corpusIds: rows.map((_, i) => `d${i}`),
            corpusEmbeddings: fromRows(corpus),
            topK: 5,
            similarity: "cosine",
            kernel,
          }),
        ).rejects.toMatchObject({ code: "E_NOT_FINITE", message: expect.stringContaining("qa") });
      }
  });
});
