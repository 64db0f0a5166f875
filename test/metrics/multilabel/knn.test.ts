/** KNeighborsClassifier neighbour order as scikit-learn (ties included) and the multilabel vote. */
import { describe, expect, it } from "vitest";
import { fromRows } from "../../../metrics/matrix.js";
import { kneighbors, knnMultilabel, predictFromNeighbours } from "../../../metrics/multilabel/knn.js";

describe("kneighbors (brute Euclidean, sklearn heap + simultaneous_sort)", () => {
  const train = fromRows([[0], [10], [3], [-1], [7], [2.5]], "float64");

  it("returns neighbours nearest first", () => {
    const test = fromRows([[2.9], [8]], "float64");
    const nb = kneighbors(train, test, 3);
    expect(Array.from(nb.index)).toEqual([2, 5, 0, 4, 1, 2]);
  });

  it("on an exact tie at the k-th place the earlier training row is kept (heap_push rejects val >= max)", () => {
    const t = fromRows([[1], [-1], [1]], "float64");
    expect(Array.from(kneighbors(t, fromRows([[0]], "float64"), 1).index)).toEqual([0]);
    expect(Array.from(kneighbors(t, fromRows([[0]], "float64"), 2).index).sort()).toEqual([0, 1]);
  });

  it("upcasts float32 embeddings and gives the same neighbours", () => {
    const t32 = fromRows([[0], [10], [3], [-1], [7], [2.5]], "float32");
    expect(Array.from(kneighbors(t32, fromRows([[2.9]], "float32"), 2).index)).toEqual([2, 5]);
  });

  it("rejects k > n_samples_fit and mismatched widths", () => {
    expect(() => kneighbors(train, fromRows([[1]], "float64"), 7)).toThrow(/n_neighbors/);
    expect(() => kneighbors(train, fromRows([[1, 2]], "float64"), 1)).toThrow(/features/);
  });
});

describe("majority vote per label column", () => {
  it("predicts 1 iff more than half of the neighbours have it (ties to 0)", () => {
    const y = { rows: 4, cols: 2, data: Uint8Array.from([1, 0, 1, 1, 0, 1, 0, 0]) };
    const nb = { queries: 2, k: 4, index: Int32Array.from([0, 1, 2, 3, 0, 1, 1, 2]) };
    const p = predictFromNeighbours(nb, y);
    expect(Array.from(p.data)).toEqual([0, 0, 1, 1]);
  });

  it("knnMultilabel end to end with k=3", () => {
    const x = fromRows(
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [5, 5],
        [5, 6],
        [6, 5],
      ],
      "float64",
    );
    const y = {
      rows: 6,
      cols: 3,
      data: Uint8Array.from([1, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1]),
    };
    const { predictions } = knnMultilabel(
      x,
      y,
      fromRows(
        [
          [0.1, 0.1],
          [5.2, 5.2],
        ],
        "float64",
      ),
      3,
    );
    expect(Array.from(predictions.data)).toEqual([1, 0, 0, 0, 0, 1]);
  });
});
