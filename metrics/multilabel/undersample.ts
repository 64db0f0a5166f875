/** Multilabel training-row undersampling: reproduces mteb 2.20 mteb/abstasks/multilabel_classification.py `_undersample_data_indices` with the task-level `np_rng` (numpy `default_rng(42)`, shared across experiments, subsets and splits). */
import { EmbevalError } from "../errors.js";
import type { Label } from "./binarizer.js";

/** What undersampling needs of numpy's `Generator`: an in-place `shuffle` of a Python list (the task's `np_rng`). */
export interface ListShuffler {
  shuffle(x: number[]): void;
}

/**
 * One experiment: shuffle `list(np.arange(n))` with the caller's generator (advancing it), then scan the rows and take
 * a row if ANY of its labels has fewer than `samplesPerLabel` rows so far, counting ALL its labels. Rows with no label
 * are never taken. Returns the selected row indices in selection order.
 */
export function undersampleMultilabel(
  labels: readonly (readonly Label[])[],
  samplesPerLabel: number,
  rng: ListShuffler,
): number[] {
  if (!Number.isInteger(samplesPerLabel) || samplesPerLabel < 0) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `samples_per_label must be a non-negative int, got ${samplesPerLabel}`,
    );
  }
  const idxs = Array.from({ length: labels.length }, (_, i) => i);
  rng.shuffle(idxs);
  const counter = new Map<Label, number>();
  const selected: number[] = [];
  for (const i of idxs) {
    const row = labels[i];
    if (!row.some((l) => (counter.get(l) ?? 0) < samplesPerLabel)) continue;
    selected.push(i);
    for (const l of row) counter.set(l, (counter.get(l) ?? 0) + 1);
  }
  return selected;
}

/** `n_experiments` draws from the same generator, in experiment order (mteb draws them all before encoding). */
export function undersampleExperiments(
  labels: readonly (readonly Label[])[],
  samplesPerLabel: number,
  nExperiments: number,
  rng: ListShuffler,
): number[][] {
  if (!Number.isInteger(nExperiments) || nExperiments < 1) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `n_experiments must be a positive int, got ${nExperiments}`);
  }
  const out: number[][] = [];
  for (let e = 0; e < nExperiments; e++) out.push(undersampleMultilabel(labels, samplesPerLabel, rng));
  return out;
}
