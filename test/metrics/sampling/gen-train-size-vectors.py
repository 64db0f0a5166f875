"""Regenerate train-size-vectors.ts: python3 gen-train-size-vectors.py train-size-vectors.ts && npx biome check --write train-size-vectors.ts (numpy 2.4.6).

HF datasets `Dataset.train_test_split` with an explicit train_size: the size rules of arrow_dataset.py and the
stratify.py generator (huggingface/datasets src/datasets/utils/stratify.py, astype(np.int) -> np.int64 for numpy 2).
"""
import hashlib, json, math, sys
import numpy as np

def h(xs):
    return hashlib.sha256(",".join(str(int(x)) for x in xs).encode()).hexdigest()

def approximate_mode(class_counts, n_draws, rng):
    continuous = n_draws * class_counts / class_counts.sum()
    floored = np.floor(continuous)
    need_to_add = int(n_draws - floored.sum())
    if need_to_add > 0:
        remainder = continuous - floored
        values = np.sort(np.unique(remainder))[::-1]
        for value in values:
            (inds,) = np.where(remainder == value)
            add_now = min(len(inds), need_to_add)
            inds = rng.choice(inds, size=add_now, replace=False)
            floored[inds] += 1
            need_to_add -= add_now
            if need_to_add == 0:
                break
    return floored.astype(np.int64)

def strat(y, n_train, n_test, rng):
    classes, y_indices = np.unique(y, return_inverse=True)
    n_classes = classes.shape[0]
    class_counts = np.bincount(y_indices)
    assert np.min(class_counts) >= 2 and n_train >= n_classes and n_test >= n_classes
    class_indices = np.split(np.argsort(y_indices, kind="mergesort"), np.cumsum(class_counts)[:-1])
    n_i = approximate_mode(class_counts, n_train, rng)
    t_i = approximate_mode(class_counts - n_i, n_test, rng)
    train, test = [], []
    for i in range(n_classes):
        permutation = rng.permutation(class_counts[i])
        p = class_indices[i].take(permutation, mode="clip")
        train.extend(p[: n_i[i]])
        test.extend(p[n_i[i] : n_i[i] + t_i[i]])
    return rng.permutation(train), rng.permutation(test)

def sizes(n_samples, test_size, train_size):
    """arrow_dataset.py train_test_split size rules (validation errors omitted: the cases are valid)."""
    if test_size is None and train_size is None:
        test_size = 0.25
    if isinstance(test_size, float):
        n_test = math.ceil(test_size * n_samples)
    elif isinstance(test_size, int):
        n_test = float(test_size)
    if isinstance(train_size, float):
        n_train = math.floor(train_size * n_samples)
    elif isinstance(train_size, int):
        n_train = float(train_size)
    if train_size is None:
        n_train = n_samples - n_test
    elif test_size is None:
        n_test = n_samples - n_train
    assert n_train + n_test <= n_samples
    return int(n_train), int(n_test)

def split(y, test_size, train_size, seed):
    n_train, n_test = sizes(len(y), test_size, train_size)
    tr, te = strat(np.array(y), n_train, n_test, np.random.default_rng(seed))
    return {"train": [int(v) for v in tr], "test": [int(v) for v in te]}

y3 = np.random.RandomState(0).randint(0, 7, 200).tolist()  # = HF.y3 of test/metrics/rng/vectors.ts
out = {
    "s_37_50": split(y3, 37, 50, 42),
    "s_f20_f30": split(y3, 0.2, 0.3, 7),
    "s_none_f60": split(y3, None, 0.6, 3),
    "s_none_120": split(y3, None, 120, 11),
}
# MultiHateClassification-shaped: 3,728 rows, 29 uneven classes, train_size=1000, test_size=1000, seed 42.
yb = [(i * i + i // 7) % 29 for i in range(3728)]
big = split(yb, 1000, 1000, 42)
out["big"] = {
    "counts": np.bincount(yb).tolist(),
    "trainHead": big["train"][:12],
    "testHead": big["test"][:12],
    "trainSha": h(big["train"]),
    "testSha": h(big["test"]),
}
# The same rows with functionality class-encoded as HF's class_encode_column does (sorted str names: "10" < "2"),
# i.e. MultiHateClassification's dataset_transform on integer functionality values.
names = sorted({str(v) for v in yb})
yb_enc = [names.index(str(v)) for v in yb]
enc = split(yb_enc, 1000, 1000, 42)
out["bigEncoded"] = {"trainHead": enc["train"][:8], "testHead": enc["test"][:8], "trainSha": h(enc["train"]), "testSha": h(enc["test"])}
s = "/** HF train_test_split with an explicit train_size, from gen-train-size-vectors.py in this folder under numpy 2.4.6 (do not edit by hand). */\n"
s += "export const TS = " + json.dumps(out) + " as const;\n"
open(sys.argv[1] if len(sys.argv) > 1 else "train-size-vectors.ts", "w").write(s)
