/**
 * The gate's paired bootstrap (src/gate/paired.ts) against a numpy reference (numpy 2.4 RandomState(seed).randint,
 * np.quantile; values printed by the script in the comment below), plus hand-computed cases and the verdict rule.
 */
import { describe, expect, it } from "vitest";
import { alignRecords, pairedBootstrap, pairingProblem, recordScore } from "../../../src/gate/paired.js";
import { compareTask, DEFAULT_GATE } from "../../../src/gate/verdict.js";
import type { ItemRecord, ScalarItemRecord } from "../../../src/results/items.js";

/*
 * Reference (python3, numpy 2.4.6):
 *   def boot(recs, B, seed):
 *       rs = np.random.RandomState(seed); sums = np.zeros(B); obs = 0
 *       for kind, base, cand in recs:                     # records in order, B draws each
 *           n = len(base); obs += f(cand, arange(n)) - f(base, arange(n))
 *           for b in range(B): idx = rs.randint(0, n, n); sums[b] += f(cand, idx) - f(base, idx)
 *       d = sums / len(recs); d = d[~isnan(d)]
 *       return obs / len(recs), (1 + sum(d >= 0)) / (1 + len(d)), quantile(d, .025), quantile(d, .975)
 *   f = mean for "mean"; Spearman (average ranks + np.corrcoef) for "corr".
 */
const A_base = Array.from({ length: 60 }, (_, i) => ((i * 37) % 101) / 100);
const A_cand = A_base.map((v, i) => Math.min(1, Math.max(0, v + (((i * 13) % 7) - 3.2) / 100)));
const B_base = Array.from({ length: 45 }, (_, i) => ((i * 53) % 97) / 97);
const B_cand = B_base.map((v, i) => Math.min(1, Math.max(0, v + (((i * 11) % 5) - 2.3) / 50)));

function mean(split: string, values: number[]): ScalarItemRecord {
  return {
    split,
    subset: "default",
    metric: "ndcg_at_10",
    kind: "mean",
    ids: values.map((_, i) => `q${i}`),
    values,
  };
}

function aligned(base: ItemRecord, cand: ItemRecord) {
  return alignRecords(base, cand);
}

describe("pairedBootstrap equals the numpy reference", () => {
  it("two mean records, 1000 resamples, seed 42", () => {
    const r = pairedBootstrap(
      [aligned(mean("a", A_base), mean("a", A_cand)), aligned(mean("b", B_base), mean("b", B_cand))],
      { resamples: 1000, seed: 42 },
    );
    expect(r.delta).toBeCloseTo(-0.002931214203894583, 14);
    expect(r.pValue).toBe(0.1108891108891109);
    expect(r.ciLow).toBeCloseTo(-0.007468539518900387, 13);
    expect(r.ciHigh).toBeCloseTo(0.0015805054410080435, 13);
    expect(r.resamples).toBe(1000);
    expect(r.items).toBe(105);
  });

  it("one mean record, 200 resamples, seed 7", () => {
    const r = pairedBootstrap([aligned(mean("a", A_base), mean("a", A_cand))], { resamples: 200, seed: 7 });
    expect(r.delta).toBeCloseTo(-0.001233333333333364, 14);
    expect(r.pValue).toBe(0.3482587064676617);
    expect(r.ciLow).toBeCloseTo(-0.0057358333333332595, 13);
    expect(r.ciHigh).toBeCloseTo(0.0036033333333334327, 13);
  });

  it("a Spearman record of [gold, prediction] pairs, 300 resamples, seed 3", () => {
    const gold = Array.from({ length: 40 }, (_, i) => ((i * 7) % 11) / 2);
    const pairs = (m: number, d: number) =>
      gold.map((g, i) => [g, g * 0.8 + ((i * m) % d) / 8] as [number, number]);
    const rec = (values: [number, number][]): ItemRecord => ({
      split: "test",
      subset: "default",
      metric: "cosine_spearman",
      kind: "correlation",
      ids: values.map((_, i) => String(i)),
      values,
    });
    const r = pairedBootstrap([aligned(rec(pairs(29, 17)), rec(pairs(31, 19)))], { resamples: 300, seed: 3 });
    expect(r.delta).toBeCloseTo(0.025619499942240664, 14);
    expect(r.pValue).toBe(0.7109634551495017);
    expect(r.ciLow).toBeCloseTo(-0.09816020573481724, 12);
    expect(r.ciHigh).toBeCloseTo(0.16420898635729106, 12);
    expect(r.resamples).toBe(300);
  });
});

describe("hand-computed cases", () => {
  it("identical sides: every resampled delta is 0, p = 1", () => {
    const r = pairedBootstrap([aligned(mean("a", A_base), mean("a", A_base))], { resamples: 50, seed: 1 });
    expect(r).toEqual({ delta: 0, pValue: 1, ciLow: 0, ciHigh: 0, resamples: 50, items: 60 });
  });

  it("a uniformly worse candidate: no resample is ≥ 0, p = 1/(B+1)", () => {
    const worse = A_base.map((v) => v - 0.01);
    const r = pairedBootstrap([aligned(mean("a", A_base), mean("a", worse))], { resamples: 99, seed: 5 });
    expect(r.pValue).toBe(1 / 100);
    expect(r.delta).toBeCloseTo(-0.01, 15);
    expect(r.ciLow).toBeCloseTo(-0.01, 15);
    expect(r.ciHigh).toBeCloseTo(-0.01, 15);
  });

  it("recordScore: mean, accuracy, Spearman and Pearson of the pairs, on an index subset", () => {
    expect(recordScore(mean("a", [1, 0.5, 0]))).toBe(0.5);
    expect(recordScore(mean("a", [1, 0.5, 0]), [0, 0, 1])).toBeCloseTo(2.5 / 3, 15);
    const acc: ItemRecord = { ...mean("a", [1, 0, 1, 1]), kind: "accuracy", metric: "accuracy" };
    expect(recordScore(acc)).toBe(0.75);
    const corr: ItemRecord = {
      split: "t",
      subset: "d",
      metric: "m",
      kind: "correlation",
      ids: ["0", "1", "2"],
      values: [
        [1, 10],
        [2, 30],
        [3, 20],
      ],
    };
    expect(recordScore(corr)).toBeCloseTo(0.5, 15); // ranks (1,2,3) vs (1,3,2): 1 − 6·2/(3·8)
    expect(recordScore({ ...corr, statistic: "pearson" })).toBeCloseTo(0.5, 15);
    expect(recordScore(corr, [0, 0, 0])).toBeNaN();
  });

  it("aligns candidate items by id and names pairing problems", () => {
    const base = mean("a", [0.1, 0.2, 0.3]);
    const cand: ItemRecord = { ...base, ids: ["q2", "q0", "q1"], values: [0.3, 0.1, 0.2] };
    expect(alignRecords(base, cand).cand.values).toEqual([0.1, 0.2, 0.3]);
    expect(pairingProblem(base, { ...base, ids: ["q0", "q1", "x"] })).toBe("item ids differ");
    expect(pairingProblem(base, { ...base, metric: "map" })).toMatch(/metric differs/);
    expect(pairingProblem(base, { ...base, kind: "accuracy" })).toMatch(/kind differs/);
    expect(pairingProblem(base, mean("a", [1, 2]))).toMatch(/item count differs/);
    expect(() => alignRecords(base, mean("a", [1]))).toThrow(
      expect.objectContaining({ code: "E_SHAPE_MISMATCH" }),
    );
  });

  it("rejects bad settings with coded errors", () => {
    const r = [aligned(mean("a", [1, 0]), mean("a", [1, 0]))];
    expect(() => pairedBootstrap(r, { resamples: 0 })).toThrow(
      expect.objectContaining({ code: "E_INVALID_ARGUMENT" }),
    );
    expect(() => pairedBootstrap(r, { seed: -1 })).toThrow(
      expect.objectContaining({ code: "E_INVALID_ARGUMENT" }),
    );
    expect(() => pairedBootstrap([])).toThrow(expect.objectContaining({ code: "E_EMPTY_INPUT" }));
  });
});

describe("verdict rule", () => {
  const side = (score: number, records: ItemRecord[] | null) => ({
    score,
    records,
    note: records ? null : "no items",
  });
  const worse = A_base.map((v) => Math.max(0, v - 0.05));

  it("fails a significant drop beyond max-drop, and an untestable one", () => {
    const t = compareTask(
      "T",
      null,
      side(0.5, [mean("a", A_base)]),
      side(0.45, [mean("a", worse)]),
      DEFAULT_GATE,
    );
    expect(t.status).toBe("fail");
    expect(t.failing).toBe(true);
    expect(t.delta).toBeCloseTo(-5, 12);
    expect(t.test?.pValue).toBeLessThan(0.05);
    const u = compareTask("T", null, side(0.5, null), side(0.494, null), DEFAULT_GATE);
    expect(u.status).toBe("fail");
    expect(u.testNote).toBe("baseline: no items");
  });

  it("passes drops within max-drop and non-significant drops (status drop)", () => {
    expect(compareTask("T", null, side(0.5, null), side(0.496, null), DEFAULT_GATE).status).toBe("ok");
    expect(compareTask("T", null, side(0.5, null), side(0.495, null), DEFAULT_GATE).status).toBe("ok"); // exactly 0.5
    const t = compareTask("T", null, side(0.5, [mean("a", A_base)]), side(0.49, [mean("a", A_cand)]), {
      ...DEFAULT_GATE,
      seed: 42,
    });
    expect(t.status).toBe("drop");
    expect(t.failing).toBe(false);
  });

  it("missing in the candidate fails unless allowed; candidate-only tasks are new", () => {
    expect(compareTask("T", null, side(0.5, null), undefined, DEFAULT_GATE)).toMatchObject({
      status: "missing",
      failing: true,
    });
    expect(
      compareTask("T", null, side(0.5, null), undefined, { ...DEFAULT_GATE, allowMissing: true }).failing,
    ).toBe(false);
    expect(compareTask("T", null, undefined, side(0.5, null), DEFAULT_GATE)).toMatchObject({
      status: "new",
      failing: false,
    });
  });
});
