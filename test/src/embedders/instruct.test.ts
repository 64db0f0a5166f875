/** Instruction-following models (mteb InstructWrapper, spec §2.3): task prompt, overrides, class defaults, template. */

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withInstructions } from "../../../src/embedders/instruct.js";
import { evaluate } from "../../../src/pipeline/evaluate.js";
import { selectWork } from "../../../src/pipeline/work.js";
import { recording } from "../../helpers/embedders.js";
import { fixtureSource } from "../../helpers/fixture-source.js";

const TEMPLATE = "Instruct: {instruction}\nQuery: ";

describe("withInstructions", () => {
  it("queries get the task's prompt through the template; documents get none", async () => {
    const inner = recording();
    const e = withInstructions(inner, { template: TEMPLATE });
    const ctx = {
      taskName: "SciFact",
      taskType: "Retrieval" as const,
      taskPrompt: { query: "Given a claim, retrieve documents" },
    };
    await e.embed(["c1"], { ...ctx, role: "query" });
    await e.embed(["d1"], { ...ctx, role: "document" });
    expect(inner.seen).toEqual(["Instruct: Given a claim, retrieve documents\nQuery: c1", "d1"]);
    expect(e.promptFor({ ...ctx, role: "document" })).toBeUndefined();
  });
  it("falls back to the task type's default and honours model overrides by task name", async () => {
    const inner = recording();
    const e = withInstructions(inner, { template: TEMPLATE, prompts: { "SICK-R": "Compare sentences" } });
    await e.embed(["a"], { role: "symmetric", taskName: "STSBenchmark", taskType: "STS" });
    await e.embed(["b"], { role: "symmetric", taskName: "SICK-R", taskType: "STS" });
    expect(inner.seen).toEqual([
      "Instruct: Retrieve semantically similar text.\nQuery: a",
      "Instruct: Compare sentences\nQuery: b",
    ]);
    expect(e.info.cacheKey).toContain("instruct:");
  });
  it("the pipeline passes each task's metadata prompt (Banking77's) to the model", async () => {
    const inner = recording();
    await evaluate({
      work: selectWork({ tasks: ["Banking77Classification"] }),
      embedder: withInstructions(inner, { template: TEMPLATE }),
      output: mkdtempSync(join(tmpdir(), "embeval-instruct-")),
      source: fixtureSource,
    });
    expect(inner.seen.length).toBeGreaterThan(0);
    expect(
      inner.seen.every((t) =>
        t.startsWith("Instruct: Given a online banking query, find the corresponding intents\nQuery: "),
      ),
    ).toBe(true);
  });
});
