/** Split-level row steps: mteb's `train_test_split(train_size, test_size, seed, stratify_by_column)` replacing a subset's splits, and the baked-subsample guard. */
import { stratifiedTrainTestSplit, trainTestSplit } from "../../metrics/sampling/train-test-split.js";
import type { BakedSubsampleStep, ResplitStep } from "../../tasks/transforms/types.js";
import { EmbevalError } from "../errors.js";
import type { Row } from "./files/value.js";

/** The splits a resplit leaves (HF's DatasetDict({"train", "test"})). */
export const RESPLIT_PARTS: readonly string[] = ["train", "test"];

function classIds(rows: readonly Row[], column: string, where: string): number[] {
  return rows.map((r, i) => {
    const v = r[column];
    if (typeof v === "bigint") return Number(v);
    if (typeof v === "number" && Number.isInteger(v)) return v;
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `${where}: stratifying by column "${column}" needs ClassLabel ids, row ${i} holds ${JSON.stringify(v)}`,
      {
        hint: "HF stratifies only ClassLabel columns: declare a classEncode step for the column before the resplit",
      },
    );
  });
}

/** The rows of `split` ("train" or "test") after the resplit of the `from` split's rows, in the order HF selects them. */
export function resplitRows(
  rows: readonly Row[],
  step: ResplitStep,
  split: string,
  seed: number,
  where = "rows",
): Row[] {
  if (!RESPLIT_PARTS.includes(split)) {
    throw new EmbevalError(
      "E_DATASET_MISSING",
      `${where}: split "${split}" does not exist after train_test_split of "${step.from}" (only train and test do)`,
      { hint: "evaluate the task's train/test splits" },
    );
  }
  if (rows.length === 0) return []; // HF returns the empty dataset as both parts
  const parts =
    step.stratifyBy === undefined
      ? trainTestSplit(rows.length, step.testSize, seed, step.trainSize)
      : stratifiedTrainTestSplit(classIds(rows, step.stratifyBy, where), step.testSize, seed, step.trainSize);
  return (split === "train" ? parts.train : parts.test).map((i) => rows[i]);
}

/** Rows of a split; a v1 layout (every column of the first row a list: one row per cluster set) counts its list items. */
export function itemCount(rows: readonly Row[]): number {
  const first = rows[0];
  const cols = first ? Object.keys(first) : [];
  if (cols.length === 0 || !cols.every((c) => Array.isArray(first[c]))) return rows.length;
  let n = 0;
  for (const r of rows) n += Array.isArray(r[cols[0]]) ? (r[cols[0]] as unknown[]).length : 1;
  return n;
}

/** The baked-subsample guard: a listed split longer than `nSamples` is E_DATASET_MISSING (not the re-upload mteb scores). */
export function checkBakedSubsample(
  rows: readonly Row[],
  step: BakedSubsampleStep,
  split: string,
  where = "rows",
): Row[] {
  const n = itemCount(rows);
  if (step.splits.includes(split) && n > step.nSamples) {
    throw new EmbevalError(
      "E_DATASET_MISSING",
      `${where}: ${n} rows, but mteb 2.20 scores a re-upload whose "${split}" split holds the stratified subsample (<= ${step.nSamples} rows)`,
      {
        hint: "load the task's pinned mteb/ dataset revision; this looks like the original, unsubsampled dataset",
      },
    );
  }
  return [...rows];
}
