/** mteb classification undersampling: reproduces mteb 2.20 mteb/abstasks/classification.py `_undersample_data` (fresh RandomState(seed) per experiment, persisting index list). */
import { EmbevalError } from "../errors.js";
import { RandomState } from "../rng/random-state.js";

/** Result of one experiment's undersampling: the picked rows in shuffled order, and the index list carried on. */
export interface UndersampleStep {
  selected: number[];
  idxs: number[];
}

/**
 * One call of `_undersample_data`: shuffle a copy of `idxs` with a fresh `RandomState(seed)`, then take the first
 * `samplesPerLabel` rows of each label in that order. The input list is not modified.
 */
export function undersampleStep(
  labels: readonly (number | string)[],
  samplesPerLabel: number,
  idxs: readonly number[],
  seed = 42,
): UndersampleStep {
  if (!Number.isInteger(samplesPerLabel) || samplesPerLabel < 0) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `samples_per_label must be a non-negative integer, got ${samplesPerLabel}`,
    );
  }
  const next = idxs.slice();
  new RandomState(seed).shuffle(next);
  const counter = new Map<number | string, number>();
  const selected: number[] = [];
  for (const i of next) {
    if (i < 0 || i >= labels.length)
      throw new EmbevalError("E_INVALID_ARGUMENT", `index ${i} out of range of ${labels.length} labels`);
    const label = labels[i];
    const c = counter.get(label) ?? 0;
    if (c < samplesPerLabel) {
      selected.push(i);
      counter.set(label, c + 1);
    }
  }
  return { selected, idxs: next };
}

/** The selected train rows of every experiment: idxs starts as [0..N−1] and is re-shuffled each time. */
export function undersampleExperiments(
  labels: readonly (number | string)[],
  samplesPerLabel: number,
  nExperiments: number,
  seed = 42,
): number[][] {
  let idxs = Array.from({ length: labels.length }, (_, i) => i);
  const out: number[][] = [];
  for (let e = 0; e < nExperiments; e++) {
    const step = undersampleStep(labels, samplesPerLabel, idxs, seed);
    out.push(step.selected);
    idxs = step.idxs;
  }
  return out;
}
