/** FollowIR-style instruction reranking end to end from a dataset folder: qrel_diff loaded, p-MRR as main score. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fromRows } from "../../../metrics/matrix.js";
import { loadTaskData } from "../../../src/data/load-task.js";
import { localSource } from "../../../src/data/source.js";
import { getTask } from "../../../tasks/registry/index.js";
import { newTaskRngState } from "../../../tasks/runner.js";
import { runnerFor } from "../../../tasks/runners/index.js";

const jsonl = (rows: object[]) => `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;

function followIrFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "embeval-followir-"));
  writeFileSync(
    join(dir, "README.md"),
    `---
configs:
- config_name: corpus
  data_files:
  - split: corpus
    path: corpus.jsonl
- config_name: queries
  data_files:
  - split: queries
    path: queries.jsonl
- config_name: default
  data_files:
  - split: test
    path: qrels.jsonl
- config_name: top_ranked
  data_files:
  - split: test
    path: top_ranked.jsonl
- config_name: qrel_diff
  data_files:
  - split: qrel_diff
    path: qrel_diff.jsonl
---
`,
  );
  writeFileSync(
    join(dir, "corpus.jsonl"),
    jsonl(["d1", "d2", "d3"].map((id) => ({ _id: id, title: "", text: id }))),
  );
  writeFileSync(
    join(dir, "queries.jsonl"),
    jsonl([
      { _id: "q1-og", text: "og" },
      { _id: "q1-changed", text: "changed" },
    ]),
  );
  writeFileSync(
    join(dir, "qrels.jsonl"),
    jsonl([
      { "query-id": "q1-og", "corpus-id": "d1", score: 1 },
      { "query-id": "q1-changed", "corpus-id": "d2", score: 1 },
    ]),
  );
  writeFileSync(
    join(dir, "top_ranked.jsonl"),
    jsonl(["q1-og", "q1-changed"].map((q) => ({ "query-id": q, "corpus-ids": ["d1", "d2", "d3"] }))),
  );
  writeFileSync(join(dir, "qrel_diff.jsonl"), jsonl([{ "query-id": "q1", "corpus-ids": ["d1"] }]));
  return dir;
}

describe("instruction reranking runner", () => {
  it("ranks candidates per instruction and scores p-MRR: d1 falls from rank 1 to 3 → 1 − 1/3", async () => {
    const spec = getTask("Core17InstructionRetrieval");
    const source = localSource(followIrFolder());
    const data = await loadTaskData(spec, source, "test", "default");
    expect(data.kind === "retrieval" && data.changed?.get("q1")).toEqual(["d1"]);
    // Hand-made vectors: the og query is closest to d1, the changed query to d3, then d2, then d1.
    const vec: Record<string, number[]> = {
      d1: [1, 0, 0],
      d2: [0, 1, 0],
      d3: [0, 0, 1],
      og: [1, 0.2, 0.1],
      changed: [0.1, 0.5, 1],
    };
    const scores = await runnerFor(spec)(data, {
      spec,
      split: "test",
      subset: "default",
      encode: async (req) => fromRows(req.texts.map((t) => vec[t])),
      similarity: "cosine",
      sklearn: "1.9",
      rng: newTaskRngState(),
      seed: 42,
      loadSplit: () => Promise.reject(new Error("not needed")),
    });
    expect(scores["p-MRR"]).toBeCloseTo(1 - 1 / 3, 15);
    expect(scores.main_score).toBe(scores["p-MRR"]);
    // Both halves are scored on their own qrels: the og query finds d1 first, the changed query finds d2 second.
    expect((scores.og as Record<string, number>).mrr_at_10).toBe(1);
    expect((scores.changed as Record<string, number>).mrr_at_10).toBe(0.5);
  });
});
