/** HF train_test_split with an explicit train_size (MultiHateClassification's split): size rules and numpy-generated vectors. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  splitSizes,
  stratifiedTrainTestSplit,
  trainTestSplit,
} from "../../../metrics/sampling/train-test-split.js";
import { errorCode } from "../../helpers/errors.js";
import { HF } from "../rng/vectors.js";
import { TS } from "./train-size-vectors.js";

const sha = (xs: readonly number[]) => createHash("sha256").update(xs.join(",")).digest("hex");

describe("splitSizes with train_size (arrow_dataset.py rules)", () => {
  it("counts, fractions (floor for train, ceil for test), complements and the 0.25 default", () => {
    expect(splitSizes(3728, 1000, 1000)).toEqual({ nTrain: 1000, nTest: 1000 });
    expect(splitSizes(200, 0.2, 0.3)).toEqual({ nTrain: 60, nTest: 40 });
    expect(splitSizes(10, 0.15, 0.55)).toEqual({ nTrain: 5, nTest: 2 }); // floor(5.5), ceil(1.5)
    expect(splitSizes(200, undefined, 0.6)).toEqual({ nTrain: 120, nTest: 80 });
    expect(splitSizes(200, undefined, 120)).toEqual({ nTrain: 120, nTest: 80 });
    expect(splitSizes(10, undefined, undefined)).toEqual({ nTrain: 7, nTest: 3 }); // ceil(2.5)
    expect(splitSizes(10, 4)).toEqual({ nTrain: 6, nTest: 4 });
  });

  it("rejects what HF rejects", () => {
    expect(errorCode(() => splitSizes(10, 5, 6))).toBe("E_INVALID_ARGUMENT"); // 11 > 10
    expect(errorCode(() => splitSizes(10, 0.5, 0.6))).toBe("E_INVALID_ARGUMENT"); // fractions sum > 1
    expect(errorCode(() => splitSizes(10, 2, 10))).toBe("E_INVALID_ARGUMENT"); // train_size >= n
    expect(errorCode(() => splitSizes(10, 2, 0))).toBe("E_INVALID_ARGUMENT");
    expect(errorCode(() => splitSizes(10, 2, 1.5))).toBe("E_INVALID_ARGUMENT");
    expect(errorCode(() => splitSizes(10, 0.5, 0.05))).toBe("E_INVALID_ARGUMENT"); // floor(0.5) = 0 train rows
    expect(errorCode(() => splitSizes(10, 5, 5))).toBeUndefined(); // the sum may equal n
  });
});

describe("trainTestSplit with train_size", () => {
  it("spec 15.6 permutation: test = perm[:5], train = the next 10 rows only", () => {
    const { train, test } = trainTestSplit(20, 5, 42, 10);
    expect(test).toEqual([15, 9, 14, 7, 12]);
    expect(train).toEqual(HF.p1.train.slice(0, 10));
  });
});

describe("stratifiedTrainTestSplit with train_size (HF stratify.py under numpy 2.4.6)", () => {
  it("count sizes: test 37, train 50 of 200 rows, seed 42", () => {
    expect(stratifiedTrainTestSplit(HF.y3, 37, 42, 50)).toEqual(TS.s_37_50);
  });

  it("fraction sizes: test 0.2, train 0.3, seed 7", () => {
    expect(stratifiedTrainTestSplit(HF.y3, 0.2, 7, 0.3)).toEqual(TS.s_f20_f30);
  });

  it("train_size only (test = the complement): 0.6 and 120", () => {
    expect(stratifiedTrainTestSplit(HF.y3, undefined, 3, 0.6)).toEqual(TS.s_none_f60);
    expect(stratifiedTrainTestSplit(HF.y3, undefined, 11, 120)).toEqual(TS.s_none_120);
  });

  it("MultiHate-shaped: 3,728 rows, 29 classes, train_size = test_size = 1000, seed 42", () => {
    const y = Array.from({ length: 3728 }, (_, i) => (i * i + Math.floor(i / 7)) % 29);
    const counts = new Array<number>(29).fill(0);
    for (const v of y) counts[v] += 1;
    expect(counts).toEqual(TS.big.counts);
    const { train, test } = stratifiedTrainTestSplit(y, 1000, 42, 1000);
    expect(train.slice(0, 12)).toEqual(TS.big.trainHead);
    expect(test.slice(0, 12)).toEqual(TS.big.testHead);
    expect(sha(train)).toBe(TS.big.trainSha);
    expect(sha(test)).toBe(TS.big.testSha);
    expect(new Set([...train, ...test]).size).toBe(2000);
  });

  it("differs from the complement split when train_size is given (the RNG draws depend on n_train)", () => {
    const withTrain = stratifiedTrainTestSplit(HF.y3, 37, 42, 50);
    const complement = stratifiedTrainTestSplit(HF.y3, 37, 42);
    expect(complement.train).toHaveLength(163);
    expect(withTrain.test).not.toEqual(complement.test);
  });
});
