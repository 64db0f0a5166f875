/** trec_eval measures: hand-computed queries and mteb's RetrievalEvaluator reference checks (spec §4.10). */
import { describe, expect, it } from "vitest";
import { isEmbevalError } from "../../../metrics/errors.js";
import { evaluateRetrieval } from "../../../metrics/retrieval/evaluate.js";
import { trecEvalQuery } from "../../../metrics/retrieval/trec-eval.js";
import { qrelsFromTriples, runFromTriples } from "../../../metrics/retrieval/triples.js";
import type { Qrels, Run } from "../../../metrics/retrieval/types.js";

const m = (o: Record<string, number>) => new Map(Object.entries(o));
const nested = (o: Record<string, Record<string, number>>) =>
  new Map(Object.entries(o).map(([k, v]) => [k, m(v)]));

describe("trecEvalQuery (hand-computed)", () => {
  // Graded qrels, a judged-irrelevant doc, an unretrieved relevant doc (z), an unjudged doc (d).
  const judg = m({ a: 2, b: 1, c: 0, z: 3 });
  const run = m({ d: 0.6, c: 0.7, b: 0.8, a: 0.9 });
  const r = trecEvalQuery(run, judg, [1, 3, 4, 10]);

  it("nDCG: linear gain, IDCG over all positive qrels incl. unretrieved", () => {
    const dcg3 = 2 / 1 + 1 / Math.log2(3);
    const idcg3 = 3 / 1 + 2 / Math.log2(3) + 1 / 2;
    expect(r.ndcg[0]).toBe(2 / 3);
    expect(r.ndcg[1]).toBeCloseTo(dcg3 / idcg3, 15);
    expect(r.ndcg[3]).toBeCloseTo(dcg3 / idcg3, 15); // no more gain after rank 2, IDCG complete at 3 docs
  });

  it("MAP@k divides by num_rel (3), not by min(k, num_rel)", () => {
    expect(r.map).toEqual([1 / 3, 2 / 3, 2 / 3, 2 / 3]);
  });

  it("P@k divides by k even beyond the run; recall by num_rel; success", () => {
    expect(r.precision).toEqual([1, 2 / 3, 2 / 4, 2 / 10]);
    expect(r.recall).toEqual([1 / 3, 2 / 3, 2 / 3, 2 / 3]);
    expect(r.success).toEqual([1, 1, 1, 1]);
    expect(r.numRel).toBe(3);
    expect(r.numRet).toBe(4);
    expect(r.recipRank).toBe(1);
  });

  it("negative grades are unjudged; all-zero judgments score 0; an empty run scores 0", () => {
    const neg = trecEvalQuery(m({ a: 0.9, b: 0.8 }), m({ a: -1, b: 1 }), [1, 2]);
    expect(neg.precision).toEqual([0, 0.5]);
    expect(neg.recipRank).toBe(0.5);
    expect(neg.numRel).toBe(1);
    const zero = trecEvalQuery(m({ a: 0.9 }), m({ a: 0 }), [1, 5]);
    expect([...zero.ndcg, ...zero.map, ...zero.recall, ...zero.precision, ...zero.success]).toEqual(
      Array(10).fill(0),
    );
    const empty = trecEvalQuery(new Map(), m({ a: 1 }), [1, 5]);
    expect([...empty.ndcg, ...empty.map, ...empty.precision, empty.numRet]).toEqual(Array(7).fill(0));
  });

  it("ranks by float32 score: doubles within float32 resolution tie and fall back to doc id descending", () => {
    const run32 = m({ x: 0.7 + 1e-9, y: 0.7 });
    const q = trecEvalQuery(run32, m({ x: 1 }), [1]);
    expect(q.precision[0]).toBe(0); // y ranks first (tie, "y" > "x")
    expect(q.recipRank).toBe(0.5);
  });

  it("counts only the first k documents at each cut-off (k=1000 on 1100 docs)", () => {
    const run1100 = new Map(Array.from({ length: 1100 }, (_, i) => [`d${i}`, 1 - i / 2000]));
    const q = trecEvalQuery(run1100, m({ d1050: 1, d5: 1 }), [1000]);
    expect(q.recall[0]).toBe(0.5);
    expect(q.precision[0]).toBe(1 / 1000);
  });

  it("rejects bad cut-offs", () => {
    try {
      trecEvalQuery(new Map(), new Map(), [0]);
      expect.unreachable();
    } catch (e) {
      expect(isEmbevalError(e, "E_INVALID_ARGUMENT")).toBe(true);
    }
    expect(() => trecEvalQuery(new Map(), new Map(), [])).toThrow(/empty/);
  });
});

describe("mteb reference checks (spec §4.10, test_RetrievalEvaluator.py)", () => {
  const qrels: Qrels = nested({ "0": { "0": 1, "1": 1 }, "1": { "1": 1 } });
  const run: Run = nested({ "0": { "0": 1.0, "1": 0.9, "2": 0.8 }, "1": { "0": 0.0, "1": 1.0, "2": 0.0 } });

  it("example 1", () => {
    const s = evaluateRetrieval(qrels, run, { kValues: [1, 2, 3] }).scores;
    expect([s.ndcg_at_1, s.ndcg_at_2, s.ndcg_at_3]).toEqual([1, 1, 1]);
    expect([s.map_at_1, s.map_at_2, s.map_at_3]).toEqual([0.75, 1, 1]);
    expect([s.recall_at_1, s.recall_at_2, s.recall_at_3]).toEqual([0.75, 1, 1]);
    expect([s.precision_at_1, s.precision_at_2, s.precision_at_3]).toEqual([1, 0.75, 0.5]);
    expect(s.accuracy).toBe(0.75);
  });

  it("example 1 with ignore_identical_ids", () => {
    const s = evaluateRetrieval(qrels, run, { kValues: [1, 2, 3], ignoreIdenticalIds: true }).scores;
    expect([s.ndcg_at_1, s.ndcg_at_2, s.ndcg_at_3]).toEqual([0.5, 0.30657, 0.30657]);
    expect([s.map_at_1, s.map_at_2, s.map_at_3]).toEqual([0.25, 0.25, 0.25]);
    expect([s.recall_at_1, s.recall_at_2, s.recall_at_3]).toEqual([0.25, 0.25, 0.25]);
    expect([s.precision_at_1, s.precision_at_2, s.precision_at_3]).toEqual([0.5, 0.25, 0.16667]);
  });

  it("evaluates only run queries that have judgments, in run order", () => {
    const ev = evaluateRetrieval(
      nested({ b: { x: 1 }, a: { x: 1 }, e: {} }),
      nested({ z: { x: 1 }, b: { x: 1 }, e: { x: 1 }, a: {} }),
      { kValues: [1] },
    );
    expect(ev.queryIds).toEqual(["b", "a"]);
    expect(ev.scores.precision_at_1).toBe(0.5);
    expect(() =>
      evaluateRetrieval(nested({ a: { x: 1 } }), nested({ b: { x: 1 } }), { kValues: [1] }),
    ).toThrow(/no run query/);
  });

  it("means use Python's builtin sum: naive (3.11, default) or Neumaier (3.12+)", () => {
    const ids = Array.from({ length: 10 }, (_, i) => `q${i}`);
    const q10 = new Map(ids.map((q) => [q, m({ hit: 1 })]));
    const r10 = new Map(ids.map((q) => [q, m({ hit: 1, a: 0.5, b: 0.4 })]));
    // Ten per-query P@10 values of 0.1: sum is 0.9999999999999999 naively, 1.0 with Neumaier.
    expect(evaluateRetrieval(q10, r10, { kValues: [10] }).unrounded.precision[0]).toBe(
      0.9999999999999999 / 10,
    );
    expect(evaluateRetrieval(q10, r10, { kValues: [10], pythonSum: "neumaier" }).unrounded.precision[0]).toBe(
      0.1,
    );
  });

  it("skip_first_result drops the top document after a stable score-only sort", () => {
    const ev = evaluateRetrieval(nested({ q: { b: 1 } }), nested({ q: { a: 0.5, b: 0.5, c: 0.1 } }), {
      kValues: [1],
      skipFirstResult: true,
    });
    expect([...ev.run.get("q")!.keys()]).toEqual(["b", "c"]);
    expect(ev.scores.precision_at_1).toBe(1);
  });
});

describe("qrelsFromTriples / runFromTriples", () => {
  it("last duplicate wins and keeps its first position (Python dict semantics), integer-like ids keep order", () => {
    const q = qrelsFromTriples([
      ["10", "d2", 1],
      ["2", "d1", 0],
      ["10", "d2", 2],
      ["10", "d1", 1],
    ]);
    expect([...q.keys()]).toEqual(["10", "2"]);
    expect([...q.get("10")!]).toEqual([
      ["d2", 2],
      ["d1", 1],
    ]);
    const r = runFromTriples([
      ["q", "a", 0.1],
      ["q", "a", 0.7],
    ]);
    expect(r.get("q")!.get("a")).toBe(0.7);
  });

  it("rejects non-integer grades and NaN scores", () => {
    expect(() => qrelsFromTriples([["q", "d", 0.5]])).toThrow(/int32/);
    expect(() => runFromTriples([["q", "d", Number.NaN]])).toThrow(/NaN/);
  });
});
