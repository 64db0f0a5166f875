/** MultiLabelBinarizer as scikit-learn: class order (numbers, code points), unknown labels dropped. */
import { describe, expect, it } from "vitest";
import {
  binarize,
  compareCodePoints,
  fitBinarizer,
  fitTransform,
  labelMatrixToRows,
  sortLabels,
} from "../../../metrics/multilabel/binarizer.js";

describe("MultiLabelBinarizer", () => {
  it("sorts int classes numerically (not as strings)", () => {
    const b = fitBinarizer([[10, 2], [1], [], [2, 100]]);
    expect(b.classes).toEqual([1, 2, 10, 100]);
  });

  it("sorts string classes by code point, not UTF-16 unit", () => {
    expect(sortLabels(["b", "B", "a", "\u{1F600}", "\uFF5E", "aa"])).toEqual([
      "B",
      "a",
      "aa",
      "b",
      "\uFF5E",
      "\u{1F600}",
    ]);
    expect(Math.sign(compareCodePoints("\u{1F600}", "\uFF5E"))).toBe(1);
    expect(Math.sign(compareCodePoints("ab", "a"))).toBe(1);
    expect(Math.sign(compareCodePoints("a", "a"))).toBe(0);
  });

  it("rejects a mix of numbers and strings like Python's sorted", () => {
    expect(() => fitBinarizer([[1, "a"]])).toThrow(/mix/);
  });

  it("fit_transform gives the 0/1 indicator matrix", () => {
    const { binarizer, matrix } = fitTransform([["x", "z"], [], ["y"], ["z", "x"]]);
    expect(binarizer.classes).toEqual(["x", "y", "z"]);
    expect(labelMatrixToRows(matrix)).toEqual([
      [1, 0, 1],
      [0, 0, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
  });

  it("transform drops unknown labels and reports them sorted by str", () => {
    const b = fitBinarizer([[3], [1]]);
    const r = binarize(b, [[1, 7], [20, 3], []]);
    expect(labelMatrixToRows(r.matrix)).toEqual([
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(r.unknown).toEqual([20, 7]);
  });
});
