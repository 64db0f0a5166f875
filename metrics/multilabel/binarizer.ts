/** MultiLabelBinarizer: reproduces scikit-learn 1.9.1 sklearn/preprocessing/_label.py MultiLabelBinarizer (fit_transform, transform). */

import { EmbevalError } from "../errors.js";
import { compareCodePoints } from "../ranking.js";

/** One label value: ints (or other numbers) or strings, as in a Python list of labels. */
export type Label = number | string;

/** A dense 0/1 label-indicator matrix, row-major (`data[i * cols + j]`). */
export interface LabelMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Uint8Array;
}

/** A fitted binarizer: `classes` sorted as sklearn sorts them, `index` maps a label to its column. */
export interface FittedBinarizer {
  readonly classes: readonly Label[];
  readonly index: ReadonlyMap<Label, number>;
}

/** Result of `binarize`: the indicator matrix and the labels that were not in `classes` (sklearn warns, drops them). */
export interface Binarized {
  readonly matrix: LabelMatrix;
  /** Unknown labels, sorted with `key=str` as in sklearn's warning. */
  readonly unknown: Label[];
}

/** Python's `sorted` on a set of labels: numbers numerically, strings by code point; mixing raises like Python. */
export function sortLabels(labels: Iterable<Label>): Label[] {
  const out = [...labels];
  const nums = out.filter((l) => typeof l === "number").length;
  if (nums !== 0 && nums !== out.length) {
    throw new EmbevalError("E_INVALID_ARGUMENT", "labels mix numbers and strings, which Python cannot sort", {
      hint: "use one label type per dataset (all ints or all strings)",
    });
  }
  for (const l of out) {
    if (typeof l === "number" && Number.isNaN(l)) throw new EmbevalError("E_NOT_FINITE", "a label is NaN");
  }
  if (nums === 0) return out.sort((a, b) => compareCodePoints(String(a), String(b)));
  return out.sort((a, b) => (a as number) - (b as number));
}

/** Fit on a list of label lists (mteb fits on the TEST labels): the sorted set of every label seen. */
export function fitBinarizer(labels: readonly (readonly Label[])[]): FittedBinarizer {
  const seen = new Set<Label>();
  for (const row of labels) for (const l of row) seen.add(l);
  const classes = sortLabels(seen);
  const index = new Map<Label, number>();
  classes.forEach((c, i) => {
    index.set(c, i);
  });
  return { classes, index };
}

/** Transform label lists to a 0/1 matrix over the fitted classes; unknown labels are dropped and reported. */
export function binarize(binarizer: FittedBinarizer, labels: readonly (readonly Label[])[]): Binarized {
  const cols = binarizer.classes.length;
  const data = new Uint8Array(labels.length * cols);
  const unknown = new Set<Label>();
  labels.forEach((row, i) => {
    for (const l of row) {
      const j = binarizer.index.get(l);
      if (j === undefined) unknown.add(l);
      else data[i * cols + j] = 1;
    }
  });
  const unknownSorted = [...unknown].sort((a, b) => compareCodePoints(String(a), String(b)));
  return { matrix: { rows: labels.length, cols, data }, unknown: unknownSorted };
}

/** `MultiLabelBinarizer().fit_transform(labels)`: fit then transform the same labels. */
export function fitTransform(labels: readonly (readonly Label[])[]): {
  binarizer: FittedBinarizer;
  matrix: LabelMatrix;
} {
  const binarizer = fitBinarizer(labels);
  return { binarizer, matrix: binarize(binarizer, labels).matrix };
}

/** The indicator matrix as nested arrays (for JSON output and comparisons). */
export function labelMatrixToRows(m: LabelMatrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

export { compareCodePoints };
