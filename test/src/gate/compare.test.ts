/**
 * `compareResults` on results trees built in temp folders: a candidate made by perturbing per-item values (worse on
 * one task, noise on the others) fails on exactly that task; identical trees pass; drops without items; coded errors;
 * the markdown summary (benchmark means: compare-benchmark.test.ts).
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareResults } from "../../../src/gate/compare.js";
import { renderCompareMarkdown } from "../../../src/gate/markdown.js";
import {
  baselineTasks,
  candidateTasks,
  type FakeTask,
  meanRecord,
  queryValues,
  writeFakeRun,
} from "./trees.js";

const tmp = mkdtempSync(join(tmpdir(), "embeval-gate-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const base = join(tmp, "base");
const cand = join(tmp, "cand");
const same = join(tmp, "same");
beforeAll(async () => {
  const b = baselineTasks();
  await writeFakeRun(base, b);
  await writeFakeRun(cand, candidateTasks(b));
  cpSync(base, same, { recursive: true });
});

describe("perturbed per-item values", () => {
  it("fail on exactly the task made worse", async () => {
    const r = await compareResults({ baseline: [base], candidate: [cand] });
    expect(r.pass).toBe(false);
    expect(r.failing).toEqual(["RetA"]);
    const byName = new Map(r.tasks.map((t) => [t.task, t]));
    expect([...byName.keys()].sort()).toEqual(["ClsC", "RetA", "RetB", "StsD"]);
    const a = byName.get("RetA");
    expect(a?.status).toBe("fail");
    expect(a?.delta).toBeLessThan(-3);
    expect(a?.test?.pValue).toBeLessThan(0.01);
    expect(a?.test?.items).toBe(300);
    // The item-derived delta agrees with the main-score delta (main scores are the item means, 6 decimals).
    expect(Math.abs((a?.test?.delta ?? 0) - (a?.delta ?? 0))).toBeLessThan(1e-3);
    for (const t of ["RetB", "ClsC", "StsD"]) {
      const row = byName.get(t);
      expect(row?.status, t).toBe("ok");
      expect(row?.test, t).not.toBeNull();
      expect(Math.abs(row?.delta ?? 9), t).toBeLessThan(0.5);
    }
    expect(byName.get("RetB")?.test?.items).toBe(500);
    expect(byName.get("StsD")?.test?.items).toBe(300);
    expect(r.baseline.model).toBe("test-org/test-model");
    expect(r.candidate.revision).toBe("rev1");
  });

  it("is reproducible for a seed and moves with it", async () => {
    const r1 = await compareResults({ baseline: [base], candidate: [cand], seed: 7 });
    const r2 = await compareResults({ baseline: [base], candidate: [cand], seed: 7 });
    const r3 = await compareResults({ baseline: [base], candidate: [cand], seed: 8 });
    expect(r1.tasks).toEqual(r2.tasks);
    const ci = (r: typeof r1) => r.tasks.find((t) => t.task === "RetB")?.test?.ciLow;
    expect(ci(r1)).not.toBe(ci(r3));
  });

  it("a larger max-drop lets the worse task pass", async () => {
    const r = await compareResults({ baseline: [base], candidate: [cand], maxDrop: 10 });
    expect(r.pass).toBe(true);
  });

  it("identical trees pass with zero deltas and p = 1", async () => {
    const r = await compareResults({ baseline: [base], candidate: [same] });
    expect(r.pass).toBe(true);
    for (const t of r.tasks) {
      expect(t.status).toBe("ok");
      expect(t.delta).toBe(0);
      expect(t.test?.pValue).toBe(1);
    }
  });
});

describe("without per-item values", () => {
  const scores = (name: string, main: number, items = false): FakeTask => ({
    name,
    records: [meanRecord("test", [main, main])],
    writeItems: items,
  });

  it("a drop beyond max-drop fails; within it passes", async () => {
    const b = join(tmp, "noitems-b");
    const c = join(tmp, "noitems-c");
    await writeFakeRun(b, [scores("T1", 0.7), scores("T2", 0.6), scores("T3", 0.5)]);
    await writeFakeRun(c, [scores("T1", 0.694), scores("T2", 0.596), scores("T3", 0.52)]);
    const r = await compareResults({ baseline: [b], candidate: [c] });
    expect(r.failing).toEqual(["T1"]);
    const t1 = r.tasks.find((t) => t.task === "T1");
    expect(t1?.delta).toBeCloseTo(-0.6, 9);
    expect(t1?.test).toBeNull();
    expect(t1?.testNote).toBe("baseline: no items sidecar");
    expect(r.tasks.find((t) => t.task === "T2")?.status).toBe("ok");
    expect(r.tasks.find((t) => t.task === "T3")?.delta).toBeCloseTo(2, 9);
  });

  it("items on one side only fall back to the threshold rule", async () => {
    const b = join(tmp, "half-b");
    const c = join(tmp, "half-c");
    await writeFakeRun(b, [scores("T1", 0.7, true)]);
    await writeFakeRun(c, [scores("T1", 0.69, false)]);
    const r = await compareResults({ baseline: [b], candidate: [c] });
    expect(r.tasks[0]).toMatchObject({ status: "fail", test: null, testNote: "candidate: no items sidecar" });
  });

  it("stale items (their score is not the stored main_score) fall back to the threshold rule", async () => {
    const b = join(tmp, "stale-b");
    const c = join(tmp, "stale-c");
    const values = queryValues(100, 9);
    const rec = meanRecord("test", values);
    await writeFakeRun(b, [{ name: "T1", records: [rec] }]);
    // Candidate items equal the baseline's (no drop at all), but its result file says 0.6 points lower.
    const main = values.reduce((s, v) => s + v, 0) / values.length - 0.006;
    await writeFakeRun(c, [{ name: "T1", records: [rec], mainScores: { "test/default": main } }]);
    const r = await compareResults({ baseline: [b], candidate: [c] });
    expect(r.tasks[0].status).toBe("fail");
    expect(r.tasks[0].test).toBeNull();
    expect(r.tasks[0].testNote).toMatch(
      /^candidate: items of test\/default give 0\.\d{6} but main_score is 0\.\d+$/,
    );
  });

  it("a task missing in the candidate fails unless allowed; a new one does not", async () => {
    const b = join(tmp, "miss-b");
    const c = join(tmp, "miss-c");
    await writeFakeRun(b, [scores("T1", 0.7), scores("T2", 0.6)]);
    await writeFakeRun(c, [scores("T1", 0.7), scores("T9", 0.1)]);
    const r = await compareResults({ baseline: [b], candidate: [c] });
    expect(r.failing).toEqual(["T2"]);
    expect(r.tasks.find((t) => t.task === "T9")?.status).toBe("new");
    expect((await compareResults({ baseline: [b], candidate: [c], allowMissing: true })).pass).toBe(true);
  });
});

describe("input errors and the markdown summary", () => {
  it("coded errors for bad thresholds, missing trees and ambiguous models", async () => {
    await expect(compareResults({ baseline: [base], candidate: [cand], alpha: 0 })).rejects.toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
    await expect(compareResults({ baseline: [base], candidate: [cand], maxDrop: -1 })).rejects.toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
    await expect(compareResults({ baseline: [base], candidate: [cand], seed: 1.5 })).rejects.toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
    await expect(compareResults({ baseline: [], candidate: [cand] })).rejects.toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
    await expect(compareResults({ baseline: [join(tmp, "nope")], candidate: [cand] })).rejects.toMatchObject({
      code: "E_IO",
    });
    await expect(
      compareResults({ baseline: [base], candidate: [cand], benchmark: "no-such-benchmark" }),
    ).rejects.toMatchObject({ code: "E_INVALID_ARGUMENT" });
    const two = join(tmp, "two");
    await writeFakeRun(two, [{ name: "T1", records: [meanRecord("test", [0.5])] }], "a/one");
    await writeFakeRun(two, [{ name: "T1", records: [meanRecord("test", [0.5])] }], "b/two");
    await expect(compareResults({ baseline: [two], candidate: [two] })).rejects.toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
    expect((await compareResults({ baseline: [two], candidate: [two], model: "b/two" })).pass).toBe(true);
    await expect(
      compareResults({ baseline: [two], candidate: [two], model: "c/three" }),
    ).rejects.toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
  });

  it("renders the verdict, a row per task with the failing one first, and escapes names", async () => {
    const r = await compareResults({ baseline: [base], candidate: [cand] });
    const md = renderCompareMarkdown(r);
    const lines = md.split("\n");
    expect(lines[0]).toBe("## ❌ embeval compare: fail (1 task: RetA)");
    const rows = lines.filter((l) => l.startsWith("| ") && !l.startsWith("| Task"));
    expect(rows.length).toBe(4);
    expect(rows[0]).toMatch(
      /^\| RetA \| \d+\.\d\d \| \d+\.\d\d \| -\d\.\d\d \| \[-\d\.\d\d, -\d\.\d\d\] \| <0\.001 \| 300 \| ❌ drop \|$/,
    );
    expect(rows.slice(1).every((l) => l.endsWith("| ✅ ok |"))).toBe(true);
    const ok = renderCompareMarkdown(await compareResults({ baseline: [base], candidate: [same] }));
    expect(ok.split("\n")[0]).toBe("## ✅ embeval compare: pass");
    expect(ok).toContain("| 0.00 | [0.00, 0.00] | 1.000 |");
    const odd = { ...r, tasks: [{ ...r.tasks[0], task: "A|B_c" }], benchmark: null };
    expect(renderCompareMarkdown(odd)).toContain("| A\\|B\\_c |");
  });
});
