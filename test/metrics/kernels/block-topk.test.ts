/** blockTopk: an approximate Gemm anywhere within its error bound still yields the exact kernel's top-k. */
import { describe, expect, it } from "vitest";
import {
  blockTopk,
  nanError,
  type Operand,
  rowNorms,
  tiedRowsTopk,
} from "../../../metrics/kernels/block-topk.js";
import { adversarialGemm, lcg, nearDuplicates } from "../../helpers/kernels.js";

function op(rnd: () => number, rows: number, cols: number): Operand {
  return { rows, cols, data: Float32Array.from({ length: rows * cols }, () => rnd() - 0.5) };
}

describe("blockTopk", () => {
  it("equals the exact path under a perturbed Gemm (many reorderings near the cut)", async () => {
    const rnd = lcg(17);
    let reordered = 0;
    let tiedTotal = 0;
    const onNaN = nanError(Array.from({ length: 20 }, (_, i) => `q${i}`));
    for (const [n, d, k] of [
      [2000, 8, 101],
      [500, 64, 11],
      [300, 3, 300],
      [400, 2, 50],
    ]) {
      const q = op(rnd, 20, d);
      const c = nearDuplicates(rnd, n, d);
      const norms = rowNorms(c);
      const chunk = { ...c, maxNorm: norms.reduce((x, y) => Math.max(x, y), 0) };
      const want = await blockTopk(q, 2, 15, chunk, k, undefined, new Float64Array(0), onNaN);
      const gemm = adversarialGemm(rnd);
      const qNorms = rowNorms(q);
      const got = await blockTopk(q, 2, 15, chunk, k, gemm, qNorms, onNaN);
      const tied = got.flatMap((t, r) => (t ? [] : [2 + r]));
      tiedTotal += tied.length;
      const fixed = await tiedRowsTopk(q, tied, chunk, k, qNorms, onNaN);
      tied.forEach((qi, t) => {
        got[qi - 2] = fixed[t];
      });
      expect(got).toEqual(want);
      // the perturbation really changes the approximate selection (else this test could not fail)
      const approx = await gemm.run(q.data.subarray(2 * d), 15, c.data, n, d);
      for (let r = 0; r < 15; r++) {
        const row = approx.subarray(r * n, (r + 1) * n);
        const byApprox = [...row.keys()].sort((x, y) => row[y] - row[x]).slice(0, k);
        if (byApprox.join() !== want[r]?.positions.join()) reordered++;
      }
    }
    expect(reordered).toBeGreaterThan(5);
    expect(tiedTotal, "rows sent to the exact tie path").toBeGreaterThan(0);
  });
  it("throws E_NOT_FINITE naming the query", async () => {
    const q: Operand = { rows: 1, cols: 2, data: Float32Array.of(Number.NaN, 1) };
    const c = { rows: 2, cols: 2, data: Float32Array.of(1, 0, 0, 1), maxNorm: 1 };
    await expect(
      blockTopk(q, 0, 1, c, 1, undefined, new Float64Array(0), nanError(["qx"])),
    ).rejects.toMatchObject({
      code: "E_NOT_FINITE",
      message: expect.stringContaining("qx"),
    });
  });
});
