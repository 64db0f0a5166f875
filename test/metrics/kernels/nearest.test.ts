/** nearestNeighboursFast returns bitext.ts nearestNeighbours' indices (exact ties to the lowest index, NaN rules). */
import { describe, expect, it } from "vitest";
import { nearestNeighbours } from "../../../metrics/bitext.js";
import { nearestNeighboursFast } from "../../../metrics/kernels/nearest.js";
import { type Matrix, matrix } from "../../../metrics/matrix.js";
import { similarityMatrix } from "../../../metrics/similarity.js";
import { lcg } from "../../helpers/kernels.js";

function rows(rnd: () => number, n: number, d: number, levels: number, dupEvery = 0): Matrix {
  const data = Float32Array.from({ length: n * d }, () =>
    levels > 0 ? Math.floor(rnd() * levels) - 1 : rnd() - 0.5,
  );
  if (dupEvery > 0)
    for (let i = dupEvery; i < n; i += dupEvery)
      data.copyWithin(i * d, (i - dupEvery) * d, (i - dupEvery + 1) * d);
  return matrix(data, n, d);
}

describe("nearestNeighboursFast", () => {
  it("hand example: exact tie goes to the lowest index", async () => {
    const c = matrix(Float32Array.of(0, 1, 1, 0, 2, 0), 3, 2);
    const q = matrix(Float32Array.of(1, 0), 1, 2);
    expect([...(await nearestNeighboursFast(q, c, "cosine"))]).toEqual([1]);
    expect([...(await nearestNeighboursFast(q, c, "dot"))]).toEqual([2]);
  });
  for (const fn of ["cosine", "dot"] as const)
    it(`${fn}: equals bitext.ts on random, near-duplicate and quantised data`, async () => {
      const rnd = lcg(fn === "cosine" ? 5 : 6);
      const cases: [Matrix, Matrix][] = [
        [rows(rnd, 37, 768, 0), rows(rnd, 900, 768, 0, 7)],
        [rows(rnd, 50, 4, 3), rows(rnd, 300, 4, 3)],
      ];
      const base = rows(rnd, 1, 384, 0);
      const near = matrix(
        Float32Array.from({ length: 400 * 384 }, (_, i) => base.data[i % 384] * (1 + (rnd() - 0.5) * 1e-6)),
        400,
        384,
      );
      cases.push([rows(rnd, 20, 384, 0), near]);
      for (const [q, c] of cases) {
        const want = nearestNeighbours(q, c, fn);
        expect([...(await nearestNeighboursFast(q, c, fn, { queryBlock: 16 }))]).toEqual([...want]);
        expect([...(await nearestNeighboursFast(q, c, fn, { kernel: "js" }))]).toEqual([...want]);
      }
    });
  it("NaN rows follow the scan: a NaN first score wins", async () => {
    const c = matrix(Float32Array.of(Number.NaN, 0, 1, 0), 2, 2);
    const q = matrix(Float32Array.of(1, 0), 1, 2);
    expect([...(await nearestNeighboursFast(q, c, "dot"))]).toEqual([...nearestNeighbours(q, c, "dot")]);
    await expect(nearestNeighboursFast(q, matrix(new Float32Array(0), 0, 2), "dot")).rejects.toMatchObject({
      code: "E_EMPTY_INPUT",
    });
  });
});

describe("nearestNeighboursFast with the distance similarities", () => {
  // query [1000, 1000]; corpus row 0 = [1000, 1000.0625] (distance 0.0625), row 1 = the query itself.
  // Direct cdist (≤ 25 rows on both sides): −0.0625 vs −0 → row 1. Matmul path (> 25 queries in mteb's chunk of 100):
  // both squared distances cancel to 0 and clamp to 1e-30 → an exact tie → the lowest index, row 0.
  const corpus = matrix(Float32Array.of(1000, 1000.0625, 1000, 1000), 2, 2);
  const queries = (n: number) =>
    matrix(
      Float32Array.from({ length: 2 * n }, () => 1000),
      n,
      2,
    );
  it("euclidean follows torch.cdist's path per 100-query chunk", async () => {
    expect([...(await nearestNeighboursFast(queries(1), corpus, "euclidean"))]).toEqual([1]);
    expect(new Set(await nearestNeighboursFast(queries(26), corpus, "euclidean"))).toEqual(new Set([0]));
    // 101 queries: a chunk of 100 (matmul) and a chunk of 1 (direct)
    const p = await nearestNeighboursFast(queries(101), corpus, "euclidean");
    expect(p[99]).toBe(0);
    expect(p[100]).toBe(1);
    expect([...p]).toEqual([...nearestNeighbours(queries(101), corpus, "euclidean")]);
  });
  it("manhattan always takes the direct kernel", async () => {
    expect(new Set(await nearestNeighboursFast(queries(30), corpus, "manhattan"))).toEqual(new Set([1]));
  });
  for (const fn of ["euclidean", "manhattan"] as const)
    it(`${fn}: equals bitext.ts on quantised data with duplicates`, async () => {
      const rnd = lcg(fn === "euclidean" ? 15 : 16);
      const q = rows(rnd, 130, 5, 3, 4);
      const c = rows(rnd, 60, 5, 3, 3);
      const got = await nearestNeighboursFast(q, c, fn);
      expect([...got]).toEqual([...nearestNeighbours(q, c, fn)]);
      // brute force: the first index of the best float32 score in each query's chunk
      const chunk = matrix(q.data.subarray(0, 100 * 5), 100, 5);
      const s = similarityMatrix(fn, chunk, c);
      for (let i = 0; i < 100; i++) {
        const row = Array.from(s.subarray(i * 60, (i + 1) * 60));
        expect(got[i]).toBe(row.indexOf(Math.max(...row)));
      }
    });
});
