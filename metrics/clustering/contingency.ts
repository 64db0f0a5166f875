/** Label encoding and sparse contingency tables; reproduces scikit-learn 1.9.1 sklearn/metrics/cluster/_supervised.py contingency_matrix (np.unique order, CSR row-major nonzeros). */
import { EmbevalError } from "../errors.js";

/** A cluster/class label; a list mixing numbers and strings is compared as strings, like a numpy string array. */
export type Label = number | string;

/** Labels encoded like `np.unique(labels, return_inverse=True)`. */
export interface EncodedLabels {
  /** Sorted distinct labels. */
  readonly classes: Label[];
  /** Index into `classes` for every sample. */
  readonly codes: Int32Array;
}

function compareLabels(a: Label, b: Label): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const sa = String(a);
  const sb = String(b);
  // numpy compares unicode strings by code point
  const ca = [...sa];
  const cb = [...sb];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i].codePointAt(0) ?? 0;
    const y = cb[i].codePointAt(0) ?? 0;
    if (x !== y) return x - y;
  }
  return ca.length - cb.length;
}

/** `np.unique(labels, return_inverse=True)` for number or string labels. */
export function encodeLabels(labels: ArrayLike<Label>): EncodedLabels {
  const n = labels.length;
  let hasString = false;
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (typeof v === "string") hasString = true;
    else if (typeof v !== "number" || Number.isNaN(v)) {
      throw new EmbevalError("E_INVALID_ARGUMENT", `label ${i} is not a number or string`, {
        hint: "pass labels as numbers or strings",
      });
    }
  }
  // numpy turns a mixed list into a string array
  const key = (v: Label): Label => (hasString ? String(v) : v);
  const index = new Map<Label, number>();
  const classes: Label[] = [];
  for (let i = 0; i < n; i++) {
    const k = key(labels[i]);
    if (!index.has(k)) {
      index.set(k, classes.length);
      classes.push(k);
    }
  }
  classes.sort(compareLabels);
  classes.forEach((c, i) => {
    index.set(c, i);
  });
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = index.get(key(labels[i])) ?? -1;
  return { classes, codes };
}

/** Sparse contingency table: nonzero cells in CSR row-major order with sorted columns. */
export interface Contingency {
  readonly nRows: number;
  readonly nCols: number;
  readonly n: number;
  /** Row index of each nonzero cell. */
  readonly rows: Int32Array;
  /** Column index of each nonzero cell. */
  readonly cols: Int32Array;
  /** Count of each nonzero cell. */
  readonly values: Float64Array;
  /** Row sums (class sizes). */
  readonly rowSums: Float64Array;
  /** Column sums (cluster sizes). */
  readonly colSums: Float64Array;
}

/** `contingency_matrix(labels_true, labels_pred, sparse=True)` as a list of nonzero cells. */
export function contingencyMatrix(labelsTrue: ArrayLike<Label>, labelsPred: ArrayLike<Label>): Contingency {
  if (labelsTrue.length !== labelsPred.length) {
    throw new EmbevalError(
      "E_SHAPE_MISMATCH",
      `labels_true has ${labelsTrue.length} values, labels_pred ${labelsPred.length}`,
      { hint: "pass one predicted label per true label" },
    );
  }
  const t = encodeLabels(labelsTrue);
  const p = encodeLabels(labelsPred);
  return contingencyFromCodes(t.codes, t.classes.length, p.codes, p.classes.length);
}

/** Contingency table from already encoded labels (codes in 0..nRows-1 / 0..nCols-1). */
export function contingencyFromCodes(
  trueCodes: Int32Array,
  nRows: number,
  predCodes: Int32Array,
  nCols: number,
): Contingency {
  const n = trueCodes.length;
  const cells = new Map<number, number>();
  const rowSums = new Float64Array(nRows);
  const colSums = new Float64Array(nCols);
  for (let i = 0; i < n; i++) {
    const key = trueCodes[i] * nCols + predCodes[i];
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rowSums[trueCodes[i]] += 1;
    colSums[predCodes[i]] += 1;
  }
  const keys = [...cells.keys()].sort((a, b) => a - b);
  const rows = new Int32Array(keys.length);
  const cols = new Int32Array(keys.length);
  const values = new Float64Array(keys.length);
  keys.forEach((k, i) => {
    rows[i] = Math.floor(k / nCols);
    cols[i] = k % nCols;
    values[i] = cells.get(k) ?? 0;
  });
  return { nRows, nCols, n, rows, cols, values, rowSums, colSums };
}

/** Dense contingency counts (nRows × nCols, row-major). */
export function denseContingency(c: Contingency): Float64Array {
  const out = new Float64Array(c.nRows * c.nCols);
  for (let i = 0; i < c.values.length; i++) out[c.rows[i] * c.nCols + c.cols[i]] = c.values[i];
  return out;
}
