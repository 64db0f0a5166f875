/** The WebAssembly float32 `_minibatch_update_dense` kernel: bit-identical to the Math.fround emulation, hand-checked values. */
import { describe, expect, it } from "vitest";
import { minibatchUpdate, minibatchUpdateJs } from "../../../metrics/clustering/kmeans-kernels.js";
import { minibatchUpdateF32Wasm } from "../../../metrics/kernels/wasm/kernels.js";
import { lcg } from "../../helpers/kernels.js";

describe("minibatchUpdateF32Wasm", () => {
  it("hand-computed: centre 0 ← (2·[1, 1] + [3, 5] + [5, 9]) / 4 = [2.5, 4], centre 1 without members copied", () => {
    const x = Float32Array.of(3, 5, 5, 9);
    const oldC = Float32Array.of(1, 1, 7, 8);
    const newC = new Float32Array(4);
    const counts = Float32Array.of(2, 6);
    expect(minibatchUpdateF32Wasm(x, 2, 2, Int32Array.of(0, 0), oldC, newC, counts, 2)).toBe(true);
    expect(Array.from(newC)).toEqual([2.5, 4, 7, 8]);
    expect(Array.from(counts)).toEqual([4, 6]);
  });

  it("rounds in float32: 1/3 and the running sum", () => {
    // count 2 → 3: alpha = fl32(1/3); (2·1 + 1) · fl32(1/3) rounds to fl32(3 · fl32(1/3)) = 1
    const newC = new Float32Array(1);
    const counts = Float32Array.of(2);
    minibatchUpdateF32Wasm(Float32Array.of(1), 1, 1, Int32Array.of(0), Float32Array.of(1), newC, counts, 1);
    expect(newC[0]).toBe(Math.fround(3 * Math.fround(1 / 3)));
    // 2^24 + 1 + 1 in float32 stays 2^24 (each addition ties to even), unlike the float64 sum
    const big = new Float32Array(1);
    const cnt = Float32Array.of(1);
    const two = Float32Array.of(1, 1);
    minibatchUpdateF32Wasm(two, 2, 1, Int32Array.of(0, 0), Float32Array.of(2 ** 24), big, cnt, 1);
    expect(cnt[0]).toBe(3);
    expect(big[0]).toBe(Math.fround(2 ** 24 * Math.fround(1 / 3)));
  });

  const shapes = [
    [1, 1, 1],
    [7, 3, 2],
    [13, 4, 3],
    [33, 5, 4],
    [64, 7, 5],
    [100, 8, 6],
    [512, 768, 20],
    [129, 769, 9],
  ];
  for (const [nb, d, k] of shapes) {
    it(`equals the JS emulation bit for bit (nb ${nb}, d ${d}, k ${k})`, () => {
      const rnd = lcg(nb * 31 + d);
      for (const scale of [1, 1e-20, 1e18]) {
        const x = Float32Array.from({ length: nb * d }, () => (rnd() * 2 - 1) * scale);
        const oldC = Float32Array.from({ length: k * d }, () => (rnd() * 2 - 1) * scale);
        // the last centre gets no members (copied); counts include 0 and a fraction
        const labels = Int32Array.from({ length: nb }, () => Math.floor(rnd() * Math.max(k - 1, 1)));
        const counts = Float32Array.from({ length: k }, (_, j) =>
          j === 0 ? 0 : j === 1 ? 0.3 : Math.floor(rnd() * 5000),
        );
        const jsC = new Float32Array(k * d);
        const jsCounts = counts.slice();
        minibatchUpdateJs(x, nb, d, labels, oldC, jsC, jsCounts, k, true);
        const wC = new Float32Array(k * d).fill(Number.NaN);
        const wCounts = counts.slice();
        expect(minibatchUpdateF32Wasm(x, nb, d, labels, oldC, wC, wCounts, k)).toBe(true);
        for (let i = 0; i < k * d; i++) {
          if (!Object.is(wC[i], jsC[i]))
            throw new Error(`scale ${scale} entry ${i}: wasm ${wC[i]} js ${jsC[i]}`);
        }
        expect(Array.from(wCounts)).toEqual(Array.from(jsCounts));
        // the dispatching entry point gives the same
        const dC = new Float32Array(k * d);
        const dCounts = counts.slice();
        minibatchUpdate(x, nb, d, labels, oldC, dC, dCounts, k, true);
        expect(dC).toEqual(jsC);
      }
    });
  }

  it("declines shapes it does not take (the JS path runs instead)", () => {
    const one = Float32Array.of(1);
    expect(minibatchUpdateF32Wasm(one, 0, 1, new Int32Array(0), one, one, one, 1)).toBe(false);
    expect(minibatchUpdateF32Wasm(one, 1, 1, Int32Array.of(0), one, new Float32Array(0), one, 1)).toBe(false);
  });
});
