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

describe("searchCorpus with the distance similarities equals the straightforward search", () => {
  for (const fn of ["euclidean", "manhattan"] as const) {
    it(`${fn}: every kernel choice runs the exact path; cdist's path rule on the full query set`, async () => {
      const rnd = lcg(fn === "euclidean" ? 41 : 42);
      const C = corpus(rnd, 203, 48, 0);
      const few = corpus(rnd, 12, 48, 0); // ≤ 25 queries: direct cdist for chunks of ≤ 25 documents
      const many = corpus(rnd, 30, 48, 0); // > 25 queries: the matmul path for every chunk
      for (const kernel of ["js", "onnx", "auto"] as const)
        for (const [topK, chunk] of [
          [10, 50_000],
          [10, 17],
          [1, 25],
          [300, 64],
        ]) {
          await check(fn, few, C, topK, chunk, kernel);
          await check(fn, many, C, topK, chunk, kernel);
        }
    });
    it(`${fn}: quantised data with duplicate documents and queries (exact ties, clamped self-distances)`, async () => {
      const rnd = lcg(fn === "euclidean" ? 43 : 44);
      const C = corpus(rnd, 260, 6, 3);
      const Q = matrix(new Float32Array(C.data.subarray(0, 28 * 6)), 28, 6); // queries = the first 28 documents
      for (const [topK, chunk] of [
        [5, 50_000],
        [5, 20],
        [20, 33],
        [3, 1],
      ]) {
        await check(fn, Q, C, topK, chunk, "js");
        await check(fn, matrix(Q.data.subarray(0, 5 * 6), 5, 6), C, topK, chunk, "js");
      }
    });
  }
  it("euclidean on onnxruntime's augmented Gemm: near-duplicate documents across chunks", async () => {
    const rnd = lcg(45);
    const d = 128;
    const base = Float32Array.from({ length: d }, () => rnd() - 0.5);
    const near = (rows: number, spread: number) =>
      matrix(
        Float32Array.from({ length: rows * d }, (_, i) => base[i % d] + (rnd() - 0.5) * spread),
        rows,
        d,
      );
    const C = near(900, 1e-3);
    C.data.copyWithin(5 * d, 700 * d, 701 * d); // an identical pair in different chunks
    const Q = near(40, 0.3);
    for (const [topK, chunk] of [
      [20, 300],
      [1, 50_000],
    ])
      await check("euclidean", Q, C, topK, chunk, "onnx");
  });
  it("euclidean self-matches: −1e-15 (clamp) on the matmul path, −0 on the direct path", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [i, 2 * i, 1]);
    const C = matrix(Float32Array.from(rows.flat()), 30, 3);
    const search = (nq: number) =>
      searchCorpus({
        queryIds: Array.from({ length: nq }, (_, i) => `q${i}`),
        queryEmbeddings: matrix(C.data.subarray(0, nq * 3), nq, 3),
        corpusIds: rows.map((_, i) => `d${i}`),
        corpusEmbeddings: C,
        topK: 1,
        similarity: "euclidean",
        chunkSize: 10,
        queryBlock: 4,
      });
    const clamped = -Math.fround(Math.sqrt(Math.fround(1e-30)));
    expect([...((await search(26)).get("q3") ?? new Map())]).toEqual([["d3", clamped]]);
    const direct = [...((await search(3)).get("q1") ?? new Map())];
    expect(direct).toEqual([["d1", -0]]);
    expect(Object.is(direct[0][1], -0)).toBe(true);
  });
});
