/** mteb's CompressionWrapper quantization, checked on hand-computed values. */
import { describe, expect, it } from "vitest";
import { fromRows } from "../../metrics/matrix.js";
import { quantizeEmbeddings } from "../../metrics/quantize.js";

describe("quantizeEmbeddings", () => {
  it("binary: x > 0 → 1, else 0 (zero and negative zero are 0)", () => {
    const q = quantizeEmbeddings(fromRows([[0.5, 0, -0.1, -0]]), "binary");
    expect(Array.from(q.data)).toEqual([1, 0, 0, 0]);
  });
  it("int8: per-dimension min/max of this call, floor((x-min)/step) - 128", () => {
    // dim 0: min -1, max 1, step fround(2/255) = 0.0078431377…, so the max lands on floor(254.99998) - 128 = 126
    // (float32, as torch computes it); dim 1: min 0, max 255, step 1.
    const q = quantizeEmbeddings(
      fromRows([
        [-1, 0],
        [1, 255],
        [0, 100.5],
      ]),
      "int8",
    );
    expect(Array.from(q.data)).toEqual([-128, -128, 126, 127, -1, 100 - 128]);
  });
  it("int4: 15 levels, offset 8; a constant dimension gives NaN as in mteb (0/0)", () => {
    const q = quantizeEmbeddings(
      fromRows([
        [0, 3],
        [1.5, 3],
        [3, 3],
      ]),
      "int4",
    );
    expect(Array.from(q.data.filter((_, i) => i % 2 === 0))).toEqual([-8, Math.floor(1.5 / 0.2) - 8, 7]);
    expect(q.data[1]).toBeNaN();
  });
  it("float8 e4m3fn and e5m2: round half to even on the float8 grid, e4m3fn overflow is NaN", () => {
    const e4 = quantizeEmbeddings(fromRows([[1.0625, 1.1875, 0.3, 500, 2 ** -9, 2 ** -11]]), "float8_e4m3fn");
    // 1.0625 is halfway between 1 and 1.125 → 1 (even); 1.1875 halfway between 1.125 and 1.25 → 1.25 (even).
    expect(Array.from(e4.data)).toEqual([1, 1.25, 0.3125, Number.NaN, 2 ** -9, 0]);
    // e5m2's largest finite value is 57344; 60000 rounds to it, 63000 rounds up to 65536 = overflow → inf.
    const e5 = quantizeEmbeddings(fromRows([[1.125, 0.3, 60000, -63000]]), "float8_e5m2");
    expect(Array.from(e5.data)).toEqual([1, 0.3125, 57344, Number.NEGATIVE_INFINITY]);
  });
});
