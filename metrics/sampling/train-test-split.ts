/** HF datasets `Dataset.train_test_split` (plain and `stratify_by_column`), reproducing `arrow_dataset.py` and `utils/stratify.py` with numpy default_rng. */
import { EmbevalError } from "../errors.js";
import { defaultRng, type Generator } from "../rng/generator.js";

/** Train and test row indices, in the order HF selects them. */
export interface TrainTestIndices {
  train: number[];
  test: number[];
}

/** n_test / n_train as HF computes them: an integer testSize is a count, a fraction in (0, 1) gives ceil(frac * n). */
export function splitSizes(n: number, testSize: number): { nTrain: number; nTest: number } {
  const isFraction = !Number.isInteger(testSize);
  if (isFraction ? testSize <= 0 || testSize >= 1 : testSize <= 0 || testSize >= n) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `test_size=${testSize} should be either positive and smaller than the number of samples ${n} or a float in the (0, 1) range`,
    );
  }
  const nTest = isFraction ? Math.ceil(testSize * n) : testSize;
  const nTrain = n - nTest;
  if (nTrain <= 0) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `with n_samples=${n} and test_size=${testSize} the train set would be empty`,
    );
  }
  return { nTrain, nTest };
}

/** `train_test_split(test_size, seed=seed)`: perm = permutation(N); test = perm[:n_test], train = the rest. */
export function trainTestSplit(n: number, testSize: number, seed: number): TrainTestIndices {
  const { nTrain, nTest } = splitSizes(n, testSize);
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

/** `train_test_split(test_size, stratify_by_column=..., seed=seed)` on integer class labels: the first split of HF's generator. */
export function stratifiedTrainTestSplit(
  labels: readonly number[],
  testSize: number,
  seed: number,
): TrainTestIndices {
  const n = labels.length;
  const { nTrain, nTest } = splitSizes(n, testSize);
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
