"""Reference for `npm run bench -- retrieval`: mteb's retrieval measures (trec_eval 9.0.8 ndcg_cut, map_cut,
recall, P, success; mteb's MRR@k) over one run in numpy, timed without the file parsing.

Usage: python3 retrieval_metrics.py DATA_FILE REPS. DATA_FILE lines (tab-separated):
  k <k1> <k2> ...                      the cut-offs
  r <qid> <doc> <score> <doc> <score>  one query's run (scores as shortest round-trip decimals)
  q <qid> <doc> <grade> ...            one query's qrels
Prints one JSON object: median seconds of the computation (from the parsed dicts, as mteb hands them to
pytrec_eval, to the per-k means), the split into dict->array conversion and the numpy kernel, and the means
(Python's left-to-right `sum` over the per-query values, as mteb averages them).
Ranking as trec_eval: float32 score descending, ties by doc id descending (code points); MRR ranks doubles
with the same tie rule (mteb #5136). Relevant = grade >= 1; num_rel counts every judged grade >= 1.
"""

import json
import sys
import time
from itertools import repeat

import numpy as np


def parse(path):
    ks, run, qrels = [], {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "k":
                ks = [int(x) for x in parts[1:]]
            elif parts[0] == "r":
                it = iter(parts[2:])
                run[parts[1]] = {d: float(s) for d, s in zip(it, it)}
            elif parts[0] == "q":
                it = iter(parts[2:])
                qrels[parts[1]] = {d: int(g) for d, g in zip(it, it)}
    return ks, run, qrels


def to_arrays(run, qrels):
    """Per-query dicts -> padded matrices: scores (float64, -inf padding), doc-id rank key, grades, ideal gains."""
    qids = [q for q in run if qrels.get(q)]
    width = max(len(run[q]) for q in qids)
    all_ids = set()
    for q in qids:
        all_ids.update(run[q])
    id_rank = {d: i for i, d in enumerate(sorted(all_ids))}  # Python str order = code points
    n = len(qids)
    scores = np.full((n, width), -np.inf)
    keys = np.full((n, width), -1, dtype=np.int64)
    grades = np.zeros((n, width), dtype=np.int64)
    positives = []
    for i, q in enumerate(qids):
        docs, judged = run[q], qrels[q]
        m = len(docs)
        scores[i, :m] = np.fromiter(docs.values(), dtype=np.float64, count=m)
        keys[i, :m] = np.fromiter(map(id_rank.__getitem__, docs), dtype=np.int64, count=m)
        grades[i, :m] = np.fromiter(map(judged.get, docs, repeat(0, m)), dtype=np.int64, count=m)
        positives.append(sorted((g for g in judged.values() if g >= 1), reverse=True))
    depth = max(1, max(len(p) for p in positives))
    ideal = np.zeros((n, depth))
    for i, p in enumerate(positives):
        ideal[i, : len(p)] = p
    num_rel = np.array([len(p) for p in positives], dtype=np.float64)
    return scores, keys, grades, ideal, num_rel


def rank(scores, keys, precision):
    """Column order per row: score descending in `precision`, ties by doc-id key descending; padding last.

    Sorted ascending by (score, key), then reversed: descending by both. float32: one uint64 key per entry
    (monotone float32 bits << 32 | doc-id rank), argsorted; padding (key -1) gets 0 and sorts last.
    float64: lexsort on (key, score) with padding at (-inf, -1)."""
    if precision == "float64":
        return np.lexsort((keys, scores), axis=1)[:, ::-1]
    bits = (scores.astype(np.float32) + np.float32(0)).view(np.uint32).astype(np.uint64)  # -0 -> +0
    mono = np.where(bits >= 0x80000000, np.uint64(0xFFFFFFFF) - bits, bits + np.uint64(0x80000000))
    packed = (mono << np.uint64(32)) | np.maximum(keys, 0).astype(np.uint64)
    packed[keys < 0] = 0
    return np.argsort(packed, axis=1)[:, ::-1]


def measures(scores, keys, grades, ideal, num_rel, ks):
    width = scores.shape[1]
    order = rank(scores, keys, "float32")
    rel = np.take_along_axis(grades, order, axis=1)
    discount = np.log2(np.arange(2, width + 2, dtype=np.float64))
    dcg = np.cumsum(np.where(rel > 0, rel, 0) / discount, axis=1)
    relevant = rel >= 1
    hits = np.cumsum(relevant, axis=1)
    ap = np.cumsum(np.where(relevant, hits / np.arange(1, width + 1), 0.0), axis=1)
    idcg = np.cumsum(ideal / discount[: ideal.shape[1]], axis=1)
    safe_rel = np.where(num_rel > 0, num_rel, 1.0)
    if np.array_equal(scores.astype(np.float32).astype(np.float64), scores):
        first_rel = relevant  # float32-exact scores: the double ranking is the same ranking
    else:
        first_rel = np.take_along_axis(grades, rank(scores, keys, "float64"), axis=1) > 0
    any_rel = first_rel.any(axis=1)
    first = np.where(any_rel, first_rel.argmax(axis=1), width)
    out = {"ndcg": [], "map": [], "recall": [], "precision": [], "success": [], "mrr": []}
    n = scores.shape[0]

    def mean(col):  # Python's left-to-right float sum, as mteb averages per-query values
        return sum(col.tolist()) / n

    for k in ks:
        at = min(k, width) - 1
        ideal_at = idcg[:, min(k, idcg.shape[1]) - 1]
        d = dcg[:, at]
        out["ndcg"].append(mean(np.where(ideal_at > 0, d / np.where(ideal_at > 0, ideal_at, 1), d)))
        out["map"].append(mean(np.where(num_rel > 0, ap[:, at] / safe_rel, 0.0)))
        out["recall"].append(mean(np.where(num_rel > 0, hits[:, at] / safe_rel, 0.0)))
        out["precision"].append(mean(hits[:, at] / k))
        out["success"].append(mean((hits[:, at] > 0).astype(np.float64)))
        out["mrr"].append(mean(np.where(first < k, 1.0 / (first + 1), 0.0)))
    return out


def main():
    ks, run, qrels = parse(sys.argv[1])
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    totals, converts, kernels, result = [], [], [], None
    for _ in range(reps + (1 if reps > 1 else 0)):  # one warm-up when repeating, as the TypeScript side
        t0 = time.perf_counter()
        arrays = to_arrays(run, qrels)
        t1 = time.perf_counter()
        result = measures(*arrays, ks)
        t2 = time.perf_counter()
        totals.append(t2 - t0)
        converts.append(t1 - t0)
        kernels.append(t2 - t1)
    if reps > 1:
        totals, converts, kernels = totals[1:], converts[1:], kernels[1:]
    med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
    print(
        json.dumps(
            {
                "seconds": med(totals),
                "convert_seconds": med(converts),
                "kernel_seconds": med(kernels),
                "queries": len(arrays[0]),
                "numpy": np.__version__,
                "means": result,
            }
        )
    )


if __name__ == "__main__":
    main()
