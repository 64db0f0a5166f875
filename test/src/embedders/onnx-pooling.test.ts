/** Pooling, normalization and prompt/adapter resolution of the ONNX embedder on hand-computed examples. */
import { describe, expect, it } from "vitest";
import {
  contextKeys,
  l2NormalizeRows,
  poolTokens,
  resolveAdapter,
  resolvePrompt,
} from "../../../src/embedders/onnx/index.js";

// batch 2 × seqLen 3 × hidden 2; row 0 has 3 real tokens, row 1 has 2 (third is padding holding junk 100/NaN).
const states = {
  data: Float32Array.of(1, 2, 3, -4, 5, 0, /* row 1 */ -1, 1, 3, 3, 100, Number.NaN),
  batch: 2,
  seqLen: 3,
  hidden: 2,
  mask: Uint8Array.of(1, 1, 1, 1, 1, 0),
};

describe("poolTokens (sentence-transformers Pooling.forward)", () => {
  it("mean averages only real tokens; padding junk (even NaN) never leaks", () => {
    expect([...poolTokens(states, ["mean"])]).toEqual([3, Math.fround(-2 / 3), 1, 2]);
  });
  it("cls takes token 0, lasttoken the last real token, max the element-wise max of real tokens", () => {
    expect([...poolTokens(states, ["cls"])]).toEqual([1, 2, -1, 1]);
    expect([...poolTokens(states, ["lasttoken"])]).toEqual([5, 0, 3, 3]);
    expect([...poolTokens(states, ["max"])]).toEqual([5, 2, 3, 3]);
  });
  it("mean_sqrt_len divides by sqrt(count); weightedmean weights position t by t+1", () => {
    const f = Math.fround;
    expect([...poolTokens(states, ["mean_sqrt_len_tokens"])]).toEqual([
      f(9 / f(Math.sqrt(3))),
      f(-2 / f(Math.sqrt(3))),
      f(2 / f(Math.sqrt(2))),
      f(4 / f(Math.sqrt(2))),
    ]);
    // row 0: (1·1 + 3·2 + 5·3)/6, (2·1 − 4·2 + 0·3)/6; row 1: (−1 + 6)/3, (1 + 6)/3
    expect([...poolTokens(states, ["weightedmean"])]).toEqual([f(22 / 6), f(-6 / 6), f(5 / 3), f(7 / 3)]);
  });
  it("concatenates modes per text and masks the first prompt tokens when asked", () => {
    expect([...poolTokens(states, ["cls", "mean"])]).toEqual([1, 2, 3, Math.fround(-2 / 3), -1, 1, 1, 2]);
    // prompt length 1: row 0 mean of tokens 1..2, row 1 only token 1.
    expect([...poolTokens(states, ["mean"], 1)]).toEqual([4, -2, 3, 3]);
    // a text made only of its prompt pools to zeros (mean: 0/1e-9) and lasttoken zeros.
    const one = { ...states, batch: 1, seqLen: 1, data: Float32Array.of(7, 8), mask: Uint8Array.of(1) };
    expect([...poolTokens(one, ["mean", "lasttoken"], 1)]).toEqual([0, 0, 0, 0]);
    expect([...poolTokens({ ...one, mask: Uint8Array.of(0) }, ["max"])]).toEqual(
      [-1e9, -1e9].map(Math.fround),
    );
  });
});

describe("l2NormalizeRows (F.normalize, eps 1e-12)", () => {
  it("divides each row by its norm and leaves a zero row at zero", () => {
    expect([...l2NormalizeRows(Float32Array.of(3, 4, 0, 0), 2)]).toEqual([0.6, 0.8, 0, 0].map(Math.fround));
  });
});

describe("prompt resolution (mteb get_prompt_name, then ST fallbacks)", () => {
  const prompts = {
    "NFCorpus-query": "nf-q: ",
    NFCorpus: "nf: ",
    "Retrieval-document": "ret-d: ",
    Clustering: "clu: ",
    query: "q: ",
    passage: "p: ",
    sym: "s: ",
  };
  it("follows task-name-role > task-name > task-type-role > task-type > role", () => {
    expect(resolvePrompt(prompts, null, { role: "query", taskName: "NFCorpus", taskType: "Retrieval" })).toBe(
      "nf-q: ",
    );
    expect(
      resolvePrompt(prompts, null, { role: "document", taskName: "NFCorpus", taskType: "Retrieval" }),
    ).toBe("nf: ");
    expect(
      resolvePrompt(prompts, null, { role: "document", taskName: "SciFact", taskType: "Retrieval" }),
    ).toBe("ret-d: ");
    expect(resolvePrompt(prompts, null, { role: "symmetric", taskName: "X", taskType: "Clustering" })).toBe(
      "clu: ",
    );
    expect(resolvePrompt(prompts, null, { role: "query", taskName: "X", taskType: "STS" })).toBe("q: ");
    expect(contextKeys({ role: "symmetric", taskName: "A", taskType: "STS" })).toEqual(["A", "STS"]);
  });
  it("falls back as ST does: document → passage, symmetric → default_prompt_name, else none", () => {
    expect(resolvePrompt(prompts, null, { role: "document", taskType: "Reranking" })).toBe("p: ");
    expect(resolvePrompt(prompts, "sym", { role: "symmetric", taskType: "STS" })).toBe("s: ");
    expect(resolvePrompt(prompts, null, { role: "symmetric", taskType: "STS" })).toBeUndefined();
    expect(resolvePrompt({ corpus: "c: " }, null, { role: "document" })).toBe("c: ");
    expect(resolvePrompt({}, null, { role: "query" })).toBeUndefined();
  });
});

describe("adapter resolution", () => {
  it("maps contexts in mteb key order to ids or lora_adaptations names", () => {
    const a = { map: { "Retrieval-query": "retrieval.query", Retrieval: "retrieval.passage", default: 4 } };
    const names = ["retrieval.query", "retrieval.passage", "separation", "classification", "text-matching"];
    expect(resolveAdapter(a, names, { role: "query", taskType: "Retrieval" })).toBe(0);
    expect(resolveAdapter(a, names, { role: "document", taskType: "Retrieval" })).toBe(1);
    expect(resolveAdapter(a, names, { role: "symmetric", taskType: "STS" })).toBe(4);
    expect(() => resolveAdapter({ map: { STS: 1 } }, names, { role: "symmetric" })).toThrow(
      /no task adapter/,
    );
  });
});
