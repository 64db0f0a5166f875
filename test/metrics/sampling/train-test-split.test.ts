/** Tests for HF datasets train_test_split (plain and stratified) and class_encode_column against spec 15.6 and HF stratify.py run under numpy 2.4.6. */
import { describe, expect, it } from "vitest";
import { defaultRng } from "../../../metrics/rng/generator.js";
import { classEncode, compareCodePoints, pyFloatRepr } from "../../../metrics/sampling/class-encode.js";
import {
  approximateMode,
  splitSizes,
  stratifiedTrainTestSplit,
  trainTestSplit,
} from "../../../metrics/sampling/train-test-split.js";
import { errorCode } from "../../helpers/errors.js";
import { HF } from "../rng/vectors.js";

describe("trainTestSplit (plain)", () => {
  it("spec 15.6: N = 20, n_test = 5, seed 42", () => {
    const { train, test } = trainTestSplit(20, 5, 42);
    expect(test).toEqual([15, 9, 14, 7, 12]);
    expect(train).toEqual(HF.p1.train);
  });

  it("fractional test_size uses ceil(frac * N)", () => {
    expect(trainTestSplit(1000, 0.33, 7)).toEqual(HF.p2);
    expect(trainTestSplit(10, 0.15, 42)).toEqual(HF.p3);
    expect(splitSizes(102, 0.1)).toEqual({ nTrain: 91, nTest: 11 });
  });

  it("rejects test sizes HF rejects", () => {
    expect(errorCode(() => trainTestSplit(10, 10, 1))).toBe("E_INVALID_ARGUMENT");
    expect(errorCode(() => trainTestSplit(10, 0, 1))).toBe("E_INVALID_ARGUMENT");
    expect(errorCode(() => trainTestSplit(10, 1.5, 1))).toBe("E_INVALID_ARGUMENT");
  });
});

describe("approximateMode", () => {
  for (const c of HF.am) {
    it(`approximate_mode(${JSON.stringify(c.counts)}, ${c.n}) with default_rng(${c.seed}) and the RNG consumed`, () => {
      const gen = defaultRng(c.seed);
      expect(approximateMode(c.counts, c.n, gen)).toEqual(c.result);
      expect(gen.nextUint64()).toBe(BigInt(c.next));
    });
  }

  it("consumes RNG even when all tied classes are taken (k == len(inds))", () => {
    // counts [3,3,3,3], n = 8: remainders all 0 -> no draws; n = 6: remainders .5 x4, need 2 -> draws.
    const g = defaultRng(5);
    expect(approximateMode([3, 3, 3, 3], 8, g)).toEqual([2, 2, 2, 2]);
    expect(g.nextUint64()).toBe(defaultRng(5).nextUint64());
    // counts [2, 2], n = 3: remainder .5 twice, need 1 -> Floyd on 2 items consumes a draw
    const h = defaultRng(5);
    const r = approximateMode([2, 2], 3, h);
    expect(r[0] + r[1]).toBe(3);
    expect(h.nextUint64()).not.toBe(defaultRng(5).nextUint64());
  });
});

describe("stratifiedTrainTestSplit", () => {
  it("spec 15.6: y = [0]*10 + [1]*6 + [2]*4, n_test = 5, seed 42", () => {
    const y = [...Array(10).fill(0), ...Array(6).fill(1), ...Array(4).fill(2)];
    const { train, test } = stratifiedTrainTestSplit(y, 5, 42);
    expect(test).toEqual([10, 11, 9, 17, 1]);
    expect(train).toEqual([13, 14, 16, 5, 3, 6, 15, 4, 12, 0, 8, 18, 7, 19, 2]);
  });

  it("spec 15.6: shuffled labels 1..3, n_test = 7, seed 42", () => {
    const y = [3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 3, 3, 1, 2, 2, 1, 3, 2, 1, 3, 3, 2, 1, 1, 2, 3, 1, 2, 3, 3];
    const { train, test } = stratifiedTrainTestSplit(y, 7, 42);
    expect(test).toEqual([26, 16, 28, 4, 24, 25, 5]);
    expect(train).toEqual(HF.s2.train);
  });

  it("200 rows, 7 classes, fraction 0.25 and count 37", () => {
    expect(stratifiedTrainTestSplit(HF.y3, 0.25, 1)).toEqual(HF.s3);
    expect(stratifiedTrainTestSplit(HF.y3, 37, 2024)).toEqual(HF.s3b);
  });

  it("unsorted, non-contiguous labels with a rare class, fraction 0.1", () => {
    expect(stratifiedTrainTestSplit(HF.y4, 0.1, 42)).toEqual(HF.s4);
  });

  it("errors: a class with one member, too few test rows for the classes", () => {
    expect(errorCode(() => stratifiedTrainTestSplit([0, 0, 1, 2, 2], 2, 1))).toBe("E_INVALID_ARGUMENT");
    expect(errorCode(() => stratifiedTrainTestSplit([0, 0, 1, 1, 2, 2], 2, 1))).toBe("E_INVALID_ARGUMENT");
    expect(errorCode(() => stratifiedTrainTestSplit([0, 0, 1, 1, 2, 2], 4, 1))).toBe("E_INVALID_ARGUMENT");
  });

  it("does not mutate its input and is a partition of the requested sizes", () => {
    const y = HF.y3.slice();
    const { train, test } = stratifiedTrainTestSplit(y, 50, 3);
    expect(y).toEqual(HF.y3);
    expect(test).toHaveLength(50);
    expect(train).toHaveLength(150);
    expect(new Set([...train, ...test]).size).toBe(200);
  });
});

describe("classEncode (class_encode_column)", () => {
  it("sorts by code point, not UTF-16 units", () => {
    const r = classEncode(["b", "a", "B", "é", "😀", "ｚ", "a", "10", "9"]);
    expect(r.names).toEqual(["10", "9", "B", "a", "b", "é", "ｚ", "😀"]);
    expect(r.ids).toEqual([4, 3, 2, 5, 7, 6, 3, 0, 1]);
    expect(Math.sign(compareCodePoints("😀", "ｚ"))).toBe(1);
    expect(Math.sign(compareCodePoints("ab", "abc"))).toBe(-1);
    expect(Math.sign(compareCodePoints("x", "x"))).toBe(0);
  });

  it("stringifies ints and booleans like Python", () => {
    const r = classEncode([3, 1, 10, 2, true, false, -1]);
    expect(r.names).toEqual(["-1", "1", "10", "2", "3", "False", "True"]);
    expect(r.ids).toEqual([4, 1, 2, 3, 6, 5, 0]);
  });

  it("Python float repr for float columns", () => {
    const xs = [
      1.5,
      0.1,
      1e-5,
      1e16,
      2.0,
      123456789012345.6,
      1e-4,
      -0.0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ];
    const want = ["1.5", "0.1", "1e-05", "1e+16", "2.0", "123456789012345.6", "0.0001", "-0.0", "nan", "inf"];
    expect(xs.map(pyFloatRepr)).toEqual(want);
    const more = [5e-324, 1.7976931348623157e308, 0.30000000000000004, 1234567890123456.0, 12345678901234568];
    expect(more.map(pyFloatRepr)).toEqual([
      "5e-324",
      "1.7976931348623157e+308",
      "0.30000000000000004",
      "1234567890123456.0",
      "1.2345678901234568e+16",
    ]);
    expect(classEncode([2, 1.5], { floatColumn: true }).names).toEqual(["1.5", "2.0"]);
  });
});
