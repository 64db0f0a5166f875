/** k-nearest-neighbour probe for 0/1 multilabel targets: reproduces scikit-learn 1.9.1 KNeighborsClassifier(n_neighbors=5) (brute Euclidean ArgKmin with sklearn/utils/_heap.pyx heap_push + simultaneous_sort, uniform-weight majority vote per output). */
import { EmbevalError } from "../errors.js";
import type { Matrix } from "../matrix.js";
import type { LabelMatrix } from "./binarizer.js";

/** Neighbour positions (row indices of the training matrix), `queries × k`, nearest first. */
export interface Neighbours {
  readonly queries: number;
  readonly k: number;
  readonly index: Int32Array;
}

/** sklearn `heap_push` into a fixed-size max-heap (values/indices as a struct of arrays). */
function heapPush(
  values: Float64Array,
  indices: Int32Array,
  size: number,
  val: number,
  valIdx: number,
): void {
  if (val >= values[0]) return;
  let cur = 0;
  for (;;) {
    const left = 2 * cur + 1;
    const right = left + 1;
    let swap: number;
    if (left >= size) break;
    if (right >= size) {
      if (values[left] > val) swap = left;
      else break;
    } else if (values[left] >= values[right]) {
      if (val < values[left]) swap = left;
      else break;
    } else if (val < values[right]) {
      swap = right;
    } else {
      break;
    }
    values[cur] = values[swap];
    indices[cur] = indices[swap];
    cur = swap;
  }
  values[cur] = val;
  indices[cur] = valIdx;
}

function dualSwap(values: Float64Array, indices: Int32Array, a: number, b: number): void {
  const dv = values[a];
  values[a] = values[b];
  values[b] = dv;
  const di = indices[a];
  indices[a] = indices[b];
  indices[b] = di;
}

/** sklearn `simultaneous_sort` (median-of-three quicksort; its handling of ties is what sklearn returns). */
function simultaneousSort(values: Float64Array, indices: Int32Array, off: number, size: number): void {
  if (size <= 1) return;
  const at = (i: number) => values[off + i];
  const swap = (a: number, b: number) => dualSwap(values, indices, off + a, off + b);
  if (size === 2) {
    if (at(0) > at(1)) swap(0, 1);
    return;
  }
  if (size === 3) {
    if (at(0) > at(1)) swap(0, 1);
    if (at(1) > at(2)) {
      swap(1, 2);
      if (at(0) > at(1)) swap(0, 1);
    }
    return;
  }
  let pivotIdx = size >> 1;
  if (at(0) > at(size - 1)) swap(0, size - 1);
  if (at(size - 1) > at(pivotIdx)) {
    swap(size - 1, pivotIdx);
    if (at(0) > at(size - 1)) swap(0, size - 1);
  }
  const pivotVal = at(size - 1);
  let store = 0;
  for (let i = 0; i < size - 1; i++) {
    if (at(i) < pivotVal) {
      swap(i, store);
      store++;
    }
  }
  swap(store, size - 1);
  pivotIdx = store;
  if (pivotIdx > 1) simultaneousSort(values, indices, off, pivotIdx);
  if (pivotIdx + 2 < size) simultaneousSort(values, indices, off + pivotIdx + 1, size - pivotIdx - 1);
}

/**
 * `kneighbors(test, k)` against `train` (brute force, Euclidean). Squared distances are computed in float64 from the
 * stored values (float32 rows are upcast as sklearn's EuclideanArgKmin32 does); training rows are pushed in order.
 */
export function kneighbors(train: Matrix, test: Matrix, k: number): Neighbours {
  if (!Number.isInteger(k) || k < 1)
    throw new EmbevalError("E_INVALID_ARGUMENT", `n_neighbors must be a positive int, got ${k}`);
  if (train.cols !== test.cols) {
    throw new EmbevalError("E_SHAPE_MISMATCH", `train has ${train.cols} features but test has ${test.cols}`);
  }
  if (k > train.rows) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `Expected n_neighbors <= n_samples_fit, got ${k} > ${train.rows}`,
      {
        hint: "use fewer neighbours or more training rows",
      },
    );
  }
  const d = train.cols;
  const a = train.data;
  const b = test.data;
  for (const m of [a, b]) {
    for (let i = 0; i < m.length; i++) {
      if (!Number.isFinite(m[i]))
        throw new EmbevalError("E_NOT_FINITE", "embeddings contain NaN or infinity");
    }
  }
  const out = new Int32Array(test.rows * k);
  const values = new Float64Array(k);
  const indices = new Int32Array(k);
  for (let q = 0; q < test.rows; q++) {
    values.fill(Number.POSITIVE_INFINITY);
    indices.fill(-1);
    const qo = q * d;
    for (let t = 0; t < train.rows; t++) {
      const to = t * d;
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = b[qo + j] - a[to + j];
        s += diff * diff;
      }
      heapPush(values, indices, k, s, t);
    }
    simultaneousSort(values, indices, 0, k);
    out.set(indices, q * k);
  }
  return { queries: test.rows, k, index: out };
}

/** Uniform-weight vote per output column: 1 iff more than half of the k neighbours have 1 (ties → 0, the smaller class). */
export function predictFromNeighbours(neighbours: Neighbours, yTrain: LabelMatrix): LabelMatrix {
  const { queries, k, index } = neighbours;
  const cols = yTrain.cols;
  const data = new Uint8Array(queries * cols);
  for (let q = 0; q < queries; q++) {
    for (let c = 0; c < cols; c++) {
      let ones = 0;
      for (let n = 0; n < k; n++) ones += yTrain.data[index[q * k + n] * cols + c];
      data[q * cols + c] = 2 * ones > k ? 1 : 0;
    }
  }
  return { rows: queries, cols, data };
}

/** Fit on (train, yTrain) and predict test: `KNeighborsClassifier(n_neighbors=k).fit(...).predict(test)`. */
export function knnMultilabel(
  train: Matrix,
  yTrain: LabelMatrix,
  test: Matrix,
  k = 5,
): { neighbours: Neighbours; predictions: LabelMatrix } {
  if (yTrain.rows !== train.rows) {
    throw new EmbevalError("E_SHAPE_MISMATCH", `${train.rows} training rows but ${yTrain.rows} label rows`);
  }
  const neighbours = kneighbors(train, test, k);
  return { neighbours, predictions: predictFromNeighbours(neighbours, yTrain) };
}
