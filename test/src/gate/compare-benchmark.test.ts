/** `compareResults --benchmark LongEmbed` on temp trees: the benchmark's tasks and (split, subset) pairs, its means, a missing split. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareResults } from "../../../src/gate/compare.js";
import { renderCompareMarkdown } from "../../../src/gate/markdown.js";
import { candidateTasks, type FakeTask, meanRecord, queryValues, writeFakeRun } from "./trees.js";

const tmp = mkdtempSync(join(tmpdir(), "embeval-gate-bench-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("--benchmark LongEmbed", () => {
  const NAMES = [
    "LEMBNarrativeQARetrieval",
    "LEMBNeedleRetrieval",
    "LEMBPasskeyRetrieval",
    "LEMBQMSumRetrieval",
    "LEMBSummScreenFDRetrieval",
    "LEMBWikimQARetrieval",
  ];
  const SPLITS: Record<string, string[]> = {
    LEMBNeedleRetrieval: [
      "test_256",
      "test_512",
      "test_1024",
      "test_2048",
      "test_4096",
      "test_8192",
      "test_16384",
      "test_32768",
    ],
    LEMBSummScreenFDRetrieval: ["validation"],
  };
  SPLITS.LEMBPasskeyRetrieval = SPLITS.LEMBNeedleRetrieval;
  const tasks = (): FakeTask[] =>
    NAMES.map((name, k) => ({
      name,
      records: (SPLITS[name] ?? ["test"]).map((s, j) => meanRecord(s, queryValues(50, 1000 + 17 * k + j))),
    }));

  it("compares the benchmark's tasks and means; fails on the task made worse", async () => {
    const b = join(tmp, "le-b");
    const c = join(tmp, "le-c");
    const bt = tasks();
    await writeFakeRun(b, [...bt, { name: "NotInBenchmark", records: [meanRecord("test", [0.9])] }]);
    await writeFakeRun(c, [
      ...candidateTasks(bt, "LEMBQMSumRetrieval"),
      { name: "NotInBenchmark", records: [meanRecord("test", [0.1])] },
    ]);
    const r = await compareResults({ baseline: [b], candidate: [c], benchmark: "longembed" });
    expect(r.failing).toEqual(["LEMBQMSumRetrieval"]);
    expect(r.tasks.map((t) => t.task)).toEqual(NAMES);
    expect(r.tasks.find((t) => t.task === "LEMBNeedleRetrieval")?.test?.items).toBe(400);
    const bm = r.benchmark;
    expect(bm?.benchmark).toBe("LongEmbed");
    expect(bm?.missingBaseline).toEqual([]);
    const meanDelta = r.tasks.reduce((s, t) => s + (t.delta ?? 0), 0) / NAMES.length;
    const row = (label: string) => bm?.rows.find((x) => x.label === label);
    expect(row("Mean (Task)")?.delta).toBeCloseTo(meanDelta, 9);
    expect(row("Retrieval")?.delta).toBeCloseTo(meanDelta, 9);
    expect(row("Mean (TaskType)")?.baseline).toBeCloseTo(
      r.tasks.reduce((s, t) => s + (t.baseline ?? 0), 0) / NAMES.length,
      9,
    );
    expect(bm?.rows.map((x) => x.label)).toEqual(["Mean (Task)", "Mean (TaskType)", "Retrieval"]);
  });

  it("a missing split makes the task missing in the candidate and blanks its means", async () => {
    const b = join(tmp, "le2-b");
    const c = join(tmp, "le2-c");
    const bt = tasks();
    await writeFakeRun(b, bt);
    await writeFakeRun(
      c,
      bt.map((t) => (t.name === "LEMBNeedleRetrieval" ? { ...t, records: t.records.slice(1) } : t)),
    );
    const r = await compareResults({ baseline: [b], candidate: [c], benchmark: "LongEmbed" });
    expect(r.failing).toEqual(["LEMBNeedleRetrieval"]);
    expect(r.tasks.find((t) => t.task === "LEMBNeedleRetrieval")?.status).toBe("missing");
    expect(r.benchmark?.missingCandidate).toEqual(["LEMBNeedleRetrieval"]);
    expect(r.benchmark?.rows[0]).toMatchObject({ label: "Mean (Task)", candidate: null, delta: null });
    const md = renderCompareMarkdown(r);
    expect(md).toContain("Candidate misses 1 task(s): LEMBNeedleRetrieval; its means are blank.");
  });
});
