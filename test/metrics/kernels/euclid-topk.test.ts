/** The augmented-Gemm euclidean top-k equals torch's topk over the exact −cdist row (matmul path), ties judged on z. */
import { describe, expect, it } from "vitest";
import type { Operand } from "../../../metrics/kernels/block-topk.js";
import { euclidOperands, euclidTopk, largestSquareFor } from "../../../metrics/kernels/euclid-topk.js";
import type { GemmKernel } from "../../../metrics/kernels/onnx-gemm.js";
import { torchTopkIndices } from "../../../metrics/retrieval/torch-topk.js";
import { distanceRows, torchSquaredRowSums } from "../../../metrics/similarity.js";
import { adversarialGemm, lcg, nearDuplicates } from "../../helpers/kernels.js";

const noNaN = (qi: number): never => {
  throw new Error(`NaN in row ${qi}`);
};

function sq(m: Operand): Float32Array {
  return torchSquaredRowSums(m.data, m.rows, m.cols, "float32") as Float32Array;
}

function quantised(rnd: () => number, rows: number, cols: number): Operand {
  const data = Float32Array.from({ length: rows * cols }, () => Math.floor(rnd() * 3) - 1);
  for (let i = 3; i < rows; i += 5) data.copyWithin(i * cols, (i - 3) * cols, (i - 2) * cols);
  return { rows, cols, data };
}

async function expectExact(gemm: GemmKernel, q: Operand, c: Operand, k: number) {
  const ops = euclidOperands(q, sq(q), c, sq(c));
  let calls = 0;
  const counting: GemmKernel = {
    run: (a, m, b, n, d) => {
      calls++;
      expect(d).toBe(q.cols + 2); // the augmented rows
      return gemm.run(a, m, b, n, d);
    },
    release: async () => {},
  };
  const got = await euclidTopk(counting, ops, 0, q.rows, k, noNaN);
  expect(calls).toBe(1);
  const full = distanceRows("euclidean", q, 0, q.rows, c, { matmul: true });
  for (let i = 0; i < q.rows; i++) {
    const row = full.subarray(i * c.rows, (i + 1) * c.rows);
    const want = torchTopkIndices(row, k);
    expect(got[i].positions, `row ${i}`).toEqual(want);
    expect(got[i].scores).toEqual(want.map((j) => row[j]));
  }
}

describe("largestSquareFor", () => {
  it("is the top of the float32 sqrt's preimage", () => {
    expect(largestSquareFor(1)).toBe(1 + 2 ** -23);
    expect(Math.fround(Math.sqrt(largestSquareFor(3)))).toBe(3);
    const clamp = Math.fround(Math.sqrt(Math.fround(1e-30)));
    const s = largestSquareFor(clamp);
    expect(s).toBeGreaterThanOrEqual(Math.fround(1e-30));
    expect(Math.fround(Math.sqrt(s))).toBe(clamp);
  });
});

describe("euclidTopk", () => {
  it("continuous data through an adversarial Gemm (errors up to the bound)", async () => {
    const rnd = lcg(71);
    const q: Operand = { rows: 9, cols: 40, data: Float32Array.from({ length: 360 }, () => rnd() - 0.5) };
    const c: Operand = { rows: 300, cols: 40, data: Float32Array.from({ length: 12000 }, () => rnd() - 0.5) };
    for (const k of [1, 10, 300]) await expectExact(adversarialGemm(lcg(k)), q, c, k);
  });
  it("near-duplicate documents: distinct products that share a float32 distance", async () => {
    const rnd = lcg(72);
    const c = nearDuplicates(rnd, 400, 64, 1e-3);
    const q = nearDuplicates(rnd, 6, 64, 0.5);
    for (const k of [5, 50]) await expectExact(adversarialGemm(lcg(k + 1)), q, c, k);
  });
  it("quantised data full of exact ties and self-matches (the 1e-30 clamp)", async () => {
    const rnd = lcg(73);
    const c = quantised(rnd, 200, 5);
    const q: Operand = { rows: 30, cols: 5, data: c.data.slice(0, 150) };
    for (const k of [1, 4, 21]) await expectExact(adversarialGemm(lcg(k + 2)), q, c, k);
  });
});
