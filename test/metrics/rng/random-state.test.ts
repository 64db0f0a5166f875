/** Tests for the numpy legacy RandomState port against numpy 2.4.6 vectors (spec sections 15.3, 15.4, 9.3, 15.6b). */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RandomState } from "../../../metrics/rng/random-state.js";
import { errorCode } from "../../helpers/errors.js";
import { RS } from "./vectors.js";

const sha = (xs: ArrayLike<number>): string =>
  createHash("sha256").update(Array.from(xs).join(",")).digest("hex");

describe("RandomState draws", () => {
  for (const seed of ["42", "0", "1", "4294967295", "123456789"] as const) {
    it(`RandomState(${seed}) raw outputs and random_sample`, () => {
      const r = new RandomState(Number(seed));
      expect(Array.from({ length: 5 }, () => r.nextUint32())).toEqual(RS[seed].raw);
      expect(Array.from(new RandomState(Number(seed)).randomSampleArray(3))).toEqual(
        RS[seed].sample.map(Number),
      );
    });
  }

  it("randomSample equals randomSampleArray element-wise", () => {
    const a = new RandomState(9);
    const b = new RandomState(9).randomSampleArray(4);
    expect([a.randomSample(), a.randomSample(), a.randomSample(), a.randomSample()]).toEqual(Array.from(b));
  });

  it("uniform(-1.5, 3.0, 4)", () => {
    expect(Array.from(new RandomState(42).uniform(-1.5, 3.0, 4))).toEqual(RS.uniform.map(Number));
  });

  it("randint: small, > 2^16, negative, scalar (no-draw, 2^32 range, 70000), 64-bit path, then the stream", () => {
    const r = new RandomState(42);
    expect(Array.from(r.randintArray(0, 10, 10))).toEqual(RS.randint10);
    expect(Array.from(r.randintArray(0, 100000, 10))).toEqual(RS.randintBig);
    expect(Array.from(r.randintArray(-50, 50, 5))).toEqual(RS.randintNeg);
    expect([r.randint(5, 6), r.randint(0, 2 ** 32), r.randint(0, 70000)]).toEqual(RS.randintOne);
    expect([r.randint(0, 2 ** 33), r.randint(0, 2 ** 33), r.randint(0, 2 ** 33)]).toEqual(RS.randint64);
    expect(r.nextUint32()).toBe(RS.after);
  });

  it("randint rejects an empty range", () => {
    expect(errorCode(() => new RandomState(1).randint(3, 3))).toBe("E_INVALID_ARGUMENT");
  });
});

describe("RandomState shuffle / permutation / choice", () => {
  it("spec 15.3: RandomState(42).shuffle(list(range(20)))", () => {
    const x = Array.from({ length: 20 }, (_, i) => i);
    new RandomState(42).shuffle(x);
    expect(x).toEqual([0, 17, 15, 1, 8, 5, 11, 3, 18, 16, 13, 2, 9, 19, 4, 12, 7, 10, 14, 6]);
  });

  it("spec 9.3: a second fresh RandomState(42) shuffle of the shuffled list", () => {
    const x = Array.from({ length: 20 }, (_, i) => i);
    new RandomState(42).shuffle(x);
    new RandomState(42).shuffle(x);
    expect(x).toEqual([0, 10, 12, 17, 18, 5, 2, 1, 14, 7, 19, 15, 16, 6, 8, 9, 3, 13, 4, 11]);
  });

  it("permutation(20) and permutation(100000), then shuffle works on typed arrays", () => {
    const r = new RandomState(42);
    expect(Array.from(r.permutation(20))).toEqual(RS.perm20);
    const p = r.permutation(100000);
    expect(Array.from(p.slice(0, 10))).toEqual(RS.perm100k.first);
    expect(sha(p)).toBe(RS.perm100k.sha);
    const f = Float64Array.from({ length: 20 }, (_, i) => i);
    new RandomState(42).shuffle(f);
    expect(Array.from(f)).toEqual(RS.perm20);
  });

  it("choice with p (array and scalar), zero-probability entries, replace=False, uniform with replacement", () => {
    const r = new RandomState(7);
    const p = [0.1, 0.2, 0.3, 0.15, 0.25];
    expect(Array.from(r.choiceP(5, 20, p))).toEqual(RS.choiceP);
    expect(Array.from({ length: 5 }, () => r.choiceP1(5, p))).toEqual(RS.choiceP1);
    expect(Array.from(r.choiceP(4, 12, [0, 0.5, 0, 0.5]))).toEqual(RS.choiceP0);
    expect(Array.from(r.choiceNoReplace(10, 3))).toEqual(RS.choiceNR);
    expect(Array.from(r.choice(1000, 5))).toEqual(RS.choiceR);
  });

  it("choice validates p like numpy", () => {
    const r = new RandomState(1);
    expect(errorCode(() => r.choiceP(3, 2, [0.5, 0.5]))).toBe("E_INVALID_ARGUMENT");
    expect(errorCode(() => r.choiceP(2, 2, [0.7, 0.7]))).toBe("E_INVALID_ARGUMENT");
    expect(errorCode(() => r.choiceP(2, 2, [1.5, -0.5]))).toBe("E_INVALID_ARGUMENT");
    expect(errorCode(() => r.choiceP(2, 2, [Number.NaN, 1]))).toBe("E_NOT_FINITE");
    expect(errorCode(() => r.choiceNoReplace(3, 4))).toBe("E_INVALID_ARGUMENT");
  });

  it("spec 15.6b: classification undersampling, labels i % 3, 2 per label, 3 experiments", () => {
    const labels = Array.from({ length: 20 }, (_, i) => i % 3);
    const idxs = Array.from({ length: 20 }, (_, i) => i);
    const selected: number[][] = [];
    for (let e = 0; e < 3; e++) {
      new RandomState(42).shuffle(idxs);
      const count = new Map<number, number>();
      const sel: number[] = [];
      for (const i of idxs) {
        const c = count.get(labels[i]) ?? 0;
        if (c < 2) {
          count.set(labels[i], c + 1);
          sel.push(i);
        }
      }
      selected.push(sel);
    }
    expect(selected).toEqual([
      [0, 17, 15, 1, 8, 16],
      [0, 10, 12, 17, 5, 1],
      [0, 13, 9, 10, 14, 5],
    ]);
    expect(selected).toEqual(RS.undersample);
  });
});
