/** nAUC (abstention) and mteb's MRR@k: spec §4.10 reference values and hand-computed cases. */
import { describe, expect, it } from "vitest";
import { evaluateRetrieval } from "../../../metrics/retrieval/evaluate.js";
import { mrrQuery } from "../../../metrics/retrieval/mrr.js";
import {
  ABSTENTION_RATES,
  abstentionCurve,
  confidenceScores,
  nauc,
} from "../../../metrics/retrieval/nauc.js";

const m = (o: Record<string, number>) => new Map(Object.entries(o));
const nested = (o: Record<string, Record<string, number>>) =>
  new Map(Object.entries(o).map(([k, v]) => [k, m(v)]));

describe("nAUC reference test (spec §4.10, five queries)", () => {
  const qrels = nested({
    "0": { "0": 1, "1": 1 },
    "1": { "0": 1 },
    "2": { "0": 1, "1": 1, "2": 1 },
    "3": { "0": 1 },
    "4": { "0": 1, "1": 1 },
  });
  const run = nested({
    "0": { "0": 0.8, "1": 0.3, "2": 0.4 },
    "1": { "0": 0.5, "1": 0.8, "2": 0.4 },
    "2": { "0": 0.9, "1": 0.3, "2": 0.3 },
    "3": { "0": 0.1, "1": 0.2, "2": 0.2 },
    "4": { "0": 0.5, "1": 0.4, "2": 0.5 },
  });

  it("without ignoring ids: full-precision values", () => {
    const n = evaluateRetrieval(qrels, run, { kValues: [1, 3, 5] }).nauc;
    expect(n.get("nauc_ndcg_at_3_max")).toBe(0.8368244286523474);
    expect(n.get("nauc_ndcg_at_3_std")).toBe(0.9125701917627439);
    expect(n.get("nauc_ndcg_at_3_diff1")).toBe(0.950708977119359);
  });

  it("with ignore_identical_ids (mteb test tolerance 1e-4)", () => {
    const n = evaluateRetrieval(qrels, run, { kValues: [1, 3, 5], ignoreIdenticalIds: true }).nauc;
    expect(Math.abs(n.get("nauc_ndcg_at_3_max")! - 0.50843)).toBeLessThan(1e-4);
    expect(Math.abs(n.get("nauc_ndcg_at_3_std")! - 0.18322)).toBeLessThan(1e-4);
    expect(Math.abs(n.get("nauc_ndcg_at_3_diff1")! - 0.21416)).toBeLessThan(1e-4);
  });

  it("produces every family × k × confidence key, mteb-named", () => {
    const ev = evaluateRetrieval(qrels, run, { kValues: [1, 3] });
    expect([...ev.nauc.keys()].slice(0, 4)).toEqual([
      "nauc_ndcg_at_1_max",
      "nauc_ndcg_at_1_std",
      "nauc_ndcg_at_1_diff1",
      "nauc_ndcg_at_3_max",
    ]);
    expect(ev.nauc.size).toBe(5 * 2 * 3);
    expect(ev.nauc.has("nauc_precision_at_3_std")).toBe(true);
    expect(ev.nauc.has("nauc_mrr_at_1_diff1")).toBe(true);
  });
});

describe("nauc building blocks", () => {
  it("abstention rates are np.linspace(0, 1, 11)[:-1] as doubles", () => {
    expect(ABSTENTION_RATES).toEqual(Array.from({ length: 10 }, (_, i) => i * 0.1));
  });

  it("confidence scores: max, population std in insertion order, top1 - top2", () => {
    const c = confidenceScores([0.2, 0.5, 0.1]);
    expect(c.max).toBe(0.5);
    expect(c.diff1).toBe(0.5 - 0.2);
    expect(c.std).toBeCloseTo(
      Math.sqrt(((0.2 - 0.8 / 3) ** 2 + (0.5 - 0.8 / 3) ** 2 + (0.1 - 0.8 / 3) ** 2) / 3),
      15,
    );
    expect(confidenceScores([0.4])).toEqual({ max: 0.4, std: 0, diff1: 0 });
    expect(confidenceScores([])).toEqual({ max: 0, std: 0, diff1: 0 });
  });

  it("perfect confidence gives 1, inverted confidence gives -1, one query gives NaN", () => {
    // rate·2 rounds (banker's) to 0,0,0,1,1,1,1,1,2→1,2→1.
    expect(abstentionCurve([0.1, 0.9], [0, 1])).toEqual([0.5, 0.5, 0.5, 1, 1, 1, 1, 1, 1, 1]);
    expect(nauc([0.1, 0.9], [0, 1])).toBe(1);
    expect(nauc([0.9, 0.1], [0, 1])).toBeCloseTo(-1, 12);
    expect(nauc([0.3], [1])).toBeNaN();
  });

  it("ties in the confidences keep query order (stable argsort)", () => {
    // With a stable argsort query 0 (metric 0) is abstained first: curve at n_abst=1 is 1.
    expect(abstentionCurve([0.5, 0.5], [0, 1])[3]).toBe(1);
    expect(abstentionCurve([0.5, 0.5], [1, 0])[3]).toBe(0);
  });
});

describe("mteb MRR@k", () => {
  it("tie test: three docs tied at 0.5, relevant d_a ranks third (doc id descending) → 1/3", () => {
    const ev = evaluateRetrieval(
      nested({ q1: { d_a: 1 } }),
      nested({ q1: { d_a: 0.5, d_x: 0.5, d_y: 0.5 } }),
      {
        kValues: [10],
      },
    );
    expect(ev.scores.mrr_at_10).toBe(1 / 3);
    expect(ev.perQuery.get("q1")!.recipRank).toBe(1 / 3);
  });

  it("uses double scores (not float32), grade > 0 as relevant, and the cut-off k", () => {
    const docs = m({ x: 0.7 + 1e-9, y: 0.7, z: 0.1 });
    expect(mrrQuery(docs, m({ x: 1 }), [1, 2])).toEqual([1, 1]);
    expect(mrrQuery(docs, m({ x: 0, z: 2 }), [1, 2, 3])).toEqual([0, 0, 1 / 3]);
  });
});
