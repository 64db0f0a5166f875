/** evaluate(): one encode pass for all dims, overwrite strategies, coded errors with no partial result file. */

import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTaskData } from "../../../src/data/load-task.js";
import { createRandomEmbedder } from "../../../src/embedders/random.js";
import type { Embedder } from "../../../src/embedders/types.js";
import { evaluate } from "../../../src/pipeline/evaluate.js";
import { selectWork } from "../../../src/pipeline/work.js";
import { readTaskResult } from "../../../src/results/store.js";
import { fixtureSource } from "../../helpers/fixture-source.js";

const source = fixtureSource;

/** The random encoder, counting the texts it is asked to embed. */
function counting(base: Embedder = createRandomEmbedder()): Embedder & { texts: number; calls: number } {
  const e = {
    ...base,
    texts: 0,
    calls: 0,
    async embed(texts: readonly string[], ctx: Parameters<Embedder["embed"]>[1]) {
      e.texts += texts.length;
      e.calls++;
      return base.embed(texts, ctx);
    },
  };
  return e;
}

describe("evaluate", () => {
  it("--dims 32,16,8: encodes each text once and writes one experiments folder per truncated dim", async () => {
    const out = mkdtempSync(join(tmpdir(), "embeval-dims-"));
    const emb = counting();
    const summary = await evaluate({
      work: selectWork({ tasks: ["STSBenchmark"] }),
      embedder: emb,
      output: out,
      source,
      dims: [32, 16, 8],
    });
    const rev = join(out, "mteb__baseline-random-encoder", "1");
    expect(readdirSync(join(rev, "experiments")).sort()).toEqual(["embed_dim_16", "embed_dim_8"]);
    const unique = new Set<string>();
    const s = await readTaskResult(join(rev, "STSBenchmark.json"));
    expect(s.scores.test).toHaveLength(1);
    // The embedder saw each distinct sentence exactly once for all three dims.
    const spec = selectWork({ tasks: ["STSBenchmark"] })[0].spec;
    const data = await loadTaskData(spec, source(spec), "test", "default");
    if (data.kind !== "sts") throw new Error("expected STS data");
    for (const t of [...data.sentence1, ...data.sentence2]) unique.add(t);
    expect(unique.size).toBeGreaterThan(2000);
    expect(emb.texts).toBe(unique.size);
    expect(summary.rows.map((r) => r.dim)).toEqual([32, 16, 8]);
    const meta = JSON.parse(
      readFileSync(join(rev, "experiments", "embed_dim_16", "model_meta.json"), "utf8"),
    );
    expect(meta.experiment_kwargs).toEqual({ embed_dim: 16 });
    const d16 = await readTaskResult(join(rev, "experiments", "embed_dim_16", "STSBenchmark.json"));
    expect(d16.scores.test[0].main_score).not.toBe(s.scores.test[0].main_score);
  });

  it("only-missing skips finished tasks; always recomputes; never keeps what exists", async () => {
    const out = mkdtempSync(join(tmpdir(), "embeval-overwrite-"));
    const work = selectWork({ tasks: ["SICK-R"] });
    const first = await evaluate({ work, embedder: counting(), output: out, source });
    expect(first.written).toHaveLength(1);
    const again = counting();
    const second = await evaluate({ work, embedder: again, output: out, source });
    expect(second.skipped).toEqual(["SICK-R"]);
    expect(again.calls).toBe(0);
    const never = await evaluate({ work, embedder: counting(), output: out, source, overwrite: "never" });
    expect(never.skipped).toEqual(["SICK-R"]);
    const always = counting();
    await evaluate({ work, embedder: always, output: out, source, overwrite: "always" });
    expect(always.calls).toBeGreaterThan(0);
  });

  it("an embedder returning the wrong dimension is E_EMBEDDING_DIM and leaves no result file", async () => {
    const out = mkdtempSync(join(tmpdir(), "embeval-baddim-"));
    const base = createRandomEmbedder();
    const bad: Embedder = { ...base, info: { ...base.info, dim: 64 } };
    await expect(
      evaluate({ work: selectWork({ tasks: ["STSBenchmark"] }), embedder: bad, output: out, source }),
    ).rejects.toMatchObject({
      code: "E_EMBEDDING_DIM",
    });
    expect(existsSync(join(out, "mteb__baseline-random-encoder", "1", "STSBenchmark.json"))).toBe(false);
  });

  it("an embedder returning NaN is E_NOT_FINITE and leaves no result file", async () => {
    const out = mkdtempSync(join(tmpdir(), "embeval-nan-"));
    const base = createRandomEmbedder();
    const nan: Embedder = {
      ...base,
      async embed(texts, ctx) {
        const v = await base.embed(texts, ctx);
        v[5] = Number.NaN;
        return v;
      },
    };
    await expect(
      evaluate({ work: selectWork({ tasks: ["SICK-R"] }), embedder: nan, output: out, source }),
    ).rejects.toMatchObject({ code: "E_NOT_FINITE" });
    expect(existsSync(join(out, "mteb__baseline-random-encoder", "1", "SICK-R.json"))).toBe(false);
  });

  it("an unknown task is E_TASK_NOT_FOUND with a suggestion; a split the dataset lacks is E_DATASET_MISSING", async () => {
    expect(() => selectWork({ tasks: ["STSBenchmarc"] })).toThrowError(
      expect.objectContaining({ code: "E_TASK_NOT_FOUND", hint: expect.stringContaining("STSBenchmark") }),
    );
    const out = mkdtempSync(join(tmpdir(), "embeval-split-"));
    const [w] = selectWork({ tasks: ["STSBenchmark"] });
    await expect(
      evaluate({
        work: [{ ...w, splits: ["train"] }],
        embedder: createRandomEmbedder(),
        output: out,
        source,
      }),
    ).rejects.toMatchObject({ code: "E_DATASET_MISSING", message: expect.stringContaining('"train"') });
    expect(existsSync(join(out, "mteb__baseline-random-encoder"))).toBe(false);
  });
});

describe("truncation semantics (sentence-transformers truncate_dim)", () => {
  it("--dims 16 scores equal an embedder that natively returns the first 16 dims (no renormalisation)", async () => {
    const base = createRandomEmbedder();
    const native: Embedder = {
      ...base,
      info: { ...base.info, id: "test/native-16", dim: 16 },
      async embed(texts, ctx) {
        const full = await base.embed(texts, ctx);
        const out = new Float32Array(texts.length * 16);
        for (let i = 0; i < texts.length; i++) out.set(full.subarray(i * 32, i * 32 + 16), i * 16);
        return out;
      },
    };
    const work = selectWork({ tasks: ["STSBenchmark", "Banking77Classification"] });
    const a = await evaluate({
      work,
      embedder: base,
      output: mkdtempSync(join(tmpdir(), "embeval-t-")),
      source,
      dims: [16],
    });
    const b = await evaluate({
      work,
      embedder: native,
      output: mkdtempSync(join(tmpdir(), "embeval-n-")),
      source,
    });
    expect(a.rows.map((r) => r.mainScore)).toEqual(b.rows.map((r) => r.mainScore));
    expect(a.rows.every((r) => r.dim === 16)).toBe(true);
  });
});

describe("per-item sidecars for the gate", () => {
  it("writes the per-query / per-pair / per-item values whose mean or correlation is the main score", async () => {
    const { readTaskItems } = await import("../../../src/results/items.js");
    const { spearman } = await import("../../../metrics/correlation.js");
    const out = mkdtempSync(join(tmpdir(), "embeval-items-"));
    await evaluate({
      work: selectWork({ tasks: ["STSBenchmark", "SciFact", "Banking77Classification"] }),
      embedder: createRandomEmbedder(),
      output: out,
      source,
    });
    const dir = join(out, "mteb__baseline-random-encoder", "1");
    for (const task of ["STSBenchmark", "SciFact", "Banking77Classification"]) {
      const result = await readTaskResult(join(dir, `${task}.json`));
      const [rec] = (await readTaskItems(dir, task)) ?? [];
      expect(rec, task).toBeDefined();
      const main = result.scores.test[0].main_score as number;
      const score =
        rec.kind === "correlation"
          ? spearman(
              rec.values.map((v) => v[0]),
              rec.values.map((v) => v[1]),
            )
          : rec.values.reduce((a, b) => a + b, 0) / rec.values.length;
      expect(Math.abs(score - main), task).toBeLessThan(1e-5);
    }
  });
});
