/** HF datasets `Dataset.train_test_split` (plain and `stratify_by_column`), reproducing `arrow_dataset.py` and `utils/stratify.py` with numpy default_rng. */
import { EmbevalError } from "../errors.js";
import { defaultRng, type Generator } from "../rng/generator.js";

/** Train and test row indices, in the order HF selects them. */
export interface TrainTestIndices {
  train: number[];
  test: number[];
}

/** Whether a size is a Python float (a fraction) rather than an int: embeval reads integer-valued numbers as ints. */
const isFraction = (size: number): boolean => !Number.isInteger(size);

function checkSize(name: "test_size" | "train_size", size: number | undefined, n: number): void {
  if (size === undefined) return;
  const bad = isFraction(size) ? size <= 0 || size >= 1 : size >= n || size <= 0;
  if (bad) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `${name}=${size} should be either positive and smaller than the number of samples ${n} or a float in the (0, 1) range`,
    );
  }
}

/**
 * n_train / n_test as HF `Dataset.train_test_split` computes them (`arrow_dataset.py`, after scikit-learn's
 * `_validate_shuffle_split`): both unset means test_size 0.25; an integer size is a count, a fraction gives
 * ceil(frac * n) test rows and floor(frac * n) train rows; an unset size is the complement of the other.
 */
export function splitSizes(
  n: number,
  testSize: number | undefined,
  trainSize?: number,
): { nTrain: number; nTest: number } {
  const test = testSize === undefined && trainSize === undefined ? 0.25 : testSize;
  checkSize("test_size", test, n);
  checkSize("train_size", trainSize, n);
  if (test !== undefined && trainSize !== undefined && isFraction(test) && isFraction(trainSize)) {
    if (test + trainSize > 1) {
      throw new EmbevalError(
        "E_INVALID_ARGUMENT",
        `The sum of test_size and train_size = ${test + trainSize}, should be in the (0, 1) range. Reduce test_size and/or train_size.`,
      );
    }
  }
  const sized = (size: number, round: (x: number) => number) => (isFraction(size) ? round(size * n) : size);
  let nTest = test === undefined ? undefined : sized(test, Math.ceil);
  let nTrain = trainSize === undefined ? undefined : sized(trainSize, Math.floor);
  if (nTrain === undefined) nTrain = n - (nTest as number);
  if (nTest === undefined) nTest = n - nTrain;
  if (nTrain + nTest > n) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `The sum of train_size and test_size = ${nTrain + nTest}, should be smaller than the number of samples ${n}. Reduce test_size and/or train_size.`,
    );
  }
  if (nTrain === 0) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `With n_samples=${n}, test_size=${testSize} and train_size=${trainSize}, the resulting train set will be empty`,
    );
  }
  return { nTrain, nTest };
}

/** `train_test_split(test_size, train_size, seed=seed)`: perm = permutation(N); test = perm[:n_test], train = the next n_train. */
export function trainTestSplit(
  n: number,
  testSize: number | undefined,
  seed: number,
  trainSize?: number,
): TrainTestIndices {
  const { nTrain, nTest } = splitSizes(n, testSize, trainSize);
  const perm = Array.from(defaultRng(seed).permutation(n));
  return { test: perm.slice(0, nTest), train: perm.slice(nTest, nTest + nTrain) };
}

/** HF `approximate_mode(class_counts, n_draws, rng)`: floor of the proportional share, remainders handed out by Floyd choice. */
export function approximateMode(counts: readonly number[], nDraws: number, gen: Generator): number[] {
  let total = 0;
  for (const c of counts) total += c;
  const cont = counts.map((c) => (nDraws * c) / total);
  const floored = cont.map((v) => Math.floor(v));
  let need = nDraws;
  for (const f of floored) need -= f;
  if (need > 0) {
    const remainder = cont.map((v, i) => v - floored[i]);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds: number[] = [];
      remainder.forEach((r, i) => {
        if (r === value) inds.push(i);
      });
      const addNow = Math.min(inds.length, need);
      for (const i of gen.choiceFrom(inds, addNow)) floored[i] += 1;
      need -= addNow;
      if (need === 0) break;
    }
  }
  return floored;
}

/**
 * `train_test_split(test_size, train_size, stratify_by_column=..., seed=seed)` on integer class labels: the first split
 * of HF's `stratified_shuffle_split_generate_indices` (an explicit train_size leaves rows in neither part).
 */
export function stratifiedTrainTestSplit(
  labels: readonly number[],
  testSize: number | undefined,
  seed: number,
  trainSize?: number,
): TrainTestIndices {
  const n = labels.length;
  const { nTrain, nTest } = splitSizes(n, testSize, trainSize);
  const classes = [...new Set(labels)].sort((a, b) => a - b);
  const classOf = new Map<number, number>(classes.map((c, i) => [c, i]));
  const classIndices: number[][] = classes.map(() => []);
  for (let i = 0; i < n; i++) classIndices[classOf.get(labels[i])!].push(i);
  const counts = classIndices.map((idx) => idx.length);
  if (Math.min(...counts) < 2) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      "The least populated class in the stratify column has only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.",
      { hint: "HF datasets refuses to stratify such a column; merge or drop the rare classes" },
    );
  }
  if (nTrain < classes.length) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `The train_size = ${nTrain} should be greater or equal to the number of classes = ${classes.length}`,
    );
  }
  if (nTest < classes.length) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `The test_size = ${nTest} should be greater or equal to the number of classes = ${classes.length}`,
    );
  }
  const gen = defaultRng(seed);
  const nI = approximateMode(counts, nTrain, gen);
  const tI = approximateMode(
    counts.map((c, i) => c - nI[i]),
    nTest,
    gen,
  );
  const train: number[] = [];
  const test: number[] = [];
  for (let c = 0; c < classes.length; c++) {
    const perm = gen.permutation(counts[c]);
    const rows = Array.from(perm, (p) => classIndices[c][p]);
    train.push(...rows.slice(0, nI[c]));
    test.push(...rows.slice(nI[c], nI[c] + tI[c]));
  }
  return { train: gen.permuted(train), test: gen.permuted(test) };
}
