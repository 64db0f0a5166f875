/** nearestNeighboursFast returns bitext.ts nearestNeighbours' indices (exact ties to the lowest index, NaN rules). */
import { describe, expect, it } from "vitest";
import { nearestNeighbours } from "../../../metrics/bitext.js";
import { nearestNeighboursFast } from "../../../metrics/kernels/nearest.js";
import { type Matrix, matrix } from "../../../metrics/matrix.js";
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
