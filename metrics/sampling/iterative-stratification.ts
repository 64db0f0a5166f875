/** Iterative stratification and multilabel subsampling: reproduces mteb 2.20 mteb/abstasks/_stratification.py (scikit-multilearn IterativeStratification) and abstask.py `_multilabel_subsampling`. */
import { EmbevalError } from "../errors.js";
import { fitTransform, type Label } from "../multilabel/binarizer.js";
import { RandomState } from "../rng/random-state.js";

/** Options of `IterativeStratification(n_splits, order, sample_distribution_per_fold, random_state)`. */
export interface IterativeStratificationOptions {
  /** Fraction of the samples wanted per fold (`sample_distribution_per_fold`); default 1/nSplits each. */
  readonly percentages?: readonly number[];
  readonly nSplits?: number;
  /** Order of label combinations balanced across folds (mteb: 2). */
  readonly order?: number;
  /** Seed of the `RandomState` breaking fold ties and placing label-less rows. */
  readonly seed: number;
}

/** `combinations_with_replacement(sorted labels, order)` in Python's lexicographic order. */
function combinationsWithReplacement(pool: readonly number[], r: number): number[][] {
  const out: number[][] = [];
  if (pool.length === 0 && r > 0) return out;
  const idx = new Array<number>(r).fill(0);
  for (;;) {
    out.push(idx.map((i) => pool[i]));
    let i = r - 1;
    while (i >= 0 && idx[i] === pool.length - 1) i--;
    if (i < 0) return out;
    const v = idx[i] + 1;
    for (let j = i; j < r; j++) idx[j] = v;
  }
}

interface Combination {
  readonly distinct: number;
  /** Sample indices in registration order; used rows are skipped lazily when popping. */
  readonly evidence: number[];
  live: number;
  readonly desired: Float64Array;
}

/**
 * The folds of `IterativeStratification._iter_test_indices` for per-sample label column indices (`lil_matrix(y).rows`:
 * sorted, distinct). Each fold lists its rows in assignment order.
 */
export function iterativeStratificationFolds(
  rows: readonly (readonly number[])[],
  options: IterativeStratificationOptions,
): number[][] {
  const nSplits = options.nSplits ?? 2;
  const order = options.order ?? 1;
  const n = rows.length;
  if (!Number.isInteger(nSplits) || nSplits < 2)
    throw new EmbevalError("E_INVALID_ARGUMENT", `n_splits must be an int >= 2, got ${nSplits}`);
  if (!Number.isInteger(order) || order < 1)
    throw new EmbevalError("E_INVALID_ARGUMENT", `order must be an int >= 1, got ${order}`);
  if (nSplits > n) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `Cannot have number of splits n_splits=${nSplits} greater than the number of samples: n_samples=${n}.`,
    );
  }
  const pct =
    options.percentages && options.percentages.length > 0
      ? [...options.percentages]
      : new Array<number>(nSplits).fill(1 / nSplits);
  if (pct.length < nSplits)
    throw new EmbevalError("E_INVALID_ARGUMENT", `need ${nSplits} fold percentages, got ${pct.length}`);
  const rng = new RandomState(options.seed);
  const desiredPerFold = Float64Array.from({ length: nSplits }, (_, i) => pct[i] * n);

  // _prepare_stratification: register every order-th combination in first-seen order.
  const combos = new Map<string, Combination>();
  const perRow: Combination[][] = [];
  for (let s = 0; s < n; s++) {
    const mine: Combination[] = [];
    for (const c of combinationsWithReplacement(rows[s], order)) {
      const key = c.join(",");
      let entry = combos.get(key);
      if (entry === undefined) {
        entry = { distinct: new Set(c).size, evidence: [], live: 0, desired: new Float64Array(nSplits) };
        combos.set(key, entry);
      }
      entry.evidence.push(s);
      entry.live++;
      mine.push(entry);
    }
    perRow.push(mine);
  }
  for (const c of combos.values())
    for (let j = 0; j < nSplits; j++) c.desired[j] = c.evidence.length * pct[j];

  const used = new Uint8Array(n);
  const folds: number[][] = Array.from({ length: nSplits }, () => []);
  const list = [...combos.values()];

  // _get_most_desired_combination: first non-empty one, replaced only by one with more labels AND less support.
  const mostDesired = (): Combination | undefined => {
    let chosen: Combination | undefined;
    for (const c of list) {
      if (c.live === 0) continue;
      if (chosen === undefined || (chosen.distinct < c.distinct && chosen.live > c.live)) chosen = c;
    }
    return chosen;
  };

  // _distribute_positive_evidence
  for (let l = mostDesired(); l !== undefined; l = mostDesired()) {
    while (l.live > 0) {
      let row = l.evidence.pop() as number;
      while (used[row]) row = l.evidence.pop() as number;
      l.live--;
      let maxVal = Number.NEGATIVE_INFINITY;
      for (const v of l.desired) if (v > maxVal) maxVal = v;
      const best: number[] = [];
      l.desired.forEach((v, j) => {
        if (v === maxVal) best.push(j);
      });
      // _fold_tie_break is called with the combination's own desired counts, so it picks uniformly among `best`.
      const m = best.length === 1 ? best[0] : best[rng.choice(best.length, 1)[0]];
      folds[m].push(row);
      used[row] = 1;
      for (const c of perRow[row]) {
        if (c !== l) c.live--;
        c.desired[m] -= 1;
      }
      desiredPerFold[m] -= 1;
    }
  }

  // _distribute_negative_evidence: unused rows from the highest index down, fold drawn among those still wanted.
  for (let row = n - 1; row >= 0; row--) {
    if (used[row]) continue;
    used[row] = 1;
    const open: number[] = [];
    desiredPerFold.forEach((v, j) => {
      if (v > 0) open.push(j);
    });
    if (open.length === 0)
      throw new EmbevalError("E_INVALID_ARGUMENT", "'a' cannot be empty unless no samples are taken");
    const f = open[rng.choice(open.length, 1)[0]];
    desiredPerFold[f] -= 1;
    folds[f].push(row);
  }
  return folds;
}

/** Result of `_multilabel_subsampling` for one split. */
export interface MultilabelSubsample {
  /** Fold 0 as sorted row indices: the rows kept, in their original order. */
  readonly keptIndices: number[];
  /** Fold 0 in the order rows were assigned to it. */
  readonly fold0AssignmentOrder: number[];
  /** `n_samples / n`: the fraction asked of fold 0. */
  readonly testSize: number;
}

/** mteb `_multilabel_subsampling`: binarize the label lists, `IterativeStratification(2, order=2, [n_samples/n, 1-n_samples/n], seed)`, keep fold 0. */
export function multilabelSubsample(
  labels: readonly (readonly Label[])[],
  nSamples = 2048,
  seed = 42,
): MultilabelSubsample {
  const n = labels.length;
  if (n === 0) throw new EmbevalError("E_EMPTY_INPUT", "multilabelSubsample: no rows");
  const { matrix } = fitTransform(labels);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r: number[] = [];
    for (let j = 0; j < matrix.cols; j++) if (matrix.data[i * matrix.cols + j] === 1) r.push(j);
    rows.push(r);
  }
  const testSize = nSamples / n;
  const folds = iterativeStratificationFolds(rows, {
    nSplits: 2,
    order: 2,
    percentages: [testSize, 1.0 - testSize],
    seed,
  });
  const fold0 = folds[0];
  return { keptIndices: [...fold0].sort((a, b) => a - b), fold0AssignmentOrder: [...fold0], testSize };
}
