/** LongEmbed's per-length table: each split's score, and the task score as the flat mean over the 8 lengths. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitRows, splitSection } from "../../../src/reports/splits.js";
import { aggregateBenchmark, benchmarkTaskFiles } from "../../../src/results/aggregate.js";
import { readResultTree } from "../../../src/results/tree.js";
import { SHARED_DIR } from "../../helpers/shared.js";

describe("per-split (context length) tables", () => {
  it("LongEmbed: Needle and Passkey by length; the task score is the mean over the 8 splits", async () => {
    const tasks = benchmarkTaskFiles("LongEmbed", {});
    const tree = await readResultTree([join(SHARED_DIR, "results")], { tasks });
    const rows = splitRows(tree, aggregateBenchmark(tree, "LongEmbed"));
    expect([...new Set(rows.map((r) => r.task))].sort()).toEqual([
      "LEMBNeedleRetrieval",
      "LEMBPasskeyRetrieval",
    ]);
    const small = rows.find(
      (r) => r.task === "LEMBPasskeyRetrieval" && r.model === "jinaai/jina-embeddings-v5-text-small",
    );
    expect(Object.keys(small?.splits ?? {})).toEqual([
      "test_256",
      "test_512",
      "test_1024",
      "test_2048",
      "test_4096",
      "test_8192",
      "test_16384",
      "test_32768",
    ]);
    // Which max tokens produced each row: model_meta.json `max_tokens` (mteb writes 32768.0; inf = no limit → null).
    const limit = (model: string) => rows.find((r) => r.model === model)?.max_tokens;
    expect(small?.max_tokens).toBe(32768);
    expect(limit("intfloat/multilingual-e5-large-instruct")).toBe(514);
    expect(limit("mteb/baseline-random-encoder") ?? null).toBeNull();
    for (const r of rows.filter((x) => x.task_score !== null)) {
      const v = Object.values(r.splits) as number[];
      expect(r.task_score).toBeCloseTo(v.reduce((a, b) => a + b, 0) / v.length, 10);
    }
    expect(splitSection(rows)).toContain(
      "| Model | 256 | 512 | 1024 | 2048 | 4096 | 8192 | 16384 | 32768 | Task score | Max tokens |",
    );
  });
  it("single-split benchmarks get no such table", async () => {
    const tree = await readResultTree([join(SHARED_DIR, "results")], { tasks: new Set(["STSBenchmark"]) });
    expect(splitSection(splitRows(tree, aggregateBenchmark(tree, "MTEB(eng, v2)")))).toBe("");
  });
});
