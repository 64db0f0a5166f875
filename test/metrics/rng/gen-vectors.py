"""Regenerate test/metrics/rng/vectors.ts: python3 gen-vectors.py vectors.ts && npx biome check --write vectors.ts (CPython 3.11, numpy 2.4.6)."""
import json, random, hashlib, math
import numpy as np
def h(xs): return hashlib.sha256(",".join(str(int(x)) for x in xs).encode()).hexdigest()
out = {}
# ---- CPython random ----
py = {}
for seed in [42, 0, 1, 2**32-1, 2**32, 2**40+5, -7, 2**100+3]:
    r = random.Random(seed)
    py[str(seed)] = {"u32": [r.getrandbits(32) for _ in range(5)], "random": [repr(r.random()) for _ in range(3)]}
r = random.Random(123)
py["getrandbits"] = [[k, str(r.getrandbits(k))] for k in [0, 1, 7, 31, 32, 33, 64, 65, 100, 1]]
r = random.Random(7)
py["randrange"] = [r.randrange(10), r.randrange(10**10), r.randrange(3, 1000, 7), r.randrange(100, 0, -3), r.randrange(-5, 5), r.randrange(2**40), r.randint(1, 6)]
samples = {}
for n, k in [(100,5),(100,60),(2048,81),(50000,2000),(10,10),(21,21),(22,3),(26,5),(85,6),(86,6),(1,1),(5,0)]:
    r = random.Random(42)
    s = r.sample(range(n), k)
    samples[f"{n},{k}"] = {"first": s[:10], "sha": h(s), "next": r.getrandbits(32)}
py["sample"] = samples
r = random.Random(3)
py["sampleBig"] = r.sample(range(2**40), 5)
r = random.Random(42)
c = r.choices(range(100), k=1000); py["choices"] = {"first": c[:10], "sha": h(c)}
r = random.Random(5)
x = list(range(30)); r.shuffle(x); py["shuffle30"] = x
py["choice"] = [r.choice("abcdefg") for _ in range(8)]
r = random.Random(42)
s = r.sample(range(2048), 81); cc = r.choices(range(81), k=16384)
py["fast"] = {"sample": s[:10], "choicesFirst": cc[:10], "choicesLast": cc[-3:], "sha": h(cc)}
out["python"] = py
# ---- RandomState ----
rs = {}
for seed in [42, 0, 1, 2**32-1, 123456789]:
    st = np.random.RandomState(seed)
    rs[str(seed)] = {"raw": [int(v) for v in st._bit_generator.random_raw(5)], "sample": [repr(float(v)) for v in np.random.RandomState(seed).random_sample(3)]}
st = np.random.RandomState(42)
rs["uniform"] = [repr(float(v)) for v in st.uniform(-1.5, 3.0, 4)]
st = np.random.RandomState(42)
rs["randint10"] = st.randint(0, 10, 10).tolist()
rs["randintBig"] = st.randint(0, 100000, 10).tolist()
rs["randintNeg"] = st.randint(-50, 50, 5).tolist()
rs["randintOne"] = [int(st.randint(5, 6)), int(st.randint(0, 2**32)), int(st.randint(0, 70000))]
rs["randint64"] = st.randint(0, 2**33, 3).tolist()
rs["after"] = int(st._bit_generator.random_raw())
st = np.random.RandomState(42)
rs["perm20"] = st.permutation(20).tolist()
p = st.permutation(100000); rs["perm100k"] = {"first": p[:10].tolist(), "sha": h(p)}
st = np.random.RandomState(7)
pp = [0.1, 0.2, 0.3, 0.15, 0.25]
rs["choiceP"] = st.choice(5, 20, p=pp).tolist()
rs["choiceP1"] = [int(st.choice(5, p=pp)) for _ in range(5)]
pz = [0.0, 0.5, 0.0, 0.5]
rs["choiceP0"] = st.choice(4, 12, p=pz).tolist()
rs["choiceNR"] = st.choice(10, 3, replace=False).tolist()
rs["choiceR"] = st.choice(1000, 5).tolist()
st = np.random.RandomState(42)
idxs = list(range(20)); sel = []
labels = [i % 3 for i in range(20)]
for e in range(3):
    np.random.RandomState(42).shuffle(idxs)
    cnt = {}; s = []
    for i in idxs:
        if cnt.get(labels[i], 0) < 2:
            cnt[labels[i]] = cnt.get(labels[i], 0) + 1; s.append(i)
    sel.append(s)
rs["undersample"] = sel
out["randomState"] = rs
# ---- Generator ----
g = {}
for seed in [42, 0, 1, 2**32-1, 2**32, 2**64+1, 2**130+12345, 2416569488]:
    gen = np.random.default_rng(seed)
    g[str(seed)] = {"u64": [str(int(v)) for v in gen.bit_generator.random_raw(3)], "state": str(np.random.default_rng(seed).bit_generator.state["state"]["state"]), "inc": str(np.random.default_rng(seed).bit_generator.state["state"]["inc"]), "pool": [int(v) for v in np.random.SeedSequence(seed).pool]}
gen = np.random.default_rng(42)
g["random"] = [repr(float(v)) for v in gen.random(3)]
g["f32"] = [repr(float(v)) for v in gen.random(5, dtype=np.float32)]
g["f32odd"] = [repr(float(v)) for v in gen.random(3, dtype=np.float32)]
g["afterOdd"] = repr(float(gen.random()))
g["f32next"] = repr(float(gen.random(dtype=np.float32)))
gen = np.random.default_rng(42)
g["ints"] = [int(gen.integers(0, 10)) for _ in range(5)] + [int(gen.integers(-5, 5)) for _ in range(3)] + [int(gen.integers(0, 100000)) for _ in range(3)]
g["intsEdge"] = [int(gen.integers(0, 2**32)), int(gen.integers(0, 2**32 - 1)), int(gen.integers(0, 2**32 + 1)), int(gen.integers(5, 6)), int(gen.integers(0, 2**40)), int(gen.integers(0, 3*2**31))]
g["intsAfter"] = str(int(gen.bit_generator.random_raw()))
gen = np.random.default_rng(12345)
g["choiceFloyd"] = gen.choice(100, 5, replace=False).tolist()
g["choiceFloydAll"] = gen.choice(5, 5, replace=False).tolist()
g["choiceFloydBig"] = gen.choice(20000, 400, replace=False).tolist()[:10]
c = gen.choice(20000, 401, replace=False); g["choiceTail"] = {"first": c[:10].tolist(), "sha": h(c), "len": len(c)}
c = gen.choice(20000, 20000, replace=False); g["choiceTailAll"] = {"first": c[:10].tolist(), "sha": h(c)}
c = gen.choice(10000, 5000, replace=False); g["choiceFloyd10k"] = {"first": c[:10].tolist(), "sha": h(c)}
g["choiceArr"] = gen.choice(np.array([3, 7, 9]), size=2, replace=False).tolist()
g["afterChoice"] = str(int(gen.bit_generator.random_raw()))
gen = np.random.default_rng(99)
p = gen.permutation(100000); g["perm100k"] = {"first": p[:10].tolist(), "sha": h(p)}
gen = np.random.default_rng(42)
m = []
for e in range(2):
    idxs = list(np.arange(10)); gen.shuffle(idxs); m.append([int(v) for v in idxs])
g["multilabel"] = m
enc = {}
for t in ["hello", "", "The cat sat on the mat.", "naïve café 😀"]:
    s = int(hashlib.sha256(t.encode("utf-8")).hexdigest(), 16) % 2**32
    enc[t] = {"seed": s, "v": [repr(float(v)) for v in np.random.default_rng(s).random(32, dtype=np.float32)]}
g["encoder"] = enc
out["generator"] = g

# ---- HF datasets stratify.py logic (copied from huggingface/datasets src/datasets/utils/stratify.py) ----
import math
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
    train = []; test = []
    for i in range(n_classes):
        permutation = rng.permutation(class_counts[i])
        p = class_indices[i].take(permutation, mode="clip")
        train.extend(p[: n_i[i]]); test.extend(p[n_i[i] : n_i[i] + t_i[i]])
    return rng.permutation(train), rng.permutation(test)
def sizes(n, test_size):
    n_test = math.ceil(test_size * n) if isinstance(test_size, float) else test_size
    return n - n_test, n_test
def split(y, test_size, seed):
    n_train, n_test = sizes(len(y), test_size)
    tr, te = strat(np.array(y), n_train, n_test, np.random.default_rng(seed))
    return {"train": [int(v) for v in tr], "test": [int(v) for v in te]}
def plain(n, test_size, seed):
    n_train, n_test = sizes(n, test_size)
    p = np.random.default_rng(seed).permutation(n)
    return {"test": p[:n_test].tolist(), "train": p[n_test:n_test+n_train].tolist()}
hf = {}
hf["s1"] = split([0]*10 + [1]*6 + [2]*4, 5, 42)
hf["s2"] = split([3,1,2,3,1,2,3,1,2,3,3,3,1,2,2,1,3,2,1,3,3,2,1,1,2,3,1,2,3,3], 7, 42)
rs = np.random.RandomState(0)
y3 = rs.randint(0, 7, 200).tolist()
hf["y3"] = y3
hf["s3"] = split(y3, 0.25, 1)
hf["s3b"] = split(y3, 37, 2024)
y4 = [5]*50 + [2]*3 + [9]*47 + [2]*2
hf["y4"] = y4
hf["s4"] = split(y4, 0.1, 42)
hf["p1"] = plain(20, 5, 42)
hf["p2"] = plain(1000, 0.33, 7)
hf["p3"] = plain(10, 0.15, 42)
am = []
for counts, n, seed in [([10, 6, 4], 15, 42), ([3, 3, 3, 3], 7, 1), ([5, 5, 5], 2, 3), ([1, 2, 3, 4, 5, 6], 11, 9), ([7, 7, 7, 7, 7], 20, 42)]:
    rng = np.random.default_rng(seed)
    r1 = approximate_mode(np.array(counts), n, rng).tolist()
    am.append({"counts": counts, "n": n, "seed": seed, "result": r1, "next": str(int(rng.bit_generator.random_raw()))})
hf["am"] = am

# ---- write the TypeScript fixture ----
import sys
s = "/** Reference vectors generated with CPython 3.11 `random` and numpy 2.4.6 by gen-vectors.py in this folder (do not edit by hand). */\n"
s += "export const PY = " + json.dumps(out["python"]) + " as const;\n"
s += "export const RS = " + json.dumps(out["randomState"]) + " as const;\n"
s += "export const GEN = " + json.dumps(out["generator"], ensure_ascii=False) + " as const;\n"
s += "export const HF = " + json.dumps(hf) + " as const;\n"
open(sys.argv[1] if len(sys.argv) > 1 else "vectors.ts", "w").write(s)
