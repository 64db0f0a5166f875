/** Streaming search on the fast kernels returns exactly the straightforward search's run (ids, scores, dict order). */
import { describe, expect, it } from "vitest";
import { onnxGemm } from "../../../metrics/kernels/onnx-gemm.js";
import { type Matrix, matrix } from "../../../metrics/matrix.js";
import { type SearchKernel, searchCorpus } from "../../../metrics/retrieval/search.js";
import type { Run } from "../../../metrics/retrieval/types.js";
import type { SimilarityFn } from "../../../metrics/similarity.js";
import { lcg } from "../../helpers/kernels.js";
import { referenceSearch } from "./search-reference.js";

/** Random rows; `levels` > 0 quantises entries to few integers (many exact score ties); duplicates straddle chunks. */
function corpus(rnd: () => number, n: number, d: number, levels: number, f64 = false): Matrix {
  const vals = Array.from({ length: n * d }, () =>
    levels > 0 ? Math.floor(rnd() * levels) - (levels >> 1) : rnd() - 0.5,
  );
  const data = f64 ? Float64Array.from(vals) : Float32Array.from(vals);
  for (let i = 1; i < n; i += 7) {
    const src = Math.floor(rnd() * n);
    data.copyWithin(i * d, src * d, src * d + d); // an identical document elsewhere in the corpus
  }
  return matrix(data, n, d);
}

/** Entries in order: same keys, same insertion order, same float32 scores. */
function entries(run: Run): [string, [string, number][]][] {
  return [...run].map(([q, docs]) => [q, [...docs]]);
}

async function check(
  fn: SimilarityFn,
  Q: Matrix,
  C: Matrix,
  topK: number,
  chunkSize: number,
  kernel: SearchKernel,
) {
  const queryIds = Array.from({ length: Q.rows }, (_, i) => `q${i}`);
  // ids whose code-point order differs from the index order, so "larger id wins" is really exercised
  const corpusIds = Array.from({ length: C.rows }, (_, i) => `d${(i * 7919) % 10007}`);
  const got = await searchCorpus({
    queryIds,
    queryEmbeddings: Q,
    corpusIds,
    corpusEmbeddings: C,
    topK,
    similarity: fn,
    chunkSize,
    kernel,
    queryBlock: 5,
  });
  const want = referenceSearch(queryIds, Q, corpusIds, C, topK, fn, chunkSize);
  expect(entries(got), `${fn} top${topK} chunk ${chunkSize} ${kernel}`).toEqual(entries(want));
}

describe("searchCorpus kernels equal the straightforward search", () => {
  it("onnxruntime is available (otherwise the onnx cases below would silently test the JS kernel)", async () => {
    expect(await onnxGemm()).toBeDefined();
  });
  for (const kernel of ["js", "onnx", "onnx-gemm", "onnx-f64"] as const) {
    for (const fn of ["cosine", "dot"] as const) {
      it(`${kernel} ${fn}: continuous random data, d=96, several chunkings and top_k`, async () => {
        const rnd = lcg(fn === "cosine" ? 1 : 2);
        const C = corpus(rnd, 403, 96, 0);
        const Q = corpus(rnd, 12, 96, 0);
        for (const [topK, chunk] of [
          [10, 50_000],
          [10, 64],
          [1, 17],
          [500, 100],
        ])
          await check(fn, Q, C, topK, chunk, kernel);
      });
      it(`${kernel} ${fn}: quantised data full of exact ties, ties across chunk boundaries`, async () => {
        const rnd = lcg(fn === "cosine" ? 3 : 4);
        const C = corpus(rnd, 300, 6, 3);
        const Q = corpus(rnd, 9, 6, 3);
        for (const [topK, chunk] of [
          [5, 50_000],
          [5, 40],
          [20, 33],
          [3, 1],
        ])
          await check(fn, Q, C, topK, chunk, kernel);
      });
    }
    it(`${kernel}: float64 embeddings are searched in float32 like torch`, async () => {
      const rnd = lcg(9);
      await check("cosine", corpus(rnd, 7, 300, 0, true), corpus(rnd, 257, 300, 0, true), 8, 100, kernel);
    });
  }
  it("near-duplicate documents whose scores differ by a few ulps: float32 Gemm reorders them, rescoring restores", async () => {
    const rnd = lcg(33);
    const d = 768;
    const base = Float32Array.from({ length: d }, () => rnd() - 0.5);
    const C = matrix(new Float32Array(600 * d), 600, d);
    for (let i = 0; i < 600; i++)
      for (let k = 0; k < d; k++) C.data[i * d + k] = base[k] * (1 + (rnd() - 0.5) * 2e-6);
    const Q = matrix(
      Float32Array.from({ length: 6 * d }, (_, i) => base[i % d] + (rnd() - 0.5) * 0.3),
      6,
      d,
    );
    for (const fn of ["cosine", "dot"] as const)
      for (const [topK, chunk] of [
        [50, 50_000],
        [7, 128],
      ])
        for (const kernel of ["onnx", "onnx-f64"] as const) await check(fn, Q, C, topK, chunk, kernel);
  });
  it("auto picks onnxruntime for large blocks and still equals the reference (d=768, 2 chunks)", async () => {
    const rnd = lcg(21);
    await check("cosine", corpus(rnd, 40, 768, 0), corpus(rnd, 1200, 768, 0), 100, 700, "auto");
  });
  it("a tie at the cut across chunks keeps the larger id; dims must agree", async () => {
    const C = matrix(Float32Array.of(1, 0, 1, 0, 1, 0, 0, 1), 4, 2);
    for (const kernel of ["js", "onnx"] as const) {
      const run = await searchCorpus({
        queryIds: ["q"],
        queryEmbeddings: matrix(Float32Array.of(1, 0), 1, 2),
        corpusIds: ["a", "c", "b", "z"],
        corpusEmbeddings: C,
        topK: 2,
        similarity: "cosine",
        chunkSize: 2,
        kernel,
      });
      expect([...(run.get("q") ?? new Map()).keys()]).toEqual(["b", "c"]);
    }
    await expect(
      searchCorpus({
        queryIds: ["q"],
        queryEmbeddings: matrix(Float32Array.of(1, 0, 0), 1, 3),
        corpusIds: ["a", "c", "b", "z"],
        corpusEmbeddings: C,
        topK: 2,
        similarity: "dot",
      }),
    ).rejects.toMatchObject({ code: "E_EMBEDDING_DIM" });
  });
});
