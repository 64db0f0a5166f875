/**
 * LongEmbed end to end on a loopback Hub (random encoder): one result entry per context-length split with nDCG@1 as
 * main score, the per-length report table, and `--max-tokens` runs recorded and filed apart.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHubClient, type HubClient } from "../../../src/data/hub/index.js";
import { hubSource } from "../../../src/data/source.js";
import { createRandomEmbedder } from "../../../src/embedders/random.js";
import type { Embedder } from "../../../src/embedders/types.js";
import { evaluate } from "../../../src/pipeline/evaluate.js";
import { selectWork } from "../../../src/pipeline/work.js";
import { splitRows, splitSection } from "../../../src/reports/splits.js";
import { aggregateBenchmark, benchmarkTaskFiles } from "../../../src/results/aggregate.js";
import { experimentKey, parseExperimentKey } from "../../../src/results/layout.js";
import { readTaskResult } from "../../../src/results/store.js";
import { readResultTree } from "../../../src/results/tree.js";
import type { TaskSpec } from "../../../tasks/types.js";
import { LENGTHS, longEmbedRepo, passkeyRepo } from "../../fixtures/longembed/repos.js";
import { type FakeHub, startFakeHub } from "../data/hub/fake-hub.js";

const SPLITS = LENGTHS.map((L) => `test_${L}`);
const REV = join("mteb__baseline-random-encoder", "1");
let hub: FakeHub;
let cache: string;
let client: HubClient;
const source = (spec: TaskSpec) => hubSource(client, spec.dataset.path, spec.dataset.revision);

/** The random encoder, as if it truncated inputs at `limit` tokens (the ONNX embedder reports its limit so). */
function limited(limit: number): Embedder & { calls: number } {
  const base = createRandomEmbedder();
  const e = {
    ...base,
    info: { ...base.info, maxTokens: limit },
    calls: 0,
    async embed(texts: readonly string[], ctx: Parameters<Embedder["embed"]>[1]) {
      e.calls++;
      return base.embed(texts, ctx);
    },
  };
  return e;
}

beforeAll(async () => {
  hub = await startFakeHub([longEmbedRepo(), passkeyRepo()]);
  cache = await mkdtemp(join(tmpdir(), "embeval-lemb-e2e-"));
  client = createHubClient({ env: { HF_ENDPOINT: hub.endpoint, HF_HUB_CACHE: cache }, progress: false });
});
afterAll(async () => {
  await hub.close();
  await rm(cache, { recursive: true, force: true });
});

describe("LongEmbed end to end", () => {
  it("Passkey (8 lengths) and QMSum: result files, nDCG@1 per split, the per-length table", async () => {
    const out = await mkdtemp(join(tmpdir(), "embeval-lemb-out-"));
    const work = selectWork({ tasks: ["LEMBPasskeyRetrieval", "LEMBQMSumRetrieval"] });
    const summary = await evaluate({ work, embedder: createRandomEmbedder(), output: out, source });
    expect(summary.written).toHaveLength(2);
    const passkey = await readTaskResult(join(out, REV, "LEMBPasskeyRetrieval.json"));
    expect(Object.keys(passkey.scores)).toEqual(SPLITS);
    for (const s of SPLITS) {
      expect(passkey.scores[s]).toHaveLength(1);
      const e = passkey.scores[s][0];
      expect(e.hf_subset).toBe("default");
      expect(e.main_score).toBe(e.ndcg_at_1);
      expect([0, 0.5, 1]).toContain(e.ndcg_at_1); // 2 queries with one relevant document each
    }
    expect(passkey.dataset_revision).toBe("86ac5a6437198a94ecd666440c78b3e78f258274");
    const qmsum = await readTaskResult(join(out, REV, "LEMBQMSumRetrieval.json"));
    expect(Object.keys(qmsum.scores)).toEqual(["test"]);
    expect(qmsum.scores.test[0].main_score).toBe(qmsum.scores.test[0].ndcg_at_10);

    const tree = await readResultTree([out], { tasks: benchmarkTaskFiles("LongEmbed") });
    const rows = splitRows(tree, aggregateBenchmark(tree, "LongEmbed"));
    const row = rows.find((r) => r.task === "LEMBPasskeyRetrieval");
    // Both multi-split tasks get a row (Needle's empty: not run); QMSum has one split, so no table.
    expect(rows.map((r) => r.task)).toEqual(["LEMBNeedleRetrieval", "LEMBPasskeyRetrieval"]);
    expect(Object.values(rows[0].splits).every((v) => v === null) && rows[0].task_score === null).toBe(true);
    expect(row?.model).toBe("mteb/baseline-random-encoder");
    const main = (s: string) => passkey.scores[s][0].main_score ?? Number.NaN;
    for (const s of SPLITS) expect(row?.splits[s]).toBeCloseTo(main(s) * 100, 12);
    const mean = SPLITS.reduce((a, s) => a + main(s), 0) / SPLITS.length;
    expect(row?.task_score).toBeCloseTo(mean * 100, 10);
    expect(row?.max_tokens).toBeNull(); // the random encoder has no limit
    const md = splitSection(rows);
    expect(md).toContain(
      "| Model | 256 | 512 | 1024 | 2048 | 4096 | 8192 | 16384 | 32768 | Task score | Max tokens |",
    );
    expect(md).toContain(`| mteb/baseline-random-encoder | ${(main("test_256") * 100).toFixed(2)} |`);
  });
});

describe("--max-tokens recorded in the results", () => {
  it("experiment keys combine dims, quantization and max tokens, and parse back", () => {
    expect(experimentKey({ maxTokens: 8192 })).toBe("max_tokens_8192");
    expect(experimentKey({ dim: 256, maxTokens: 8192 })).toBe("embed_dim_256__max_tokens_8192");
    expect(experimentKey({ dim: 64, quantize: "int8", maxTokens: 512 })).toBe(
      "embed_dim_64__quantize_int8__max_tokens_512",
    );
    expect(parseExperimentKey("embed_dim_256__max_tokens_8192")).toEqual({ dim: 256, maxTokens: 8192 });
    expect(parseExperimentKey("quantize_binary")).toEqual({ quantize: "binary" });
    expect(parseExperimentKey("max_tokens_0")).toBeUndefined();
    expect(parseExperimentKey("__max_tokens_5")).toBeUndefined();
    expect(() => experimentKey({ maxTokens: 1.5 })).toThrow(/--max-tokens must be a positive integer/);
  });

  it("a limit other than the model's goes to max_tokens_<n>; model_meta and provenance say which; reruns never mix", async () => {
    const out = await mkdtemp(join(tmpdir(), "embeval-lemb-maxtok-"));
    const work = selectWork({ tasks: ["LEMBQMSumRetrieval"] });
    const run = (limit: number, extra: { maxTokens?: number; dims?: number[] } = {}) => {
      const embedder = limited(limit);
      return evaluate({ work, embedder, output: out, source, modelMaxTokens: 8192, ...extra }).then((s) => ({
        s,
        calls: embedder.calls,
      }));
    };
    // The model's own limit: the revision folder, max_tokens 8192.
    await run(8192);
    const own = JSON.parse(await readFile(join(out, REV, "model_meta.json"), "utf8"));
    expect(own.max_tokens).toBe(8192);
    expect(own.experiment_kwargs).toBeNull();
    // --max-tokens 512: its own folder, even though the main result exists (only-missing does not skip it).
    const r512 = await run(512, { maxTokens: 512 });
    expect(r512.s.skipped).toEqual([]);
    expect(r512.calls).toBeGreaterThan(0);
    const dir512 = join(out, REV, "experiments", "max_tokens_512");
    const meta = JSON.parse(await readFile(join(dir512, "model_meta.json"), "utf8"));
    expect(meta.max_tokens).toBe(512);
    expect(meta.experiment_kwargs).toEqual({ max_tokens: 512 });
    const prov = JSON.parse(
      await readFile(join(dir512, ".embeval", "LEMBQMSumRetrieval.provenance.json"), "utf8"),
    );
    expect(prov.max_tokens).toEqual({ requested: 512, model: 8192, effective: 512 });
    expect(prov.experiment).toEqual({ maxTokens: 512 });
    // Another limit is another folder; the same limit again is skipped; --max-tokens equal to the model's is the main run.
    expect((await run(1024, { maxTokens: 1024 })).s.skipped).toEqual([]);
    expect((await run(512, { maxTokens: 512 })).s.skipped).toEqual(["LEMBQMSumRetrieval"]);
    expect((await run(8192, { maxTokens: 8192 })).s.skipped).toEqual(["LEMBQMSumRetrieval"]);
    // With a truncation dim: embed_dim_<d>__max_tokens_<n>.
    await run(512, { maxTokens: 512, dims: [16] });
    expect((await readdir(join(out, REV, "experiments"))).sort()).toEqual([
      "embed_dim_16__max_tokens_512",
      "max_tokens_1024",
      "max_tokens_512",
    ]);
    const both = JSON.parse(
      await readFile(
        join(out, REV, "experiments", "embed_dim_16__max_tokens_512", "model_meta.json"),
        "utf8",
      ),
    );
    expect(both.experiment_kwargs).toEqual({ embed_dim: 16, max_tokens: 512 });
  });

  it("a --max-tokens the embedder does not apply is refused before anything is written", async () => {
    const out = await mkdtemp(join(tmpdir(), "embeval-lemb-refuse-"));
    const work = selectWork({ tasks: ["LEMBQMSumRetrieval"] });
    await expect(
      evaluate({ work, embedder: createRandomEmbedder(), output: out, source, maxTokens: 512 }),
    ).rejects.toMatchObject({ code: "E_CONFIG" });
    expect(await readdir(out)).toEqual([]);
  });

  it("the per-length table shows each run's max tokens: the model's row and the experiment's row", async () => {
    const out = await mkdtemp(join(tmpdir(), "embeval-lemb-table-"));
    const work = selectWork({ tasks: ["LEMBPasskeyRetrieval"] });
    await evaluate({ work, embedder: limited(8192), output: out, source, modelMaxTokens: 8192 });
    await evaluate({
      work,
      embedder: limited(256),
      output: out,
      source,
      modelMaxTokens: 8192,
      maxTokens: 256,
    });
    const tree = await readResultTree([out], { tasks: benchmarkTaskFiles("LongEmbed") });
    const rows = splitRows(tree, aggregateBenchmark(tree, "LongEmbed")).filter(
      (r) => r.task === "LEMBPasskeyRetrieval",
    );
    expect(rows.map((r) => [r.model, r.max_tokens])).toEqual([
      ["mteb/baseline-random-encoder", 8192],
      ["mteb/baseline-random-encoder [max_tokens_256]", 256],
    ]);
    const exp = await readTaskResult(
      join(out, REV, "experiments", "max_tokens_256", "LEMBPasskeyRetrieval.json"),
    );
    expect(rows[1].splits.test_32768).toBeCloseTo(
      (exp.scores.test_32768[0].main_score ?? Number.NaN) * 100,
      12,
    );
    expect(rows[1].task_score).not.toBeNull();
    expect(splitSection(rows)).toContain("| mteb/baseline-random-encoder [max_tokens_256] |");
    expect(splitSection(rows)).toMatch(
      /\| 8192 \|\n\| mteb\/baseline-random-encoder \[max_tokens_256\] \|.*\| 256 \|$/,
    );
  });
});
