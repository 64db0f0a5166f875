/** float16 conversion against numpy 2.4 `astype(np.float16)` bits and values, and the precision bound. */
import { describe, expect, it } from "vitest";
import {
  decodeHalf,
  encodeHalf,
  float32ToHalfBits,
  halfBitsToFloat,
  roundToHalf,
} from "../../../src/embedding/float16.js";

// python3: v = np.array([...], np.float32); v.astype(np.float16).view(np.uint16); .astype(np.float32)
const INPUT = [
  0,
  1,
  -1,
  0.1,
  1 / 3,
  65504,
  65519.99,
  65520,
  1e-8,
  6e-8,
  5.96e-8,
  2.98e-8,
  2.9802322387695312e-8,
  1e-5,
  0.0001,
  -2.5,
  7.3,
  1.0009765625,
  1.00048828125,
  1.00146484375,
  6.103515625e-5,
  6.09e-5,
  1e5,
  -1e-45,
];
const NUMPY_BITS = [
  0, 15360, 48128, 11878, 13653, 31743, 31743, 31744, 0, 1, 1, 0, 0, 168, 1678, 49408, 18253, 15361, 15360,
  15362, 1024, 1022, 31744, 32768,
];
const NUMPY_BACK = [
  0,
  1,
  -1,
  0.0999755859375,
  0.333251953125,
  65504,
  65504,
  Number.POSITIVE_INFINITY,
  0,
  2 ** -24,
  2 ** -24,
  0,
  0,
  1.0013580322265625e-5,
  0.00010001659393310547,
  -2.5,
  7.30078125,
  1.0009765625,
  1,
  1.001953125,
  6.103515625e-5,
  6.091594696044922e-5,
  Number.POSITIVE_INFINITY,
  -0,
];

describe("float16", () => {
  it("bits equal numpy's round-to-nearest-even cast, including ties, subnormals, overflow and -0", () => {
    expect(INPUT.map(float32ToHalfBits)).toEqual(NUMPY_BITS);
    expect(NUMPY_BITS.map(halfBitsToFloat)).toEqual(NUMPY_BACK);
    expect(Object.is(halfBitsToFloat(32768), -0)).toBe(true);
    expect(Number.isNaN(halfBitsToFloat(float32ToHalfBits(Number.NaN)))).toBe(true);
  });
  it("every one of the 63,488 finite half values survives half → float32 → half", () => {
    for (let h = 0; h < 0x10000; h++) {
      if ((h & 0x7c00) === 0x7c00) continue;
      expect(float32ToHalfBits(halfBitsToFloat(h))).toBe(h);
    }
  });
  it("round trip error ≤ 2^-11 relative (normal range) or 2^-25 absolute (subnormal range)", () => {
    const v = new Float32Array(20000);
    let s = 12345;
    for (let i = 0; i < v.length; i++) {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      v[i] = ((s / 2 ** 31) * 2 - 1) * 10 ** ((i % 9) - 6);
    }
    const r = roundToHalf(v);
    let worst = 0;
    for (let i = 0; i < v.length; i++) {
      const bound = Math.abs(v[i]) >= 2 ** -14 ? Math.abs(v[i]) * 2 ** -11 : 2 ** -25;
      const err = Math.abs(r[i] - v[i]);
      expect(err).toBeLessThanOrEqual(bound);
      if (Math.abs(v[i]) >= 2 ** -14) worst = Math.max(worst, err / Math.abs(v[i]));
    }
    expect(worst).toBeGreaterThan(2 ** -12); // the bound is tight, the values really were rounded
    expect(Array.from(decodeHalf(encodeHalf(new Float32Array([0.5, -0.25]))))).toEqual([0.5, -0.25]);
  });
  it("a finite value beyond the float16 range is E_UNSUPPORTED, not a silent inf", () => {
    expect(() => encodeHalf(new Float32Array([1, 70000]))).toThrowError(
      expect.objectContaining({ code: "E_UNSUPPORTED" }),
    );
    expect(Array.from(encodeHalf(new Float32Array([65504])))).toEqual([31743]);
  });
});
