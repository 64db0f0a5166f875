/**
 * Issue 8 point 6: mteb's fast clustering draws from ONE random.Random(42) on the task, advancing across subsets in
 * hf_subsets order; a `--subsets` selection advances it only over the subsets actually evaluated.
 */
import { describe, expect, it } from "vitest";
import { fromRows } from "../../../metrics/matrix.js";
import type { TaskData } from "../../../tasks/data.js";
import { getTask } from "../../../tasks/registry/index.js";
import { newTaskRngState, type RunContext } from "../../../tasks/runner.js";
import { runClustering } from "../../../tasks/runners/clustering.js";

function data(seed: number): TaskData {
  // 60 documents in 3 separated groups; with maxDocumentToEmbed 2048 all are embedded (no downsampling draw).
  const sentences = Array.from({ length: 60 }, (_, i) => `doc ${seed}-${i}`);
  return { kind: "clustering-fast", sentences, labels: sentences.map((_, i) => i % 3) };
}

function ctx(subset: string, rng: RunContext["rng"]): RunContext {
  const spec = getTask("MLSUMClusteringS2S.v2");
  return {
    spec,
    split: "test",
    subset,
    encode: async (req) =>
      fromRows(
        req.texts.map((t) => {
          const i = Number(t.split("-")[1]);
          return [i % 3, ((i * 7) % 11) / 10, 1];
        }),
      ),
    similarity: "cosine",
    sklearn: "1.9",
    rng,
    seed: 42,
    loadSplit: () => Promise.reject(new Error("unused")),
  };
}

describe("task-level clustering RNG", () => {
  it("subset 'fr' after 'de' differs from 'fr' alone, and 'fr' alone equals the first subset of a fresh task", async () => {
    const shared = newTaskRngState(42);
    const de = await runClustering(data(1), ctx("de", shared));
    const frAfterDe = await runClustering(data(2), ctx("fr", shared));
    const frAlone = await runClustering(data(2), ctx("fr", newTaskRngState(42)));
    const deAlone = await runClustering(data(1), ctx("de", newTaskRngState(42)));
    expect(deAlone.v_measures).toEqual(de.v_measures);
    expect(frAlone.v_measures).not.toEqual(frAfterDe.v_measures);
  });
});
