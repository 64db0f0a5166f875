/** The typed-array torch.topk port returns exactly retrieval/torch-topk.ts's indices, tie order included. */
import { describe, expect, it } from "vitest";
import { torchTopkIndicesFast } from "../../../metrics/kernels/torch-topk-fast.js";
import { torchTopkIndices } from "../../../metrics/retrieval/torch-topk.js";
import { lcg } from "../../helpers/kernels.js";

describe("torchTopkIndicesFast", () => {
  it("hand example with ties: [1, 3, 3, 2] top 3", () => {
    expect(torchTopkIndicesFast(Float32Array.of(1, 3, 3, 2), 3)).toEqual(torchTopkIndices([1, 3, 3, 2], 3));
    expect(torchTopkIndicesFast(Float32Array.of(1, 3, 3, 2), 0)).toEqual([]);
  });
  it("equals torchTopkIndices on random rows full of ties, both algorithm branches", () => {
    const rnd = lcg(99);
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + Math.floor(rnd() * (trial < 300 ? 200 : 5000));
      const levels = [2, 5, 50, 1e9][trial % 4];
      const v = Float32Array.from({ length: n }, () => Math.floor(rnd() * levels));
      const k = trial % 3 === 0 ? Math.max(1, Math.floor(n / 64)) : 1 + Math.floor(rnd() * n);
      expect(torchTopkIndicesFast(v, k), `n=${n} k=${k} levels=${levels}`).toEqual(torchTopkIndices(v, k));
    }
  });
});
