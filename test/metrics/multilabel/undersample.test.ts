/** mteb's multilabel undersampling with the task's shared default_rng stream. */
import { describe, expect, it } from "vitest";
import { pythonIntSetOrder } from "../../../metrics/multilabel/py-set-order.js";
import { undersampleExperiments, undersampleMultilabel } from "../../../metrics/multilabel/undersample.js";
import { defaultRng } from "../../../metrics/rng/generator.js";

describe("multilabel undersampling with the task generator", () => {
  it("shuffles list(np.arange(n)) with the shared default_rng(42) (spec §15.6b stream)", () => {
    const rng = defaultRng(42);
    const seen: number[][] = [];
    const spy = {
      shuffle: (x: number[]) => {
        rng.shuffle(x);
        seen.push([...x]);
      },
    };
    undersampleExperiments([[0], [0], [0], [0], [0], [0], [0], [0], [0], [0]], 1, 2, spy);
    expect(seen).toEqual([
      [5, 6, 0, 7, 3, 2, 4, 9, 1, 8],
      [4, 8, 2, 6, 5, 9, 7, 3, 0, 1],
    ]);
  });

  it("takes a row if ANY label is short, counts ALL its labels, never takes empty rows (python-checked)", () => {
    const y = [[0], [0], [1], [1, 0], [], [2], [0], [2], [1], []];
    expect(undersampleExperiments(y, 1, 2, defaultRng(42))).toEqual([
      [5, 6, 3],
      [8, 6, 5],
    ]);
  });

  it("keeps every row of a rare label and none of the empty ones", () => {
    const y = [["a"], [], ["b"], ["a"], [], ["a", "b"]];
    const sel = undersampleMultilabel(y, 8, defaultRng(1));
    expect([...sel].sort()).toEqual([0, 2, 3, 5]);
  });
});

describe("pythonIntSetOrder (CPython 3.11 list(set(ints)))", () => {
  it("matches CPython for small and colliding inputs", () => {
    // python3.11: list(set([9, 1, 17, 8, 0])) == [0, 1, 8, 9, 17]; list(set([64, 8, 3])) == [64, 8, 3]
    expect(pythonIntSetOrder([9, 1, 17, 8, 0])).toEqual([0, 1, 8, 9, 17]);
    expect(pythonIntSetOrder([64, 8, 3])).toEqual([64, 8, 3]);
    const v = [
      1949, 4854, 4458, 1068, 3030, 4947, 3883, 4758, 536, 4961, 107, 3843, 2124, 4512, 1919, 1570, 3852,
      4431, 4502, 3902, 3253, 1233, 1899, 1242, 4285, 3194, 124, 524, 1305, 4842, 350, 2467, 254, 2207, 3872,
      4872, 3175, 3497, 3235, 4726,
    ];
    expect(pythonIntSetOrder(v)).toEqual([
      3843, 4872, 3852, 524, 4758, 4502, 536, 1305, 1949, 2207, 4512, 3872, 1570, 2467, 3235, 3497, 3883,
      1068, 3253, 4285, 3902, 2124, 4431, 1233, 4947, 3030, 1242, 350, 4961, 3175, 4458, 107, 1899, 4842,
      4854, 4726, 3194, 124, 254, 1919,
    ]);
    expect(pythonIntSetOrder([])).toEqual([]);
  });
});
