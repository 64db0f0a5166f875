/** Tests of mteb prompt/instruction resolution (abs_encoder.py get_prompt_name, get_task_instruction; spec §2.2–2.3). */
import { describe, expect, it } from "vitest";
import {
  applyPrompt,
  effectivePrompt,
  promptTypeOf,
  resolveInstruction,
  resolvePrompt,
  resolvePromptName,
  validatePromptKeys,
} from "../../../src/embedders/prompts.js";

const FULL = {
  "NFCorpus-query": "A",
  NFCorpus: "B",
  "Retrieval-query": "C",
  Retrieval: "D",
  query: "E",
  document: "F",
};

describe("resolvePromptName (mteb get_prompt_name)", () => {
  it("follows task-name-role > task-name > task-type-role > task-type > role", () => {
    const ctx = { role: "query" as const, taskName: "NFCorpus", taskType: "Retrieval" as const };
    const p: Record<string, string> = { ...FULL };
    const seen: string[] = [];
    for (const key of ["NFCorpus-query", "NFCorpus", "Retrieval-query", "Retrieval", "query"]) {
      seen.push(resolvePromptName(p, ctx) ?? "none");
      expect(resolvePromptName(p, ctx)).toBe(key);
      delete p[key];
    }
    expect(seen).toEqual(["NFCorpus-query", "NFCorpus", "Retrieval-query", "Retrieval", "query"]);
    // only "document" is left: a query matches nothing
    expect(resolvePromptName(p, ctx)).toBeUndefined();
    expect(resolvePromptName(p, { ...ctx, role: "document" })).toBe("document");
  });

  it("symmetric tasks (prompt_type None) can match only the task name or the task type", () => {
    const e5 = { query: "query: ", document: "passage: " };
    expect(resolvePrompt(e5, { role: "symmetric", taskName: "Banking77", taskType: "Classification" })).toBe(
      undefined,
    );
    expect(resolvePrompt(FULL, { role: "symmetric", taskName: "X", taskType: "Retrieval" })).toBe("D");
    expect(resolvePrompt(FULL, { role: "symmetric", taskName: "NFCorpus", taskType: "Retrieval" })).toBe("B");
    expect(resolvePrompt({ "STS-query": "q" }, { role: "symmetric", taskType: "STS" })).toBeUndefined();
  });

  it("handles a missing map, an empty map, missing context and empty values", () => {
    expect(resolvePrompt(undefined, { role: "query" })).toBeUndefined();
    expect(resolvePrompt({}, { role: "query" })).toBeUndefined();
    expect(resolvePrompt({ query: "q: " }, { role: "query" })).toBe("q: ");
    expect(resolvePrompt({ query: "" }, { role: "query" })).toBe("");
    expect(effectivePrompt({ query: "" }, { role: "query" })).toBeUndefined();
    expect(effectivePrompt({ query: "q: " }, { role: "document" })).toBeUndefined();
    // an empty task name is falsy in Python: the "-query" key is not built from it
    expect(resolvePromptName({ "-query": "x", query: "y" }, { role: "query", taskName: "" })).toBe("query");
    // inherited object keys never match
    expect(resolvePromptName({}, { role: "query", taskName: "constructor" })).toBeUndefined();
  });

  it("maps roles and applies prompts verbatim", () => {
    expect(promptTypeOf("symmetric")).toBeUndefined();
    expect(promptTypeOf("query")).toBe("query");
    expect(applyPrompt("text", "query: ")).toBe("query: text");
    expect(applyPrompt("text", undefined)).toBe("text");
    expect(applyPrompt("text", "")).toBe("text");
  });
});

describe("validatePromptKeys (mteb validate_task_to_prompt_name)", () => {
  const types = ["Retrieval", "STS"];
  it("accepts types, roles, task names and their -role combinations", () => {
    expect(() => validatePromptKeys(FULL, types)).not.toThrow();
  });
  it("rejects a bad prompt type and unknown task names", () => {
    expect(() => validatePromptKeys({ "Retrieval-passage": "x" }, types)).toThrow(/invalid prompt type/);
    expect(() => validatePromptKeys({ Nope: "x" }, types, (n) => n === "NFCorpus")).toThrow(
      expect.objectContaining({ code: "E_CONFIG" }),
    );
  });
});

describe("resolveInstruction (mteb get_task_instruction)", () => {
  it("uses the task prompt, overridden by prompts[name] > prompts[type] > prompts[role]", () => {
    const ctx = { role: "query" as const, taskName: "T", taskType: "Retrieval" as const };
    expect(resolveInstruction(ctx, { taskPrompt: "task" })).toBe("task");
    expect(resolveInstruction(ctx, { taskPrompt: "task", prompts: { query: "r" } })).toBe("r");
    expect(resolveInstruction(ctx, { taskPrompt: "task", prompts: { query: "r", Retrieval: "y" } })).toBe(
      "y",
    );
    expect(resolveInstruction(ctx, { prompts: { query: "r", Retrieval: "y", T: "n" } })).toBe("n");
  });
  it("picks the role entry of a dict prompt, '' when missing, class default when empty", () => {
    const q = { role: "query" as const, taskType: "Retrieval" as const };
    const d = { role: "document" as const, taskType: "Retrieval" as const };
    expect(resolveInstruction(q, { taskPrompt: { query: "find" } })).toBe("find");
    expect(resolveInstruction(d, { taskPrompt: { query: "find" } })).toBe("");
    expect(resolveInstruction(q)).toBe("Retrieve text based on user query.");
    expect(resolveInstruction({ role: "symmetric", taskType: "STS" })).toBe(
      "Retrieve semantically similar text.",
    );
    expect(resolveInstruction({ role: "symmetric", taskType: "Reranking" })).toBe("");
  });
  it("formats with a string template only when non-empty, always with a function", () => {
    const d = { role: "document" as const, taskType: "Retrieval" as const };
    const tpl = "Instruct: {instruction}\nQuery: ";
    expect(resolveInstruction({ role: "query" }, { taskPrompt: "Find it", template: tpl })).toBe(
      "Instruct: Find it\nQuery: ",
    );
    expect(resolveInstruction(d, { taskPrompt: { query: "x" }, template: tpl })).toBe("");
    expect(resolveInstruction(d, { taskPrompt: { query: "x" }, template: (i, pt) => `[${pt}]${i}` })).toBe(
      "[document]",
    );
    expect(resolveInstruction({ role: "query" }, { taskPrompt: "a", template: "{{{instruction}}}" })).toBe(
      "{a}",
    );
    expect(() => resolveInstruction({ role: "query" }, { taskPrompt: "a", template: "no field" })).toThrow(
      expect.objectContaining({ code: "E_CONFIG" }),
    );
    expect(() =>
      resolveInstruction({ role: "query" }, { taskPrompt: "a", template: "{instruction} {x}" }),
    ).toThrow(/unsupported field/);
  });
});
